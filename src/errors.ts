// The one catalogue of error codes: each names what went wrong, and the error names the record, field and value.

export const ErrorCodes = {
  LDPUB_NOT_A_RECORD: 'The input is not a record at all (empty, binary, HTML, or no recognisable field)',
  LDPUB_BAD_SYNTAX: 'The input claims a format but does not parse as it',
  LDPUB_BAD_ID: 'The record id is not of the form [A-Za-z0-9._-]+, or ends in a format extension (.ttl, .rdf, …)',
  LDPUB_BAD_ENCODING: 'The file is binary, or UTF-16 without a byte-order mark, or not valid in the encoding its byte-order mark names',
  LDPUB_TOO_LARGE: 'The file, its number of entries or a record\'s number of authors is past the documented limit',
  LDPUB_UNSUPPORTED_VERSION: 'The record declares a version of its metadata schema that the reader does not know',
  LDPUB_INVALID_RECORD: 'The record does not conform to the SHACL shapes',
  LDPUB_BAD_SHAPES: 'The shapes cannot be loaded or use a constraint the engine cannot evaluate',
  LDPUB_DUPLICATE_ID: 'Two records in the data folder have the same id',
  LDPUB_IO: 'A file could not be read or written',
  LDPUB_USAGE: 'The command line is not valid',
  LDPUB_UNKNOWN_STYLE: 'The requested citation style is not shipped (the message lists the available ones)',
  LDPUB_UNKNOWN_LOCALE: 'The requested citation locale is not shipped (the message lists the available ones)',
  LDPUB_MARC_BAD_LEADER: 'A MARC record\'s leader cannot be read (length, base address or character positions)',
  LDPUB_MARC_BAD_DIRECTORY: 'A MARC record\'s directory cannot be read (an entry, a field outside the record, a missing terminator)',
  LDPUB_MARC_TRUNCATED: 'A MARC file ends inside a record',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface ErrorDetail {
  /** The record: a file name or id. */
  record?: string;
  /** The field, named as the source format names it ("ISSN", "Published in"). */
  field?: string;
  /** The offending value, truncated for display. */
  value?: string;
}

export class LdpubError extends Error {
  readonly code: ErrorCode;
  readonly record: string | undefined;
  readonly field: string | undefined;
  readonly value: string | undefined;

  constructor(code: ErrorCode, message: string, detail: ErrorDetail = {}) {
    super(message);
    this.name = 'LdpubError';
    this.code = code;
    this.record = detail.record;
    this.field = detail.field;
    this.value = detail.value === undefined ? undefined : truncate(detail.value);
  }

  /** A copy that names the record, for errors raised by pure code that did not know it. */
  withRecord(record: string): LdpubError {
    return new LdpubError(this.code, this.message, { record, field: this.field, value: this.value });
  }

  /** One line: `record: field "value": message [CODE]`. */
  toLine(): string {
    const parts: string[] = [];
    if (this.record) parts.push(`${this.record}:`);
    if (this.field) parts.push(`${this.field}${this.value !== undefined ? ` ${JSON.stringify(this.value)}` : ''}:`);
    else if (this.value !== undefined) parts.push(`${JSON.stringify(this.value)}:`);
    parts.push(this.message);
    parts.push(`[${this.code}]`);
    return parts.join(' ');
  }
}

function truncate(value: string, max = 120): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export function isLdpubError(e: unknown): e is LdpubError {
  return e instanceof LdpubError;
}
