// Tells CSL-JSON from Crossref works JSON after parsing, so that one `.json` extension serves both.
import { LdpubError } from '../../errors.js';
import { isObject } from './csl-item.js';
import { crossrefTypeNames } from './work-types.js';

/** Keys only Crossref works carry. */
const CROSSREF_KEYS = ['reference-count', 'is-referenced-by-count', 'issn-type', 'content-domain', 'deposited', 'indexed', 'member', 'prefix'];

export function parseJson(text: string, format: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new LdpubError('LDPUB_BAD_SYNTAX', `not valid JSON for ${format}: ${(e as Error).message}`);
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

/** CSL-JSON: an item (an object with a string `type` or `title` that is not a Crossref work) or an array of them. */
export function isCslJson(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  return (
    items.length > 0 &&
    items.every((x) => isObject(x) && !isCrossrefWork(x) && (typeof x.type === 'string' || typeof x.title === 'string'))
  );
}
