// Normalises the identifiers a catalog record carries: DOI, ISSN, ISBN, and the language name to a BCP 47 code.
import { collapseSpaces } from '../../model/text.js';
import { LANGUAGE_NAMES } from './language-table.js';
import { normalizeIssn } from '../shared/identifiers.js';

const ISSN_IN_TEXT = /\b\d{4}-?\d{3}[\dXx]\b/g;
const LIST_SEPARATOR = /\s*[;,]\s*|\s{2,}/;
const ISBN_IN_TEXT = /(?:97[89][-\s]?)?\d{1,5}[-\s]?\d{1,7}[-\s]?\d{1,7}[-\s]?[\dXx]\b/g;
const LANGUAGE_SEPARATOR = /\s*[;,/]\s*|\s+and\s+/i;
const LANGUAGES: ReadonlyMap<string, string> = new Map(LANGUAGE_NAMES);

/** Every ISSN in a field's lines; a line with no ISSN shape is kept whole (as a bad ISSN for validation to report). */
export function issnsFrom(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    const shaped = line.match(ISSN_IN_TEXT);
    if (shaped) found.push(...shaped.map(normalizeIssn));
    else found.push(...line.split(LIST_SEPARATOR).filter((v) => v !== ''));
  }
  return found;
}

/** Every ISBN in a field's lines, without qualifiers such as "(pbk.)"; a line with none is kept whole. */
export function isbnsFrom(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    const shaped = line.match(ISBN_IN_TEXT);
    if (shaped) found.push(...shaped.map((s) => s.trim()));
    else if (line.trim() !== '') found.push(line.trim());
  }
  return found;
}

/** Adds each value not yet present, keeping the first occurrence's position. */
export function pushUnique(target: string[], values: readonly string[]): void {
  for (const v of values) if (!target.includes(v)) target.push(v);
}

/**
 * An English language name ("English", "Spanish; Castilian", "german") → its BCP 47 code. When the value lists
 * several languages, the first recognised one is returned. Unknown names come back as given, for validation to report.
 */
export function languageCode(value: string): { code: string; recognised: boolean; count: number } {
  const text = collapseSpaces(value).trim();
  const whole = LANGUAGES.get(text.toLowerCase());
  if (whole) return { code: whole, recognised: true, count: 1 };
  const codes = text
    .split(LANGUAGE_SEPARATOR)
    .map((part) => LANGUAGES.get(part.toLowerCase()))
    .filter((c): c is string => c !== undefined);
  const first = codes[0];
  return first ? { code: first, recognised: true, count: new Set(codes).size } : { code: text, recognised: false, count: 0 };
}
