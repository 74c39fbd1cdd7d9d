// Response headers shared by every representation: CORS, caching, and the record's Link header (alternates + FAIR Signposting).
import type { Format } from '../formats/format.js';
import { allFormats, rdfFormats } from '../formats/registry.js';
import type { PublishedRecord } from '../catalog/published.js';
import { doiIri } from '../rdf/iris.js';
import { SCHEMA_CLASS } from '../rdf/map-record.js';
import { PREFIXES } from '../rdf/namespaces.js';

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Link, ETag, Content-Location, Last-Modified',
} as const;

export const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, If-None-Match, If-Modified-Since, Cache-Control',
  'Access-Control-Max-Age': '86400',
} as const;

export const ALLOW = 'GET, HEAD, OPTIONS';
export const LINK_HEADER_LIMIT = 8 * 1024;
export const LINKSET_TYPE = 'application/linkset+json';

/** Content-Type with charset: every format ldpub writes is UTF-8 text. */
export function contentTypeOf(mediaType: string): string {
  return `${mediaType}; charset=utf-8`;
}

export function cacheControl(maxAge: number): string {
  return `public, max-age=${maxAge}`;
}

export interface SignpostLink {
  href: string;
  rel: string;
  type?: string;
}

export function recordUrl(record: PublishedRecord, format: Format): string {
  return `${record.iri}.${format.extension}`;
}

/** The record's signposts: cite-as, describedby per RDF format, type, and the alternates of every format. */
export function recordLinks(record: PublishedRecord): { signposts: SignpostLink[]; alternates: SignpostLink[] } {
  const citeAs = record.record.doi ? doiIri(record.record.doi) : record.iri;
  const signposts: SignpostLink[] = [
    { href: citeAs, rel: 'cite-as' },
    ...rdfFormats().map((f) => ({ href: recordUrl(record, f), rel: 'describedby', type: f.mediaType })),
    { href: `${PREFIXES.schema}${SCHEMA_CLASS[record.record.type]}`, rel: 'type' },
    { href: `${PREFIXES.schema}AboutPage`, rel: 'type' },
    { href: `${record.iri}/linkset`, rel: 'linkset', type: LINKSET_TYPE },
  ];
  const alternates = allFormats().map((f) => ({ href: recordUrl(record, f), rel: 'alternate', type: f.mediaType }));
  return { signposts, alternates };
}

function linkValue(l: SignpostLink): string {
  return `<${l.href}>; rel="${l.rel}"${l.type ? `; type="${l.type}"` : ''}`;
}

/** The Link header: signposts first, then alternates while the header stays under 8 KB (the linkset carries them all). */
export function linkHeader(record: PublishedRecord): string {
  const { signposts, alternates } = recordLinks(record);
  let value = signposts.map(linkValue).join(', ');
  for (const a of alternates) {
    const next = `${value}, ${linkValue(a)}`;
    if (next.length > LINK_HEADER_LIMIT) break;
    value = next;
  }
  return value;
}

/** The RFC 9264 linkset document for a record: the same links, grouped by relation. */
export function linkset(record: PublishedRecord): string {
  const { signposts, alternates } = recordLinks(record);
  const context: { [rel: string]: unknown } = { anchor: record.iri };
  for (const l of [...signposts.filter((s) => s.rel !== 'linkset'), ...alternates]) {
    const list = (context[l.rel] ??= []) as { href: string; type?: string }[];
    list.push(l.type ? { href: l.href, type: l.type } : { href: l.href });
  }
  return `${JSON.stringify({ linkset: [context] }, null, 2)}\n`;
}
