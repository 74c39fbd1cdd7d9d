// Reader for the catalog full-record text format: lenient on content, strict on structure (see mapping.md).
import type { AbstractSection, Record, WorkType } from '../model/record.js';
import { emptyRecord } from '../model/record.js';
import type { RecordReader } from './reader.js';
import { splitAbstract } from './catalog/abstract.js';
import { splitRecordPage, type Field } from './catalog/fields.js';
import { isbnsFrom, issnsFrom, languageCode, pushUnique } from './catalog/identifiers.js';
import { normalizeDoi } from './shared/identifiers.js';
import { plainText, richText } from './shared/markup.js';
import { parseNameList, parseOrganisations } from './catalog/names.js';
import { parsePublishedIn } from './catalog/published-in.js';
import { parsePublished } from './catalog/published.js';
import { isoIsbn13 } from './shared/isbn.js';
import { isAbsoluteIri } from '../model/ids.js';
import { collapseSpaces } from '../model/text.js';

// `Format:` values that name another kind of work. "Report" and "Review" stay articles when the record is
// published in a journal: this catalog uses them for case reports and review articles.
const WORK_TYPES: ReadonlyMap<string, WorkType> = new Map([
  ['article', 'article'], ['journal article', 'article'], ['book', 'book'], ['ebook', 'book'], ['e-book', 'book'],
  ['book chapter', 'chapter'], ['chapter', 'chapter'], ['thesis', 'thesis'], ['dissertation', 'thesis'],
  ['dataset', 'dataset'], ['data set', 'dataset'], ['conference proceeding', 'conference-paper'],
  ['conference paper', 'conference-paper'], ['preprint', 'preprint'], ['report', 'report'],
]);
const SNIFF =
  /^(?:Published in|Main Authors?|Other Authors|Corporate Authors?|Summary|Bibliographic Details)\s?:?/m;
const SUBJECT_SEPARATOR = /\s*;\s*/;
const URL = /^https?:\/\/\S+$/i;
/** Words that only lead up to a licence IRI in a `Rights:` value. */
const LEAD_IN = /^(?:(?:this|the) (?:work|article|item|record|dataset|book) is )?(?:licen[cs]ed|available|published|distributed|released|made available)(?: (?:under|with))?(?: (?:the|a))?(?: terms of(?: the)?)?(?: (?:licen[cs]e|licen[cs]e at))?$|^licen[cs]e$/i;

function joined(field: Field): string {
  return collapseSpaces(field.lines.join(' ')).trim();
}

/** Fields whose values are identifiers or URLs: never read as rich text (a SICI DOI holds `<` and `>`). */
const RAW_FIELDS: ReadonlySet<string> = new Set(['doi', 'issn', 'eissn', 'isbn', 'online access', 'summary']);

/** The summary as abstract sections, each section's text read as rich text (inline markup and entities). */
function abstractOf(summary: string): AbstractSection[] {
  return splitAbstract(summary).flatMap((s) => {
    const rich = richText(s.text);
    if (rich.text === '') return [];
    return [{ ...(s.heading ? { heading: s.heading } : {}), text: rich.text, ...(rich.inline ? { inline: rich.inline } : {}) }];
  });
}

/** Fills `record` from one field; a repeated single-valued field, or an unknown label, becomes a note. */
function applyField(record: Record, rawField: Field, seen: Set<string>): void {
  const key = rawField.label.toLowerCase();
  // Other fields are text that may carry entities or a recognised tag: read as plain text.
  const field = RAW_FIELDS.has(key) ? rawField : { label: rawField.label, lines: rawField.lines.map((l) => plainText(l)) };
  const value = joined(field);
  const note = () => {
    if (value !== '') record.notes.push({ label: field.label, value });
  };
  const once = (apply: () => void) => {
    if (seen.has(key)) note();
    else apply();
    seen.add(key);
  };
  switch (key) {
    case 'published in':
      return once(() => {
        const p = parsePublishedIn(value);
        const container = record.container ?? (record.container = { issns: [] });
        if (p.journal !== undefined) container.title = p.journal;
        if (p.volume !== undefined) container.volume = p.volume;
        if (p.issue !== undefined) container.issue = p.issue;
        if (p.date !== undefined) record.date = p.date;
        if (p.locator !== undefined) record.locator = p.locator;
      });
    case 'main authors': case 'main author': case 'authors': case 'author':
      record.authors.push(...parseNameList(field.lines));
      return;
    case 'corporate author': case 'corporate authors':
      record.authors.push(...parseOrganisations(field.lines));
      return;
    case 'other authors':
      record.contributors.push(...parseNameList(field.lines));
      return;
    case 'format':
      return once(() => {
        if (value === '') return;
        record.genre = value;
        record.type = WORK_TYPES.get(value.toLowerCase()) ?? 'article';
      });
    case 'language':
      return once(() => {
        if (value === '') return;
        const language = languageCode(value);
        record.language = language.code;
        if (language.count > 1) note();
      });
    case 'subjects':
      pushUnique(record.subjects, field.lines.flatMap((l) => l.split(SUBJECT_SEPARATOR)).filter((s) => s !== ''));
      return;
    case 'summary':
      return once(() => {
        const sections = abstractOf(value);
        if (sections.length > 0) record.abstract = sections;
      });
    case 'issn': case 'eissn': {
      const container = record.container ?? (record.container = { issns: [] });
      pushUnique(container.issns, issnsFrom(field.lines));
      return;
    }
    case 'isbn':
      pushUnique(record.isbns, isbnsFrom(field.lines).map(isoIsbn13));
      return;
    case 'doi':
      return once(() => {
        const doi = normalizeDoi(value);
        if (doi !== '') record.doi = doi;
      });
    case 'published':
      return once(() => {
        const p = parsePublished(value);
        if (p.publisher !== undefined) record.publisher = p.publisher;
        if (p.place !== undefined) record.publisherPlace = p.place;
        if (p.date !== undefined && record.date === undefined) record.date = p.date;
      });
    case 'physical description':
      return once(() => {
        if (value !== '') record.extent = value;
      });
    case 'rights': case 'license': case 'licence':
      return once(() => {
        // A licence IRI (alone, or at the end of the statement) is the licence; any other text is the rights statement.
        const iri = value.split(/\s+/).find((t) => /^https?:\/\//i.test(t) && isAbsoluteIri(t.replace(/[.,;)]+$/, '')))?.replace(/[.,;)]+$/, '');
        if (iri) record.license = iri;
        const text = iri ? value.replace(iri, '').replace(/[\s:,;()-]+$/, '').trim() : value;
        // What only leads up to the licence ("Licensed under", "This work is distributed under the terms of") says
        // nothing the licence does not.
        if (text !== '' && !(iri && LEAD_IN.test(text))) record.rights = text;
      });
    case 'online access':
      if (URL.test(value) && record.url === undefined) record.url = value;
      else note();
      return;
    case 'tags':
      return;
    default:
      note();
  }
}

/** The one record a catalog page describes. Throws LdpubError(LDPUB_NOT_A_RECORD) only when the text is no record. */
export function readCatalogRecord(text: string): Record {
  const page = splitRecordPage(text.normalize('NFC'));
  const record = emptyRecord('article');
  if (page.title !== undefined) {
    const title = richText(page.title);
    if (title.text !== '') record.title = title.text;
    if (title.inline) record.titleInline = title.inline;
  }
  const seen = new Set<string>();
  for (const field of page.fields) applyField(record, field, seen);
  for (const line of page.loose) record.notes.push({ label: 'Description', value: plainText(line) });
  if (record.type === 'report' && record.container?.title !== undefined) record.type = 'article';
  return record;
}

export const catalogReader: RecordReader = {
  name: 'catalog',
  extensions: ['txt'],
  sniff: (text) => SNIFF.test(text.slice(0, 8192)),
  read: (text) => [readCatalogRecord(text)],
};
