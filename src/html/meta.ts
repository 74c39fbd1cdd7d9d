// The <meta> tags search engines read, as data: Highwire Press (Google Scholar), Dublin Core, Open Graph.
import type { Record } from '../model/record.js';
import { abstractText } from '../model/text.js';
import { doiIri } from '../rdf/iris.js';
import { highwireDate, invertedName, summary } from './record-text.js';

/** `<meta name=… content=…>`, or with `property` for Open Graph. */
export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

const tag = (name: string, content: string | undefined): MetaTag[] => (content ? [{ name, content }] : []);

/** The Highwire name for the container's title, by work type; none for works that have no container (books, theses, reports). */
function containerTag(record: Record): string | undefined {
  switch (record.type) {
    case 'chapter':
      return 'citation_book_title';
    case 'conference-paper':
      return 'citation_conference_title';
    case 'book':
    case 'thesis':
    case 'report':
    case 'dataset':
    case 'software':
      return undefined;
    default:
      return 'citation_journal_title';
  }
}

/** The institution's name for a thesis or report: the Record's institution, else a degree-grantor. */
function institutionName(record: Record): string | undefined {
  if (record.institution?.name) return record.institution.name;
  const grantor = record.contributors.find((c) => c.role === 'degree-grantor');
  return grantor ? (grantor.kind === 'organization' ? grantor.name : grantor.family) : undefined;
}

/** The report number: an identifier of scheme `report-number`, else a report's series number. */
function reportNumber(record: Record): string | undefined {
  return record.identifiers.find((i) => i.scheme === 'report-number')?.value ?? (record.type === 'report' ? record.series?.number : undefined);
}

/** Each author, followed by one citation_author_institution per affiliation (Highwire's convention). */
function authorTags(record: Record): MetaTag[] {
  return record.authors.flatMap((a) => [
    { name: 'citation_author', content: invertedName(a) },
    ...(a.kind === 'person' ? (a.affiliations ?? []).map((o) => ({ name: 'citation_author_institution', content: o.name })) : []),
  ]);
}

/**
 * Highwire tags in the order Google Scholar's inclusion guidelines list them, per work type: a journal title only
 * for articles, the book title for a chapter, the conference for a paper, the institution for a thesis
 * (citation_dissertation_institution) or report (citation_technical_report_institution and _number). An article
 * number goes in citation_firstpage, with no lastpage. Tags Scholar does not document (an ORCID tag) are not written.
 */
export function highwireTags(record: Record, iri: string): MetaTag[] {
  const c = record.container;
  const loc = record.locator;
  const container = containerTag(record);
  const isbns = record.isbns.length ? record.isbns : (c?.isbns ?? []);
  return [
    ...tag('citation_title', record.title),
    ...authorTags(record),
    ...tag('citation_publication_date', highwireDate(record.date)),
    ...(container ? tag(container, c?.title) : []),
    ...(record.type === 'thesis' ? tag('citation_dissertation_institution', institutionName(record)) : []),
    ...(record.type === 'report' ? tag('citation_technical_report_institution', institutionName(record)) : []),
    ...(record.type === 'report' ? tag('citation_technical_report_number', reportNumber(record)) : []),
    ...(container === 'citation_journal_title' ? (c?.issns ?? []).map((issn) => ({ name: 'citation_issn', content: issn })) : []),
    ...isbns.map((isbn) => ({ name: 'citation_isbn', content: isbn })),
    ...tag('citation_volume', c?.volume),
    ...tag('citation_issue', c?.issue),
    ...tag('citation_firstpage', loc?.kind === 'article-number' ? loc.value : loc?.first),
    ...tag('citation_lastpage', loc?.kind === 'pages' ? loc.last : undefined),
    ...tag('citation_doi', record.doi),
    ...tag('citation_publisher', record.publisher),
    ...tag('citation_language', record.language),
    ...tag('citation_keywords', record.subjects.length ? record.subjects.join('; ') : undefined),
    { name: 'citation_abstract_html_url', content: iri },
  ];
}

/** The DCMI Type vocabulary term for the work. */
function dcType(record: Record): string {
  if (record.type === 'dataset') return 'Dataset';
  if (record.type === 'software') return 'Software';
  return 'Text';
}

/** Dublin Core elements as DC-HTML `<meta name="DC.x">` (the page links `schema.DC` to the element set). */
export function dublinCoreTags(record: Record, iri: string): MetaTag[] {
  return [
    ...tag('DC.title', record.title),
    ...record.authors.map((a) => ({ name: 'DC.creator', content: invertedName(a) })),
    ...record.contributors.map((a) => ({ name: 'DC.contributor', content: invertedName(a) })),
    ...tag('DC.date', record.date),
    { name: 'DC.type', content: dcType(record) },
    { name: 'DC.identifier', content: iri },
    ...tag('DC.identifier', record.doi ? doiIri(record.doi) : undefined),
    ...tag('DC.language', record.language),
    ...tag('DC.description', record.abstract?.length ? abstractText(record.abstract) : undefined),
    ...record.subjects.map((s) => ({ name: 'DC.subject', content: s })),
    ...tag('DC.publisher', record.publisher),
    ...tag('DC.source', record.container?.title),
  ];
}

/** Open Graph, for link previews. */
export function openGraphTags(record: Record, iri: string, siteName: string): MetaTag[] {
  return [
    { property: 'og:type', content: record.type === 'book' ? 'book' : 'article' },
    { property: 'og:title', content: record.title ?? 'Untitled record' },
    { property: 'og:url', content: iri },
    { property: 'og:description', content: summary(record) },
    { property: 'og:site_name', content: siteName },
  ];
}
