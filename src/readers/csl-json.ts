// Reader for CSL-JSON (one item or an array); Crossref works JSON that arrives as `.json` is passed to its own reader.
import { LdpubError } from '../errors.js';
import type { RecordReader } from './reader.js';
import { crossrefReader } from './crossref.js';
import { isObject } from './shared/csl-item.js';
import { cslToRecord } from './shared/csl-to-record.js';
import { crossrefWorks, isCslJson, parseJson, tryParseJson } from './shared/json-shapes.js';

export const cslJsonReader: RecordReader = {
  name: 'csl-json',
  extensions: ['json'],
  sniff: (text) => isCslJson(tryParseJson(text)),
  read(text) {
    const value = parseJson(text, 'CSL-JSON');
    if (crossrefWorks(value)) return crossrefReader.read(text);
    if (!isCslJson(value)) {
      throw new LdpubError('LDPUB_NOT_A_RECORD', 'not CSL-JSON: expected an item object with a "type" or "title", or an array of them');
    }
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => cslToRecord(isObject(item) ? item : {}));
  },
};
