// The links of a record, built once for the Link header, the linkset and the landing page: format URLs and signposts.
// The formats are an argument, never looked up here, so the page renderer the registry loads does not import the registry.
import type { Record } from '../model/record.js';
import { SCHEMA_CLASS } from '../rdf/map-record.js';
import { doiIri } from '../rdf/iris.js';
import { PREFIXES } from '../rdf/namespaces.js';
import type { Format } from './format.js';

export const LINKSET_TYPE = 'application/linkset+json';

export interface TypedLink {
  rel: string;
  href: string;
  type?: string;
}

/** The URL of one representation: `{record}.{ext}`, or `{record}?format={key}` for a format without an extension. */
export function formatUrl(recordIri: string, format: Format): string {
  return format.extension ? `${recordIri}.${format.extension}` : `${recordIri}?format=${format.key}`;
}

/**
 * FAIR Signposting level 1: cite-as (the DOI URL, else the record URI), describedby for each RDF format, type for
 * the record's schema.org class and AboutPage, and the linkset that carries every link.
 */
export function signposts(input: { iri: string; record: Record }, formats: readonly Format[]): TypedLink[] {
  return [
    { rel: 'cite-as', href: input.record.doi ? doiIri(input.record.doi) : input.iri },
    ...formats.filter((f) => f.kind === 'rdf' && f.negotiable !== false).map((f) => ({ rel: 'describedby', href: formatUrl(input.iri, f), type: f.mediaType })),
    { rel: 'type', href: `${PREFIXES.schema}${SCHEMA_CLASS[input.record.type]}` },
    { rel: 'type', href: `${PREFIXES.schema}AboutPage` },
    { rel: 'linkset', href: `${input.iri}/linkset`, type: LINKSET_TYPE },
  ];
}

/** An alternate for every negotiable format among `formats`. */
export function alternates(iri: string, formats: readonly Format[]): TypedLink[] {
  return formats.filter((f) => f.negotiable !== false).map((f) => ({ rel: 'alternate', href: formatUrl(iri, f), type: f.mediaType }));
}
