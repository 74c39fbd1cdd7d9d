// Tells CSL-JSON from Crossref works JSON after parsing, so that one `.json` extension serves both.
import { LdpubError } from '../../errors.js';
import { isObject } from './csl-item.js';
import { lineAt } from './entries.js';
import { crossrefTypeNames } from './work-types.js';

/** Keys only Crossref works carry. */
const CROSSREF_KEYS = ['reference-count', 'is-referenced-by-count', 'issn-type', 'content-domain', 'deposited', 'indexed', 'member', 'prefix'];

export function parseJson(text: string, format: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    // V8's message quotes the input (over several lines): keep the reason, and say where as line and column.
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const reason = (message.split('\n', 1)[0] ?? '').replace(/, (?:\.\.\.)?".*$/, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    let where = '';
    if (position?.[1]) {
      const at = Number(position[1]);
      const line = lineAt(body, at);
      where = ` at line ${line}, column ${at - body.lastIndexOf('\n', at - 1)}`;
    }
    throw new LdpubError('LDPUB_BAD_SYNTAX', `not valid JSON for ${format}${where}: ${reason}`);
  }
}

/** Parses text that starts like JSON; undefined for anything else or bad JSON. */
export function tryParseJson(text: string): unknown {
  const t = text.trimStart().replace(/^\uFEFF/, '');
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

export function isCrossrefWork(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (CROSSREF_KEYS.some((k) => k in value)) return true;
  return Array.isArray(value.title) && typeof value.type === 'string' && crossrefTypeNames.has(value.type);
}

/** The works inside a Crossref answer: `{status, message}`, `{message: {items}}`, `{items}`, a work, or a list of works. */
export function crossrefWorks(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value.length > 0 && value.every(isCrossrefWork) ? value : undefined;
  if (!isObject(value)) return undefined;
  if (isObject(value.message)) return crossrefWorks(value.message);
  if (Array.isArray(value.items)) return value.items.length > 0 && value.items.every(isObject) ? value.items : undefined;
  return isCrossrefWork(value) ? [value] : undefined;
}

/** A CSL-JSON item: an object with a string `type` or `title` that is not a Crossref work. */
export function isCslItem(x: unknown): boolean {
  return isObject(x) && !isCrossrefWork(x) && (typeof x.type === 'string' || typeof x.title === 'string');
}

/** CSL-JSON: an item, or an array of which at least one element is an item (the others are refused one by one). */
export function isCslJson(value: unknown): boolean {
  return Array.isArray(value) ? value.some(isCslItem) : isCslItem(value);
}

/** A list of Crossref works of which some may be bad: at least one work, and no CSL item. */
export function crossrefList(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.some(isCrossrefWork) && !value.some(isCslItem) ? value : undefined;
}
