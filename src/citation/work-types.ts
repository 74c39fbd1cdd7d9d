// What each WorkType is called in the citation formats: CSL type, BibTeX entry type, RIS type. One table, documented in docs/citations.md.
import type { ContributorRole, Record, WorkType } from '../model/record.js';
import { CSL_TYPE_OF } from '../readers/shared/work-types.js';

export { CSL_TYPE_OF };

/**
 * BibTeX entry types. Classic BibTeX types where one fits; biblatex's `@dataset`, `@software` and `@online`
 * where BibTeX has none (biber, Zotero and JabRef read them; a classic `.bst` style treats them as `@misc`).
 * A thesis is `@phdthesis` unless its genre says master's (see bibtexType).
 */
export const BIBTEX_TYPE_OF: { readonly [type in WorkType]: string } = {
  article: 'article',
  review: 'article',
  preprint: 'misc',
  'conference-paper': 'inproceedings',
  chapter: 'incollection',
  book: 'book',
  report: 'techreport',
  thesis: 'phdthesis',
  dataset: 'dataset',
  software: 'software',
  'blog-post': 'online',
  other: 'misc',
};

/** RIS reference types (RIS specification, RefMan 2011). */
export const RIS_TYPE_OF: { readonly [type in WorkType]: string } = {
  article: 'JOUR',
  review: 'JOUR',
  preprint: 'UNPB',
  'conference-paper': 'CPAPER',
  chapter: 'CHAP',
  book: 'BOOK',
  report: 'RPRT',
  thesis: 'THES',
  dataset: 'DATA',
  software: 'COMP',
  'blog-post': 'BLOG',
  other: 'GEN',
};

const MASTERS = /\b(master|masters|master's|msc|m\.sc|ma|m\.a|mphil|magister|diplom|diploma|licentiate)\b/i;

/** `mastersthesis` when the thesis's genre names a master's (or diploma) thesis, the table's type otherwise. */
export function bibtexType(record: Record): string {
  if (record.type === 'thesis' && record.genre && MASTERS.test(record.genre)) return 'mastersthesis';
  return BIBTEX_TYPE_OF[record.type];
}

/** CSL 1.0.2 name variables for each contributor role; roles CSL has no variable for go to `contributor`. */
export const CSL_ROLE_OF: { readonly [role in ContributorRole]?: string } = {
  editor: 'editor',
  translator: 'translator',
  illustrator: 'illustrator',
  compiler: 'compiler',
  producer: 'producer',
  'data-curator': 'curator',
  contributor: 'contributor',
  supervisor: 'contributor',
  'data-collector': 'contributor',
  'project-leader': 'contributor',
  'project-member': 'contributor',
  researcher: 'contributor',
  'contact-person': 'contributor',
  other: 'contributor',
};

/** Roles that name an organisation's part in the work rather than a person's: not names in any citation format. */
export const NON_NAME_ROLES: ReadonlySet<ContributorRole> = new Set(['sponsor', 'degree-grantor', 'rights-holder']);

/**
 * The report number: an identifier with scheme `report-number`, else a report's series number (MARC 088 and
 * Crossref report-paper numbers both end up as one of these).
 */
export function reportNumber(record: Record): string | undefined {
  const id = record.identifiers.find((i) => i.scheme === 'report-number')?.value;
  if (id) return id;
  return record.type === 'report' ? record.series?.number : undefined;
}

/** The organisation that granted a thesis or issued a report: the institution, else a degree-grantor contributor. */
export function issuingInstitution(record: Record): string | undefined {
  if (record.institution?.name) return record.institution.name;
  const grantor = record.contributors.find((c) => c.role === 'degree-grantor');
  return grantor ? (grantor.kind === 'organization' ? grantor.name : grantor.family) : undefined;
}

/** ISBNs of the work, else those of the book or proceedings that contains it. */
export function isbnsOf(record: Record): string[] {
  return record.isbns.length > 0 ? record.isbns : (record.container?.isbns ?? []);
}
