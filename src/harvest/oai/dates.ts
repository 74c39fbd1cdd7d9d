// OAI-PMH datestamps: written at seconds granularity (UTC, Z), read at day or seconds granularity for from/until.
import { OaiError } from './errors.js';

/** `YYYY-MM-DDThh:mm:ssZ`. */
export function datestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export type Granularity = 'day' | 'seconds';

export interface DateBound {
  /** As given, for the token and the echo. */
  text: string;
  granularity: Granularity;
  /** The first millisecond the bound covers (for `from`) or the last (for `until`). */
  ms: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses a from/until value; a day-granularity `until` covers the whole day. Throws badArgument for anything else. */
export function parseBound(name: 'from' | 'until', text: string): DateBound {
  const m = SECONDS.exec(text) ?? DAY.exec(text);
  if (!m) {
    throw new OaiError('badArgument', `${name} must be a UTC date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (this repository's granularity is seconds)`);
  }
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo! - 1 ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h ||
    back.getUTCMinutes() !== mi ||
    back.getUTCSeconds() !== s
  ) {
    throw new OaiError('badArgument', `${name} is not a real date: ${text}`);
  }
  const granularity: Granularity = m.length > 4 ? 'seconds' : 'day';
  const end = name === 'until' ? (granularity === 'day' ? 86_400_000 - 1 : 999) : 0;
  return { text, granularity, ms: ms + end };
}

/** Both bounds must be at the same granularity, and from must not be after until (§3.3.1). */
export function checkRange(from: DateBound | undefined, until: DateBound | undefined): void {
  if (from && until) {
    if (from.granularity !== until.granularity) throw new OaiError('badArgument', 'from and until must have the same granularity');
    if (from.ms > until.ms) throw new OaiError('badArgument', 'from is later than until');
  }
}
