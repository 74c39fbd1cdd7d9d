// Reader for Crossref REST API works JSON (the `message` object, its `{status, message}` envelope, or a list of works).
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadResult, RecordReader } from './reader.js';
import type { CslItem } from './shared/csl-item.js';
import { isObject, stringList } from './shared/csl-item.js';
import { cslToRecord } from './shared/csl-to-record.js';
import { checkEntryCount, entryError, shown } from './shared/entries.js';
import { crossrefList, crossrefWorks, parseJson, tryParseJson } from './shared/json-shapes.js';
import { currentLimits } from './shared/limits.js';
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

function readCrossrefEntries(text: string, limits = currentLimits()): ReadResult {
  const value = parseJson(text, 'Crossref JSON');
  const list = crossrefList(value);
  const works = list ?? crossrefWorks(value);
  if (!works) {
    throw new LdpubError('LDPUB_NOT_A_RECORD', 'no Crossref work found (expected a works `message` object or `{status, message}`)');
  }
  checkEntryCount(works.length, limits, 'Crossref works');
  const several = works.length > 1 || Array.isArray(value) || (isObject(value) && (Array.isArray(value.items) || (isObject(value.message) && Array.isArray(value.message.items))));
  const records: Record[] = [];
  const errors: LdpubError[] = [];
  const positions: number[] = [];
  works.forEach((work, i) => {
    const entry = several ? `item ${i + 1}${isObject(work) && typeof work.DOI === 'string' ? ` (${work.DOI})` : ''}` : '';
    if (!isObject(work)) {
      errors.push(entryError('LDPUB_BAD_SYNTAX', 'a Crossref work must be a JSON object', entry, 'item', shown(work)));
      return;
    }
    const title = work.title;
    if (title !== undefined && typeof title !== 'string' && !(Array.isArray(title) && title.every((t) => typeof t === 'string'))) {
      errors.push(entryError('LDPUB_BAD_SYNTAX', 'the Crossref "title" must be a list of strings', entry, 'title', shown(title)));
      return;
    }
    for (const field of ['author', 'editor']) {
      const names = work[field];
      if (names !== undefined && !(Array.isArray(names) && names.every(isObject))) {
        errors.push(entryError('LDPUB_BAD_SYNTAX', `the Crossref "${field}" must be a list of name objects`, entry, field, shown(names)));
        return;
      }
    }
    records.push(crossrefWorkToRecord(work));
    positions.push(i);
  });
  return { records, errors, warnings: [], positions, entries: works.length };
}

export const crossrefReader: RecordReader = {
  name: 'crossref',
  // A `.json` file is read by the CSL-JSON reader, which hands Crossref-shaped content over to this one.
  extensions: [],
  sniff: (text) => {
    const value = tryParseJson(text);
    return crossrefWorks(value) !== undefined || crossrefList(value) !== undefined;
  },
  read(text) {
    const result = readCrossrefEntries(text);
    if (result.errors[0]) throw result.errors[0];
    return result.records;
  },
  readEntries: readCrossrefEntries,
};
