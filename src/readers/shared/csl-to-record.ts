// The one mapping from a CSL-JSON item to a Record, shared by the CSL-JSON, BibTeX, RIS and Crossref readers.
import { isValidId } from '../../model/ids.js';
import type { Container, Locator, Note, Record, WorkType } from '../../model/record.js';
import { emptyRecord } from '../../model/record.js';
import type { CslItem } from './csl-item.js';
import { firstString, stringList } from './csl-item.js';
import { cslDateText } from './csl-dates.js';
import type { NameOptions } from './csl-names.js';
import { cslAgents } from './csl-names.js';
import { identifierList, normalizeDoi, normalizeIsbn, normalizeIssn } from './identifiers.js';
import { abstractSections, plainText, richText } from './markup.js';
import { workTypeFromCsl } from './work-types.js';
import { languageCode } from '../catalog/identifiers.js';

export interface CslMappingOptions extends NameOptions {
  /** The WorkType when the caller knows it better than the CSL type (Crossref types). */
  type?: WorkType;
  /** The source's own id; used only when it matches [A-Za-z0-9._-]+. */
  id?: unknown;
  /**
   * How a keyword string is split: CSL-JSON and BibTeX list keywords in one string with commas or semicolons;
   * RIS gives one keyword per KW line and passes its own list (never split at commas). Lists are never split.
   */
  keywords?: string[];
}

/** CSL fields kept as notes because the Record has no field of its own for them. */
const NOTE_FIELDS = ['note', 'edition', 'publisher-place', 'collection-title'] as const;

/** A page value that is an eLocator rather than a page: "e0229874", "2015JE004895", or six or more digits. */
function looksLikeArticleNumber(page: string): boolean {
  return /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9.]{5,}$/.test(page) || /^\d{6,}$/.test(page);
}

/** A page range end: it has a digit, or is a roman numeral ("xiv"). "n/a", "?" and "ff" are not ends. */
function isPageEnd(value: string): boolean {
  return /\d/.test(value) || /^[ivxlcdm]+$/i.test(value);
}

export function locatorOf(page: string | undefined, number: string | undefined): Locator | undefined {
  const range = page ? /^\s*([^\s\u2013\u2014-]+)\s*(?:-+|\u2013|\u2014)\s*([^\s\u2013\u2014-]+)\s*$/.exec(page) : null;
  // "e05239-n/a": a page (or article number) with a placeholder for the end, not a range.
  if (range?.[1] && range[2] && !isPageEnd(range[2])) return locatorOf(range[1], number);
  if (range?.[1] && range[2]) {
    if (range[1] === range[2]) return number ? { kind: 'article-number', value: number } : { kind: 'pages', first: range[1] };
    return { kind: 'pages', first: range[1], last: range[2] };
  }
  if (number) return { kind: 'article-number', value: number };
  if (!page) return undefined;
  return looksLikeArticleNumber(page) ? { kind: 'article-number', value: page } : { kind: 'pages', first: page };
}

function keywords(value: unknown, given: string[] | undefined): string[] {
  // Split after decoding: the `;` of a character reference ("&amp;") separates nothing.
  const list = given ?? (Array.isArray(value) ? stringList(value) : undefined);
  const decoded = list ? list.map((s) => plainText(s)) : stringList(value).flatMap((v) => plainText(v).split(/\s*[,;]\s*/));
  return [...new Set(decoded.map((s) => s.trim()).filter(Boolean))];
}

/** A string field as plain text in normal form (tags recognised and dropped, entities decoded), or undefined. */
function plain(value: unknown): string | undefined {
  const s = firstString(value);
  if (s === undefined) return undefined;
  return plainText(s) || undefined;
}

export function cslToRecord(item: CslItem, options: CslMappingOptions = {}): Record {
  const record = emptyRecord(options.type ?? workTypeFromCsl(item.type));
  const id = options.id ?? item.id;
  if ((typeof id === 'string' || typeof id === 'number') && isValidId(String(id))) record.id = String(id);

  const title = firstString(item.title);
  if (title) {
    const rich = richText(title);
    if (rich.text) record.title = rich.text;
    if (rich.text && rich.inline) record.titleInline = rich.inline;
  }
  record.authors = cslAgents(item.author, options);
  record.contributors = cslAgents(item.editor, options);

  const container: Container = { issns: identifierList(stringList(item.ISSN), normalizeIssn) };
  const containerTitle = plain(item['container-title']);
  if (containerTitle) container.title = containerTitle;
  const volume = plain(item.volume);
  if (volume) container.volume = volume;
  const issue = plain(item.issue);
  if (issue) container.issue = issue;
  if (container.title || container.volume || container.issue || container.issns.length > 0) record.container = container;

  const number = record.type === 'article' || record.type === 'preprint' ? firstString(item.number) : undefined;
  const locator = locatorOf(firstString(item.page) ?? firstString(item['page-first']), number);
  if (locator) record.locator = locator;

  const date = cslDateText(item.issued);
  if (date) record.date = date;
  const language = firstString(item.language);
  if (language) record.language = languageTag(language);
  const doi = firstString(item.DOI);
  if (doi) record.doi = normalizeDoi(doi);
  record.subjects = keywords(item.keyword ?? item.subject, options.keywords);
  const abstract = firstString(item.abstract);
  if (abstract) {
    const sections = abstractSections(abstract);
    if (sections.length > 0) record.abstract = sections;
  }
  const publisher = plain(item.publisher);
  if (publisher) record.publisher = publisher;
  record.isbns = identifierList(stringList(item.ISBN), normalizeIsbn, /[,;]\s*/);
  const genre = plain(item.genre);
  if (genre) record.genre = genre;
  const url = firstUrl(firstString(item.URL));
  if (url) record.url = url;

  const notes: Note[] = [];
  for (const field of NOTE_FIELDS) {
    const value = plain(item[field]);
    if (value) notes.push({ label: field, value });
  }
  const rawNumber = firstString(item.number);
  if (rawNumber && !(record.locator?.kind === 'article-number' && record.locator.value === rawNumber)) {
    notes.push({ label: 'number', value: rawNumber });
  }
  record.notes = notes;
  return record;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** CSL `language` is meant to be a BCP 47 tag, but sources often write a name ("English"): take either. */
function languageTag(value: string): string {
  return LANGUAGE_TAG.test(value.trim()) ? value.trim() : languageCode(value).code;
}

/** The first absolute http(s) URL in a value; sources sometimes list several in one field ("a; b"). */
function firstUrl(value: string | undefined): string | undefined {
  return value?.split(/[\s;,]+/).find((token) => /^https?:\/\/[^\s<>"{}|\\^`]+$/i.test(token) && URL.canParse(token));
}
