// Turns CSL and Crossref date objects into the Record's date text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when well formed.
import { isObject } from './csl-item.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The first date-parts of a CSL date as ISO text, or its raw/literal text; undefined when empty. */
export function cslDateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!isObject(value)) return undefined;
  const parts = value['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : undefined;
  if (first && first.length > 0 && first[0] !== null && first[0] !== undefined) {
    const nums = first.map((p) => (typeof p === 'string' && /^\d+$/.test(p.trim()) ? Number(p) : p));
    if (nums.every((n) => typeof n === 'number' && Number.isInteger(n))) {
      const [y, m, d] = nums as number[];
      if (y !== undefined && y >= 0 && y <= 9999) {
        let text = String(y).padStart(4, '0');
        if (m !== undefined && m >= 1 && m <= 12) {
          text += `-${pad(m)}`;
          if (d !== undefined && d >= 1 && d <= 31) text += `-${pad(d)}`;
        }
        return text;
      }
    }
    return first.map(String).join('-');
  }
  for (const key of ['raw', 'literal']) {
    const v = value[key];
    if (typeof v === 'string' && v.trim()) return risDate(v.trim()) ?? v.trim();
  }
  return undefined;
}

/** CSL date-parts for an ISO date text, or a raw date for anything else. */
export function cslDateOf(text: string): { 'date-parts': number[][] } | { raw: string } {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m) return { raw: text };
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  return { 'date-parts': [parts] };
}

/** A RIS date "2020//", "2020/05/" or "2020/05/17/" as ISO text. */
function risDate(text: string): string | undefined {
  const m = /^(\d{4})\/(\d{1,2})?\/?(\d{1,2})?\/?$/.exec(text);
  if (!m?.[1]) return undefined;
  if (!m[2]) return m[1];
  return m[3] ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : `${m[1]}-${pad(Number(m[2]))}`;
}
