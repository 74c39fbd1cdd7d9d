// Maps CSL and Crossref item types to the Record's WorkType, so that no dataset or chapter is called an article.
import type { WorkType } from '../../model/record.js';
import { lookupTable } from '../../model/lookup.js';

/** CSL 1.0.2 types. CSL "article" is a preprint or working paper, per the CSL specification. */
const CSL_TYPES: { [cslType: string]: WorkType } = lookupTable({
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  article: 'preprint',
  'paper-conference': 'conference-paper',
  chapter: 'chapter',
  entry: 'chapter',
  'entry-dictionary': 'chapter',
  'entry-encyclopedia': 'chapter',
  book: 'book',
  classic: 'book',
  report: 'report',
  thesis: 'thesis',
  dataset: 'dataset',
  review: 'review',
  'review-book': 'review',
});

/** Crossref REST API work types (https://api.crossref.org/types). */
const CROSSREF_TYPES: { [crossrefType: string]: WorkType } = lookupTable({
  'journal-article': 'article',
  'proceedings-article': 'conference-paper',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'reference-entry': 'chapter',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  'book-set': 'book',
  report: 'report',
  'report-component': 'report',
  dissertation: 'thesis',
  dataset: 'dataset',
  database: 'dataset',
  'posted-content': 'preprint',
  'peer-review': 'review',
});

/** The Crossref types, for telling Crossref JSON apart from CSL-JSON. */
export const crossrefTypeNames: ReadonlySet<string> = new Set([
  ...Object.keys(CROSSREF_TYPES),
  'journal',
  'journal-issue',
  'journal-volume',
  'proceedings',
  'proceedings-series',
  'book-series',
  'book-track',
  'component',
  'standard',
  'grant',
  'other',
]);

/** The nearest WorkType for a CSL type; an unknown or missing type is "other", never "article". */
export function workTypeFromCsl(type: unknown): WorkType {
  return (typeof type === 'string' && CSL_TYPES[type]) || 'other';
}

export function workTypeFromCrossref(type: unknown): WorkType {
  return (typeof type === 'string' && CROSSREF_TYPES[type]) || 'other';
}

/** The CSL type written for each WorkType. */
export const CSL_TYPE_OF: { readonly [type in WorkType]: string } = {
  article: 'article-journal',
  preprint: 'article',
  'conference-paper': 'paper-conference',
  chapter: 'chapter',
  book: 'book',
  report: 'report',
  thesis: 'thesis',
  dataset: 'dataset',
  review: 'review',
  software: 'software',
  'blog-post': 'post-weblog',
  other: 'document',
};
