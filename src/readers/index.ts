// Chooses a reader for a file by extension, then by content, and reads it: the one entry point for input.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadReport, ReadResult, RecordReader } from './reader.js';
import { ReadWarning } from './warnings.js';
import { catalogReader } from './catalog.js';
import { crossrefReader } from './crossref.js';
import { cslJsonReader } from './csl-json.js';
import { bibtexReader } from './bibtex.js';
import { risReader } from './ris.js';
import { marcReader } from './marc/index.js';
import { decodeBytes } from './shared/decode.js';
import { currentLimits, limitVariable, type InputLimits } from './shared/limits.js';
import { newTally, normalizeRecord, tallyWarnings } from './shared/normalize.js';
import { countingInto } from '../model/text.js';

export type { ReadResult, RecordReader } from './reader.js';
export { ReadWarning } from './warnings.js';
import { crossrefXmlReader, isCrossrefXml } from './crossref-xml.js';
import { dataciteXmlReader, isDataCiteXml } from './datacite-xml.js';
import { dataciteJsonReader } from './datacite-json.js';
import { sniffRoot, type RootInfo } from './shared/xml.js';

/**
 * The XML formats, told apart by the document element's name and namespace.
 */
export const XML_READERS: { matches: (root: RootInfo) => boolean; reader: RecordReader }[] = [
  { matches: (root) => root.uri === 'http://www.loc.gov/MARC21/slim' && (root.local === 'record' || root.local === 'collection'), reader: marcReader },
  { matches: isCrossrefXml, reader: crossrefXmlReader },
  { matches: isDataCiteXml, reader: dataciteXmlReader },
];

function xmlReaderFor(text: string): RecordReader | undefined {
  const root = sniffRoot(text);
  return root ? XML_READERS.find((x) => x.matches(root))?.reader : undefined;
}

/** `.xml` files: the reader whose root element matches; an XML file of no known format is refused by name. */
export const xmlReader: RecordReader = {
  name: 'xml',
  extensions: ['xml'],
  sniff: (text) => xmlReaderFor(text) !== undefined,
  read(text) {
    const result = readEntriesWith(resolveReader(this, text), text, currentLimits());
    if (result.errors[0]) throw result.errors[0];
    return result.records;
  },
};

/** The reader that really reads `text`: `.xml` by its root element, DataCite JSON among the `.json` files. */
function resolveReader(reader: RecordReader, text: string): RecordReader {
  if (reader === xmlReader) {
    const inner = xmlReaderFor(text);
    if (!inner) {
      const root = sniffRoot(text);
      throw new LdpubError(
        root ? 'LDPUB_NOT_A_RECORD' : 'LDPUB_BAD_SYNTAX',
        root ? 'is an XML document of no format ldpub reads (MARCXML, Crossref XML, DataCite XML)' : 'not well-formed XML: no document element',
        root ? { field: 'root element', value: root.uri ? `{${root.uri}}${root.local}` : root.local } : {},
      );
    }
    return inner;
  }
  if (reader === cslJsonReader && dataciteJsonReader.sniff(text)) return dataciteJsonReader;
  return reader;
}

/** Every entry's outcome, whichever of the three reading contracts the reader offers. */
function readEntriesWith(reader: RecordReader, text: string, limits: InputLimits): ReadResult {
  if (reader.readEntries) return reader.readEntries(text, limits);
  const withReport = reader as RecordReader & { readReport?: (text: string) => ReadReport };
  if (withReport.readReport) {
    const report = withReport.readReport(text);
    if (report.records.length === 0 && report.problems.length === 0) throw new LdpubError('LDPUB_NOT_A_RECORD', 'no record found');
    return { records: report.records, errors: report.problems, warnings: [] };
  }
  return { records: reader.read(text), errors: [], warnings: [] };
}

/** Every registered reader; the first whose extension or sniff matches wins. */
export const READERS: readonly RecordReader[] = [
  xmlReader,
  crossrefXmlReader,
  dataciteXmlReader,
  dataciteJsonReader,
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

/** An error about an entry (`line 14`, `item 3`) or the whole file, named as the user will see it. */
function named(e: LdpubError, fileName: string): LdpubError {
  return new LdpubError(e.code, e.message, {
    record: e.record ? `${fileName} ${e.record}` : fileName,
    ...(e.field !== undefined ? { field: e.field } : {}),
    ...(e.value !== undefined ? { value: e.value } : {}),
  });
}

function asLdpubError(e: unknown): LdpubError {
  if (e instanceof LdpubError) return e;
  return new LdpubError('LDPUB_NOT_A_RECORD', `could not be read: ${String((e as Error)?.message ?? e).split('\n', 1)[0]}`);
}

/** The entry label of the n-th record (0-based) when the reader gave none: only used when a file holds several. */
function entryLabel(index: number, count: number): string | undefined {
  return count > 1 ? `record ${index + 1}` : undefined;
}

/**
 * Reads a file with per-entry recovery: its bytes (decoded strictly, see docs/text.md) or its text. The extension of
 * `fileName` chooses the reader when it is a known one; otherwise the content does. Every record comes back in
 * normal form. Throws an LdpubError naming `fileName` only when the file as a whole cannot be read; a bad entry
 * is one of `errors` and the good ones are still returned.
 */
export function readFile(input: string | Uint8Array, fileName: string, format?: string, limits: InputLimits = currentLimits()): ReadResult {
  try {
    let text: string;
    const warnings: ReadWarning[] = [];
    if (typeof input === 'string') {
      if (input.length > limits.maxFileBytes) {
        throw new LdpubError('LDPUB_TOO_LARGE', `the file is larger than the limit of ${limits.maxFileBytes} bytes (set ${limitVariable('maxFileBytes')})`, {
          field: 'size',
          value: `${input.length} characters`,
        });
      }
      text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    } else {
      const decoded = decodeBytes(input, limits);
      text = decoded.text;
      warnings.push(...decoded.warnings);
    }
    const reader =
      (format ? readerByName(format) : undefined) ??
      readerForExtension(extensionOf(fileName)) ??
      READERS.find((r) => r.sniff(text)) ??
      catalogReader;
    const tally = newTally();
    const result = countingInto(tally, () =>
      readEntriesWith(resolveReader(reader, text), text, limits),
    );
    const records: Record[] = [];
    const positions: number[] = [];
    const errors = [...result.errors];
    result.records.forEach((record, i) => {
      const agents = record.authors.length + record.contributors.length;
      if (agents > limits.maxAuthors) {
        const entry = record.id ?? entryLabel(result.positions?.[i] ?? i, result.entries ?? result.records.length);
        errors.push(
          new LdpubError('LDPUB_TOO_LARGE', `more authors and contributors than the limit of ${limits.maxAuthors} per record (set ${limitVariable('maxAuthors')})`, {
            ...(entry ? { record: entry } : {}),
            field: 'authors',
            value: String(agents),
          }),
        );
        return;
      }
      records.push(normalizeRecord(record, tally));
      positions.push(result.positions?.[i] ?? i);
    });
    warnings.push(...result.warnings, ...tallyWarnings(tally));
    return {
      records,
      errors: errors.map((e) => named(e, fileName)),
      warnings: warnings.map((w) => w.withRecord(fileName)),
      positions,
      entries: result.entries ?? result.records.length,
    };
  } catch (e) {
    throw named(asLdpubError(e), fileName);
  }
}

/**
 * Reads the records in `text` (or bytes), all or nothing: the first refused entry is thrown. Errors name `fileName`.
 * `readFile` is the same with per-entry recovery and warnings.
 */
export function readRecords(input: string | Uint8Array, fileName: string, format?: string): Record[] {
  const result = readFile(input, fileName, format);
  const first = result.errors[0];
  if (first) throw first;
  return result.records;
}
