// Warnings a reader gives about what it changed while reading (never about what the record lacks: the shapes do that).

export const WarningCodes = {
  LDPUB_ENCODING_FALLBACK: 'The file is not UTF-8 or UTF-16 with a byte-order mark; it was read as Windows-1252',
  LDPUB_CONTROL_CHARS: 'Control characters (C0, C1, DEL, noncharacters, MARC subfield delimiters) were dropped',
  LDPUB_LONE_SURROGATE: 'Lone UTF-16 surrogates (from JSON escapes or character references) were dropped',
} as const;

export type WarningCode = keyof typeof WarningCodes;

export class ReadWarning {
  constructor(
    readonly code: WarningCode,
    readonly message: string,
    /** The file (and entry) the warning is about; readers leave it out and readRecords fills it in. */
    readonly record?: string,
  ) {}

  withRecord(record: string): ReadWarning {
    return new ReadWarning(this.code, this.message, this.record ? `${record} ${this.record}` : record);
  }

  /** One line: `record: message [CODE]`. */
  toLine(): string {
    return `${this.record ? `${this.record}: ` : ''}${this.message} [${this.code}]`;
  }

  toJSON(): { code: WarningCode; message: string; record?: string } {
    return { code: this.code, message: this.message, ...(this.record ? { record: this.record } : {}) };
  }
}
