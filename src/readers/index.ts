// Chooses a reader for a file by extension, then by content, and reads it: the one entry point for input.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadReport, RecordReader } from './reader.js';
import { catalogReader } from './catalog.js';
import { crossrefReader } from './crossref.js';
import { cslJsonReader } from './csl-json.js';
import { bibtexReader } from './bibtex.js';
import { risReader } from './ris.js';
import { crossrefXmlReader, isCrossrefXml } from './crossref-xml.js';
import { dataciteXmlReader, isDataCiteXml } from './datacite-xml.js';
import { dataciteJsonReader } from './datacite-json.js';
import { sniffRoot, type RootInfo } from './shared/xml.js';

/**
 * The XML formats, told apart by the document element's name and namespace. MARCXML joins here with
 * `{ matches: (root) => root.uri === 'http://www.loc.gov/MARC21/slim' && (root.local === 'record' || root.local === 'collection'), reader }`.
 */
export const XML_READERS: { matches: (root: RootInfo) => boolean; reader: RecordReader }[] = [
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
    return readReportWith(this, text).records;
  },
};

function readReportWith(reader: RecordReader, text: string): ReadReport {
  if (reader === xmlReader) {
    const inner = xmlReaderFor(text);
    if (!inner) {
      const root = sniffRoot(text);
      throw new LdpubError(
        root ? 'LDPUB_NOT_A_RECORD' : 'LDPUB_BAD_SYNTAX',
        root ? 'is an XML document of no format ldpub reads (Crossref XML, DataCite XML)' : 'not well-formed XML: no document element',
        root ? { field: 'root element', value: root.uri ? `{${root.uri}}${root.local}` : root.local } : {},
      );
    }
    return readReportWith(inner, text);
  }
  if (reader === cslJsonReader && dataciteJsonReader.sniff(text)) return readReportWith(dataciteJsonReader, text);
  const withReport = reader as RecordReader & { readReport?: (text: string) => ReadReport };
  if (withReport.readReport) {
    const report = withReport.readReport(text);
    if (report.records.length === 0) throw report.problems[0] ?? new LdpubError('LDPUB_NOT_A_RECORD', 'no record found');
    return report;
  }
  return { records: reader.read(text), problems: [] };
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
 * Reads the records in `text` and reports the ones that could not be read. The extension of `fileName` chooses
 * the reader when it is a known one; otherwise the content does. Errors name `fileName` as the record. Throws when
 * no record at all could be read; otherwise every unreadable record of a many-record file is one entry of `problems`.
 */
export function readRecordsReport(text: string, fileName: string, format?: string): ReadReport {
  const name = (e: LdpubError) => (e.record ? e : e.withRecord(fileName));
  try {
    const reader =
      (format ? readerByName(format) : undefined) ??
      readerForExtension(extensionOf(fileName)) ??
      READERS.find((r) => r.sniff(text)) ??
      catalogReader;
    const report = readReportWith(reader, text);
    return { records: report.records, problems: report.problems.map(name) };
  } catch (e) {
    if (e instanceof LdpubError) throw name(e);
    throw new LdpubError('LDPUB_NOT_A_RECORD', `could not be read: ${(e as Error).message}`, { record: fileName });
  }
}

/** The records in `text` (see readRecordsReport; records that could not be read are left out). */
export function readRecords(text: string, fileName: string, format?: string): Record[] {
  return readRecordsReport(text, fileName, format).records;
}
