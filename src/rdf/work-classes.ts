// The classes each kind of work is given: schema.org, BIBO and the DCMI type.
import type { ContainerKind, Record, WorkType } from '../model/record.js';

/** The nearest schema.org class for each kind of work: never claim ScholarlyArticle for a dataset or a book. */
export const SCHEMA_CLASS: { readonly [T in WorkType]: string } = {
  article: 'ScholarlyArticle',
  preprint: 'ScholarlyArticle',
  'conference-paper': 'ScholarlyArticle',
  review: 'Review',
  chapter: 'Chapter',
  book: 'Book',
  report: 'Report',
  thesis: 'Thesis',
  dataset: 'Dataset',
  software: 'SoftwareSourceCode',
  'blog-post': 'BlogPosting',
  other: 'CreativeWork',
};

/** The BIBO class, where BIBO has one (it has none for datasets, software or a generic work). */
export const BIBO_CLASS: { readonly [T in WorkType]?: string } = {
  article: 'AcademicArticle',
  preprint: 'AcademicArticle',
  'conference-paper': 'AcademicArticle',
  review: 'Article',
  chapter: 'Chapter',
  book: 'Book',
  report: 'Report',
  thesis: 'Thesis',
  'blog-post': 'Article',
};

/** The DCMI Type Vocabulary class. */
export const DCMI_TYPE: { readonly [T in WorkType]: string } = {
  article: 'Text',
  preprint: 'Text',
  'conference-paper': 'Text',
  review: 'Text',
  chapter: 'Text',
  book: 'Text',
  report: 'Text',
  thesis: 'Text',
  dataset: 'Dataset',
  software: 'Software',
  'blog-post': 'Text',
  other: 'Text',
};

/** The work types whose schema.org class takes schema:pagination, pageStart and pageEnd (Article and Chapter). */
export const PAGINATED = new Set<WorkType>(['article', 'preprint', 'conference-paper', 'report', 'chapter', 'blog-post']);

/**
 * What the container is once the work type is known: a chapter is in a book, a conference paper without an ISSN
 * in its proceedings, and a book, report or thesis in a series, whatever the source called the container.
 */
export function containerKind(record: Record): ContainerKind {
  const kind = record.container?.kind;
  if (kind && kind !== 'periodical') return kind;
  switch (record.type) {
    case 'chapter':
      return 'book';
    case 'conference-paper':
      return (record.container?.issns.length ?? 0) > 0 ? 'periodical' : 'proceedings';
    case 'book':
    case 'report':
    case 'thesis':
      return 'series';
    default:
      return 'periodical';
  }
}
