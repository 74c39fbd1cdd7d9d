// The contract every input format implements: pure text in, Record out, or an LdpubError.
import type { Record } from '../model/record.js';

export interface RecordReader {
  /** A short name used on the command line and in errors: "catalog", "csl-json", "bibtex", "ris", "crossref". */
  readonly name: string;
  /** File extensions (without the dot) the catalog loads with this reader. */
  readonly extensions: readonly string[];
  /** True when the text looks like this format (used when the extension does not decide). */
  sniff(text: string): boolean;
  /** Text to one or more records. Throws LdpubError (never anything else) for input that is not a record. */
  read(text: string): Record[];
}

/** What a reader of a many-record format found: the records it could read and one error for each it could not. */
export interface ReadReport {
  records: Record[];
  problems: import('../errors.js').LdpubError[];
}
