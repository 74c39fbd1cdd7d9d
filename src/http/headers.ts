// Response headers shared by every representation: CORS, caching, and the record's Link header (alternates + FAIR Signposting).
import type { PublishedRecord } from '../catalog/published.js';
import { alternates, LINKSET_TYPE, signposts, type TypedLink } from '../formats/links.js';
import { negotiableFormats } from '../formats/registry.js';

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Link, ETag, Content-Location, Last-Modified',
} as const;

export const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, If-None-Match, If-Modified-Since, If-Match, If-Unmodified-Since, Cache-Control',
  'Access-Control-Max-Age': '86400',
} as const;

export const ALLOW = 'GET, HEAD, OPTIONS';
export const LINK_HEADER_LIMIT = 8 * 1024;
export { LINKSET_TYPE };

/** Content-Type with charset: every format ldpub writes is UTF-8 text. */
export function contentTypeOf(mediaType: string): string {
  return `${mediaType}; charset=utf-8`;
}

export function cacheControl(maxAge: number): string {
  return `public, max-age=${maxAge}`;
}

/** The record's signposts and the alternates of every format. */
function recordLinks(record: PublishedRecord): { signposts: TypedLink[]; alternates: TypedLink[] } {
  return { signposts: signposts(record, negotiableFormats()), alternates: alternates(record.iri, negotiableFormats()) };
}

function linkValue(l: TypedLink): string {
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
