// Helpers for readers of files with several entries: errors that name one entry, and the entry-count limit.
import { LdpubError, type ErrorCode } from '../../errors.js';
import { limitVariable, type InputLimits } from './limits.js';

/** An error about one entry: `entry` is how the user finds it ("line 14 (smith2020)", "item 3"). */
export function entryError(code: ErrorCode, message: string, entry: string, field?: string, value?: string): LdpubError {
  return new LdpubError(code, message, { record: entry, ...(field !== undefined ? { field } : {}), ...(value !== undefined ? { value } : {}) });
}

/** Throws LDPUB_TOO_LARGE when a file holds more entries than the limit. */
export function checkEntryCount(count: number, limits: InputLimits, what: string): void {
  if (count > limits.maxEntries) {
    throw new LdpubError('LDPUB_TOO_LARGE', `more ${what} than the limit of ${limits.maxEntries} per file (set ${limitVariable('maxEntries')})`, {
      field: 'entries',
      value: String(count),
    });
  }
}

/** The 1-based line number of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A value for an error message: short, on one line. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.replace(/\s+/g, ' ').trim();
}

/** The message of a thrown parser error, first line only, without any parser-internal path in brackets. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n', 1)[0] ?? '').replace(/\s*\([A-Za-z]+(?:->[A-Za-z]+)+\)\s*$/, '').trim();
}
