// Reader for RIS files, parsed to CSL by citation-js record by record and then mapped like CSL-JSON:
// a record that cannot be read refuses only itself.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadResult, RecordReader } from './reader.js';
import { parseToCsl } from './shared/citation-js.js';
import { cslToRecord } from './shared/csl-to-record.js';
import { checkEntryCount, entryError, firstLine } from './shared/entries.js';
import { currentLimits } from './shared/limits.js';

/** A record start: the `TY  - ` tag at the start of a line (after an optional byte-order mark). */
const TYPE_TAG = /(^|\n)\uFEFF?[ \t]*TY {2}- /;
const TYPE_LINE = /^[ \t]*TY {2}- *(.*)$/;
/** A keyword line: one keyword, or several separated by semicolons (never split at commas: "Cell death, programmed"). */
const KEYWORD_LINE = /^KW {2}- ?(.*)$/;

interface Chunk {
  line: number;
  type: string;
  lines: string[];
}

function chunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  lines.forEach((line, i) => {
    const ty = TYPE_LINE.exec(line);
    if (ty) out.push({ line: i + 1, type: (ty[1] ?? '').trim(), lines: [line.trimStart()] });
    else out[out.length - 1]?.lines.push(line);
  });
  return out;
}

function readRisEntries(text: string, limits = currentLimits()): ReadResult {
  if (!TYPE_TAG.test(text)) throw new LdpubError('LDPUB_NOT_A_RECORD', 'no RIS record (a "TY  - " line) found');
  const all = chunks(text);
  checkEntryCount(all.length, limits, 'RIS records');
  const records: Record[] = [];
  const errors: LdpubError[] = [];
  const positions: number[] = [];
  all.forEach((chunk, index) => {
    const entry = all.length > 1 ? `line ${chunk.line}` : '';
    let items;
    try {
      items = parseToCsl(`${chunk.lines.join('\n')}\n`, '@ris/file');
    } catch (e) {
      errors.push(entryError('LDPUB_BAD_SYNTAX', `the RIS record does not parse: ${firstLine(e)}`, entry, 'TY', chunk.type));
      return;
    }
    const item = items[0];
    if (!item || Object.keys(item).length === 0) {
      errors.push(entryError('LDPUB_BAD_SYNTAX', 'the TY value is not a RIS reference type (such as JOUR)', entry, 'TY', chunk.type));
      return;
    }
    const keywords = chunk.lines
      .map((l) => KEYWORD_LINE.exec(l)?.[1])
      .filter((k): k is string => k !== undefined)
      .flatMap((k) => k.split(/\s*;\s*/))
      .filter((k) => k.trim() !== '');
    records.push(cslToRecord(item, { literalWithInitialsIsPerson: true, keywords }));
    positions.push(index);
  });
  return { records, errors, warnings: [], positions, entries: all.length };
}

export const risReader: RecordReader = {
  name: 'ris',
  extensions: ['ris'],
  sniff: (text) => TYPE_TAG.test(text),
  read(text) {
    const result = readRisEntries(text);
    if (result.errors[0]) throw result.errors[0];
    return result.records;
  },
  readEntries: readRisEntries,
};

