// The MARC 21 reader: MARCXML and ISO 2709 (MARC-8 or UTF-8) to Records, whole or streamed record by record.
import { LdpubError } from '../../errors.js';
import type { Record } from '../../model/record.js';
import type { RecordReader } from '../reader.js';
import { Iso2709Parser, type Parsed } from './iso2709.js';
import { mapMarc } from './map.js';
import { MARC_SLIM_NS, MarcXmlParser } from './marcxml.js';

export { mapMarc } from './map.js';
export type { MarcRecord } from './record.js';

const ISO2709_LEADER = /^[\r\n]*\d{5}[a-z ]{5}[2 ][2 ]\d{5}[\w ]{3}(?:4500|    )/;

/** True when the start of a file is MARCXML: the MARC 21 slim namespace, or bare MARCXML elements. */
export function looksLikeMarcXml(head: string): boolean {
  const h = head.slice(0, 8192);
  if (h.includes(MARC_SLIM_NS)) return true;
  return /<(?:[\w.-]+:)?(?:collection|record)[\s>]/.test(h) && /<(?:[\w.-]+:)?(?:datafield|controlfield|leader)[\s>]/.test(h);
}

/** True when the start of a file is an ISO 2709 leader. */
export function looksLikeIso2709(head: string | Uint8Array): boolean {
  const text = typeof head === 'string' ? head.slice(0, 32) : String.fromCharCode(...head.subarray(0, 32));
  return ISO2709_LEADER.test(text);
}

function mapped(parsed: Parsed): Record | LdpubError {
  return parsed instanceof LdpubError ? parsed : mapMarc(parsed);
}

/** Every record of a whole MARC file (MARCXML text, or ISO 2709 bytes), each a Record or the error naming it. */
export function readMarc(input: string | Uint8Array, fileName: string): (Record | LdpubError)[] {
  if (typeof input === 'string' && !looksLikeIso2709(input)) {
    const parser = new MarcXmlParser(fileName);
    return [...parser.push(input), ...parser.end()].map(mapped);
  }
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (!(typeof input === 'string') && !looksLikeIso2709(bytes) && looksLikeMarcXml(new TextDecoder().decode(bytes.subarray(0, 8192)))) {
    return readMarc(new TextDecoder().decode(bytes), fileName);
  }
  const parser = new Iso2709Parser(fileName);
  return [...parser.push(bytes), ...parser.end()].map(mapped);
}

/**
 * The records of a MARC file read as its bytes arrive: MARCXML or ISO 2709, told apart by the first bytes. Memory
 * stays at one chunk and one record whatever the file's size. Errors name the file and the record, and reading
 * goes on with the next record.
 */
export async function* readMarcStream(chunks: AsyncIterable<Uint8Array>, fileName: string): AsyncIterable<Record | LdpubError> {
  let parser: { push(c: Uint8Array): Parsed[]; end(): Parsed[] } | undefined;
  let head: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (!parser) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head.length < 64) continue;
      parser = choose(head, fileName);
      for (const p of parser.push(head)) yield mapped(p);
      continue;
    }
    for (const p of parser.push(chunk)) yield mapped(p);
  }
  if (!parser) {
    if (head.length === 0) {
      yield new LdpubError('LDPUB_NOT_A_RECORD', 'is empty', { record: fileName });
      return;
    }
    parser = choose(head, fileName);
    for (const p of parser.push(head)) yield mapped(p);
  }
  for (const p of parser.end()) yield mapped(p);
}

function choose(head: Uint8Array, fileName: string): { push(c: Uint8Array): Parsed[]; end(): Parsed[] } {
  if (!looksLikeIso2709(head)) {
    const text = new TextDecoder().decode(head.subarray(0, 8192));
    if (text.trimStart().startsWith('<') || looksLikeMarcXml(text)) {
      const decoder = new TextDecoder('utf-8');
      const xml = new MarcXmlParser(fileName);
      return {
        push: (c) => xml.push(decoder.decode(c, { stream: true })),
        end: () => [...xml.push(decoder.decode()), ...xml.end()],
      };
    }
  }
  const iso = new Iso2709Parser(fileName);
  return { push: (c) => iso.push(c), end: () => iso.end() };
}

/** Binary MARC that reached a text reader: its bytes were decoded as UTF-8 on the way, and MARC-8 is not UTF-8. */
function refuseLostBytes(text: string): void {
  if (looksLikeIso2709(text) && text.includes('\ufffd')) {
    throw new LdpubError('LDPUB_BAD_SYNTAX', 'is binary MARC whose bytes were lost to a UTF-8 decoding (MARC-8 most likely): read it as bytes, as ldpub convert and the catalog do', { field: 'leader/09 (character coding)', value: text.slice(9, 10) });
  }
}

export const marcReader: RecordReader = {
  name: 'marc',
  extensions: ['mrc', 'marc'],
  sniff: (text) => looksLikeMarcXml(text) || looksLikeIso2709(text),
  readEntries(text) {
    refuseLostBytes(text);
    const records: Record[] = [];
    const errors: LdpubError[] = [];
    const positions: number[] = [];
    const all = readMarc(text, '');
    all.forEach((r, i) => {
      if (r instanceof LdpubError) {
        // "record 2 (001 x)": the entry, which the caller prefixes with the file's name.
        errors.push(new LdpubError(r.code, r.message, { record: r.record?.replace(/^, /, ''), ...(r.field !== undefined ? { field: r.field } : {}), ...(r.value !== undefined ? { value: r.value } : {}) }));
        return;
      }
      records.push(r);
      positions.push(i);
    });
    if (all.length === 0) throw new LdpubError('LDPUB_NOT_A_RECORD', 'holds no MARC record', {});
    return { records, errors, warnings: [], positions, entries: all.length };
  },
  read(text) {
    refuseLostBytes(text);
    const out: Record[] = [];
    for (const r of readMarc(text, '')) {
      // The whole-file contract has no place for a record's error beside the others: the first one refuses the
      // file. readMarc and readRecordStream give each record's outcome.
      if (r instanceof LdpubError) {
        const where = r.record?.replace(/^, /, '');
        throw new LdpubError(r.code, r.message, { field: [where, r.field].filter(Boolean).join(', '), value: r.value });
      }
      out.push(r);
    }
    if (out.length === 0) throw new LdpubError('LDPUB_NOT_A_RECORD', 'holds no MARC record', {});
    return out;
  },
};
