// Reader for Crossref REST API works JSON (the `message` object, its `{status, message}` envelope, or a list of works).
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { RecordReader } from './reader.js';
import type { CslItem } from './shared/csl-item.js';
import { isObject, stringList } from './shared/csl-item.js';
import { cslToRecord } from './shared/csl-to-record.js';
import { crossrefWorks, parseJson, tryParseJson } from './shared/json-shapes.js';
import { workTypeFromCrossref } from './shared/work-types.js';

/** Crossref dates in the order that best stands for "published". */
const DATE_KEYS = ['issued', 'published', 'published-print', 'published-online', 'posted', 'created'];

function firstDate(work: { [key: string]: unknown }): unknown {
  for (const key of DATE_KEYS) {
    const d = work[key];
    if (isObject(d) && Array.isArray(d['date-parts']) && Array.isArray(d['date-parts'][0]) && d['date-parts'][0][0] != null) return d;
  }
  return undefined;
}

/** A Crossref work as CSL: the shapes are close; the differences are handled here. */
function crossrefToCsl(work: { [key: string]: unknown }): CslItem {
  const issnTyped = Array.isArray(work['issn-type'])
    ? work['issn-type'].map((t) => (isObject(t) ? t.value : undefined))
    : [];
  const isbnTyped = Array.isArray(work['isbn-type'])
    ? work['isbn-type'].map((t) => (isObject(t) ? t.value : undefined))
    : [];
  const resource = isObject(work.resource) && isObject(work.resource.primary) ? work.resource.primary.URL : undefined;
  return {
    ...work,
    ISSN: [...stringList(work.ISSN), ...stringList(issnTyped)],
    ISBN: [...stringList(work.ISBN), ...stringList(isbnTyped)],
    number: work['article-number'],
    issued: firstDate(work),
    keyword: work.subject,
    URL: resource ?? work.URL,
    id: undefined,
  };
}

export function crossrefWorkToRecord(work: unknown): Record {
  if (!isObject(work)) throw new LdpubError('LDPUB_NOT_A_RECORD', 'a Crossref work must be a JSON object');
  const record = cslToRecord(crossrefToCsl(work), { type: workTypeFromCrossref(work.type) });
  if (typeof work.type === 'string' && record.type === 'other') {
    record.notes.push({ label: 'type', value: work.type });
  }
  return record;
}

export const crossrefReader: RecordReader = {
  name: 'crossref',
  // A `.json` file is read by the CSL-JSON reader, which hands Crossref-shaped content over to this one.
  extensions: [],
  sniff: (text) => crossrefWorks(tryParseJson(text)) !== undefined,
  read(text) {
    const works = crossrefWorks(parseJson(text, 'Crossref JSON'));
    if (!works) {
      throw new LdpubError('LDPUB_NOT_A_RECORD', 'no Crossref work found (expected a works `message` object or `{status, message}`)');
    }
    return works.map(crossrefWorkToRecord);
  },
};
