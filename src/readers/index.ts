// Chooses a reader for a file by extension, then by content, and reads it: the one entry point for input.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { RecordReader } from './reader.js';
import { catalogReader } from './catalog.js';
import { crossrefReader } from './crossref.js';
import { cslJsonReader } from './csl-json.js';
import { bibtexReader } from './bibtex.js';
import { risReader } from './ris.js';
import { marcReader } from './marc/index.js';

/** Every registered reader; the first whose extension or sniff matches wins. */
export const READERS: readonly RecordReader[] = [
  crossrefReader,
  cslJsonReader,
  bibtexReader,
  risReader,
  marcReader,
  catalogReader,
];

export function readerByName(name: string): RecordReader | undefined {
  return READERS.find((r) => r.name === name);
}

export function readerForExtension(ext: string): RecordReader | undefined {
  const e = ext.replace(/^\./, '').toLowerCase();
  return READERS.find((r) => r.extensions.includes(e));
}

/** The extensions the catalog loads from a data folder. */
export function knownExtensions(): string[] {
  return READERS.flatMap((r) => [...r.extensions]);
}

function extensionOf(fileName: string): string {
  const i = fileName.lastIndexOf('.');
  return i > 0 ? fileName.slice(i + 1) : '';
}

/**
 * Reads the records in `text`. The extension of `fileName` chooses the reader when it is a
 * known one; otherwise the content does. Errors name `fileName` as the record.
 */
export function readRecords(text: string, fileName: string, format?: string): Record[] {
  try {
    const reader =
      (format ? readerByName(format) : undefined) ??
      readerForExtension(extensionOf(fileName)) ??
      READERS.find((r) => r.sniff(text)) ??
      catalogReader;
    return reader.read(text);
  } catch (e) {
    if (e instanceof LdpubError) throw e.record ? e : e.withRecord(fileName);
    throw new LdpubError('LDPUB_NOT_A_RECORD', `could not be read: ${(e as Error).message}`, { record: fileName });
  }
}
