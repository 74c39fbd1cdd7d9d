// The contract every input format implements: pure text in, Records out, or an LdpubError.
import type { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadWarning } from './warnings.js';
import type { InputLimits } from './shared/limits.js';

/**
 * What reading one file gives: the records that could be read, a refusal for each entry that could not
 * (the others are still published), and warnings about what was changed on the way (encoding, control characters).
 */
export interface ReadResult {
  records: Record[];
  /** One per refused entry; each names the entry (`line 14`, `item 3`) as its record, the field and the value. */
  errors: LdpubError[];
  warnings: ReadWarning[];
  /**
   * The 0-based entry number of each record and the number of entries in the file, when some were refused: ids
   * made from the file name (`refs-3`) then stay those of the entries, whichever others fail.
   */
  positions?: number[];
  entries?: number;
}

export interface RecordReader {
  /** A short name used on the command line and in errors: "catalog", "csl-json", "bibtex", "ris", "crossref". */
  readonly name: string;
  /** File extensions (without the dot) the catalog loads with this reader. */
  readonly extensions: readonly string[];
  /** True when the text looks like this format (used when the extension does not decide). */
  sniff(text: string): boolean;
  /**
   * Text to one or more records. Throws LdpubError (never anything else) for input that is not a record, or
   * (for formats with several entries) when any entry cannot be read.
   */
  read(text: string): Record[];
  /**
   * Text to records with per-entry recovery: a bad entry becomes one of `errors`, the others are read.
   * Throws LdpubError only when the file as a whole is not of this format. Readers without it are read with `read`.
   */
  readEntries?(text: string, limits?: InputLimits): ReadResult;
}

/** What a reader of a many-record format found: the records it could read and one error for each it could not. */
export interface ReadReport {
  records: Record[];
  problems: import('../errors.js').LdpubError[];
}
