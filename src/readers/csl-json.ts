// Reader for CSL-JSON (one item or an array); Crossref works JSON that arrives as `.json` is passed to its own reader.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadResult, RecordReader } from './reader.js';
import { crossrefReader } from './crossref.js';
import { isObject } from './shared/csl-item.js';
import { cslToRecord } from './shared/csl-to-record.js';
import { checkEntryCount, entryError, shown } from './shared/entries.js';
import { crossrefList, crossrefWorks, isCslJson, parseJson, tryParseJson } from './shared/json-shapes.js';
import { currentLimits } from './shared/limits.js';

/** Why a CSL item cannot be read, as [field, value, message]; undefined for an item that can. */
export function cslItemProblem(item: unknown): [string, string, string] | undefined {
  if (!isObject(item)) return ['item', shown(item), `a CSL item must be a JSON object, not ${Array.isArray(item) ? 'an array' : item === null ? 'null' : `a ${typeof item}`}`];
  if (item.type !== undefined && typeof item.type !== 'string') return ['type', shown(item.type), 'the CSL "type" must be a string'];
  if (typeof item.type !== 'string' && typeof item.title !== 'string') return ['type', '', 'a CSL item needs a "type" or a "title"'];
  if (item.title !== undefined && !['string', 'number'].includes(typeof item.title) && !Array.isArray(item.title)) {
    return ['title', shown(item.title), 'the CSL "title" must be a string'];
  }
  for (const field of ['author', 'editor']) {
    const names = item[field];
    if (names === undefined) continue;
    if (!Array.isArray(names)) return [field, shown(names), `the CSL "${field}" must be a list of name objects`];
    const bad = names.find((n) => !isObject(n));
    if (bad !== undefined) return [field, shown(bad), `each CSL "${field}" must be a name object ({"family": …, "given": …} or {"literal": …})`];
  }
  const issued = item.issued;
  if (issued !== undefined && typeof issued !== 'string' && !isObject(issued)) return ['issued', shown(issued), 'the CSL "issued" must be a date object'];
  return undefined;
}

function readCslEntries(text: string, limits = currentLimits()): ReadResult {
  const value = parseJson(text, 'CSL-JSON');
  if (crossrefWorks(value) || crossrefList(value)) return crossrefReader.readEntries!(text, limits);
  if (!isCslJson(value)) {
    throw new LdpubError('LDPUB_NOT_A_RECORD', 'not CSL-JSON: expected an item object with a "type" or "title", or an array of them');
  }
  const items = Array.isArray(value) ? value : [value];
  checkEntryCount(items.length, limits, 'CSL items');
  const records: Record[] = [];
  const errors: LdpubError[] = [];
  const positions: number[] = [];
  items.forEach((item, i) => {
    const problem = cslItemProblem(item);
    if (problem) {
      const id = isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
      const entry = Array.isArray(value) ? `item ${i + 1}${id}` : '';
      errors.push(entryError('LDPUB_BAD_SYNTAX', problem[2], entry, problem[0], problem[1]));
      return;
    }
    records.push(cslToRecord(item as { [key: string]: unknown }));
    positions.push(i);
  });
  return { records, errors, warnings: [], positions, entries: items.length };
}

export const cslJsonReader: RecordReader = {
  name: 'csl-json',
  extensions: ['json'],
  sniff: (text) => isCslJson(tryParseJson(text)),
  read(text) {
    const result = readCslEntries(text);
    if (result.errors[0]) throw result.errors[0];
    return result.records;
  },
  readEntries: readCslEntries,
};
