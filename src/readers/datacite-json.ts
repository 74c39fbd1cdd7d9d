// Reader for DataCite JSON: a REST API answer (`{data: {attributes}}` or `{data: [...]}`), a bare `attributes`
// object, or the older flat DataCite JSON (bolognese's `datacite.json`). Each item is mapped on its own.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadReport, RecordReader } from './reader.js';
import { dataciteToRecord, isJson } from './datacite-record.js';
import { parseJson, tryParseJson } from './shared/json-shapes.js';

/** True for an object with DataCite's own property names: `creators` or `titles` beside `types`, `doi` or `publicationYear`. */
function isDataCiteItem(v: unknown): boolean {
  if (!isJson(v)) return false;
  const a = isJson(v.attributes) ? v.attributes : v;
  return (Array.isArray(a.creators) || Array.isArray(a.titles)) && ('types' in a || 'publicationYear' in a || 'schemaVersion' in a || 'doi' in a);
}

/** The items of a DataCite JSON document, or undefined when it is not one. */
export function dataciteItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value.length > 0 && value.every(isDataCiteItem) ? value : undefined;
  if (!isJson(value)) return undefined;
  if (Array.isArray(value.data)) return value.data.length > 0 && value.data.some(isDataCiteItem) ? value.data : undefined;
  if (isJson(value.data)) return isDataCiteItem(value.data) ? [value.data] : undefined;
  return isDataCiteItem(value) ? [value] : undefined;
}

export const dataciteJsonReader: RecordReader & { readReport(text: string): ReadReport } = {
  name: 'datacite-json',
  // `.json` is shared with CSL-JSON and Crossref JSON; the dispatcher in index.ts asks this reader's sniff first.
  extensions: [],
  sniff: (text) => dataciteItems(tryParseJson(text)) !== undefined,
  read(text) {
    const { records, problems } = this.readReport(text);
    if (records.length === 0) throw problems[0] ?? new LdpubError('LDPUB_NOT_A_RECORD', 'the DataCite JSON holds no item');
    return records;
  },
  readReport(text) {
    const items = dataciteItems(parseJson(text, 'DataCite JSON'));
    if (!items) throw new LdpubError('LDPUB_NOT_A_RECORD', 'not DataCite JSON: expected `{data: {attributes}}`, a list of them, or an object with `creators` and `titles`');
    const records: Record[] = [];
    const problems: LdpubError[] = [];
    items.forEach((item, i) => {
      const field = items.length > 1 ? `item ${i + 1}` : 'item';
      try {
        if (!isDataCiteItem(item)) throw new LdpubError('LDPUB_NOT_A_RECORD', 'is not a DataCite item (no `creators` or `titles`)', { field });
        const attrs = isJson(item) && isJson(item.attributes) ? item.attributes : (item as { [key: string]: unknown });
        records.push(dataciteToRecord(attrs, field));
      } catch (e) {
        if (e instanceof LdpubError) problems.push(e);
        else throw e;
      }
    });
    return { records, problems };
  },
};
