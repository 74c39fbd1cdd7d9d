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

/** The title of the container under the Highwire name that fits the work type. */
function containerTag(record: Record): string {
  switch (record.type) {
    case 'chapter':
      return 'citation_inbook_title';
    case 'conference-paper':
      return 'citation_conference_title';
    default:
      return 'citation_journal_title';
  }
}

/**
 * Highwire tags in the order Google Scholar's inclusion guidelines list them. The full set, journal,
 * volume, issue, pages and ISSN included. An article number goes in citation_firstpage, with no lastpage.
 */
export function highwireTags(record: Record, iri: string): MetaTag[] {
  const c = record.container;
  const loc = record.locator;
  return [
    ...tag('citation_title', record.title),
    ...record.authors.map((a) => ({ name: 'citation_author', content: invertedName(a) })),
    ...tag('citation_publication_date', highwireDate(record.date)),
    ...tag(containerTag(record), c?.title),
    ...(c?.issns ?? []).map((issn) => ({ name: 'citation_issn', content: issn })),
    ...record.isbns.map((isbn) => ({ name: 'citation_isbn', content: isbn })),
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

/** Dublin Core elements as DC-HTML `<meta name="DC.x">` (the page links `schema.DC` to the element set). */
export function dublinCoreTags(record: Record, iri: string): MetaTag[] {
  return [
    ...tag('DC.title', record.title),
    ...record.authors.map((a) => ({ name: 'DC.creator', content: invertedName(a) })),
    ...record.contributors.map((a) => ({ name: 'DC.contributor', content: invertedName(a) })),
    ...tag('DC.date', record.date),
    { name: 'DC.type', content: 'Text' },
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
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: record.title ?? 'Untitled record' },
    { property: 'og:url', content: iri },
    { property: 'og:description', content: summary(record) },
    { property: 'og:site_name', content: siteName },
  ];
}
