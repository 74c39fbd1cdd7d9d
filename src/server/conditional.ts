// Conditional GET/HEAD (RFC 9110 §13): If-None-Match by weak comparison, else If-Modified-Since. Malformed values never match.
import type { IncomingHttpHeaders } from 'node:http';

/** The opaque part of an entity tag, with any W/ prefix removed; undefined when it is not a quoted tag. */
function opaque(tag: string): string | undefined {
  const t = tag.startsWith('W/') ? tag.slice(2) : tag;
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') && !t.slice(1, -1).includes('"') ? t : undefined;
}

/** True when `header` (a list of entity tags, or `*`) matches `etag` by weak comparison. */
export function noneMatchHits(header: string, etag: string): boolean {
  const mine = opaque(etag);
  if (mine === undefined) return false;
  if (header.trim() === '*') return true;
  // Our tags hold no commas, so splitting on them can only break tags that would not match anyway.
  for (const part of header.split(',')) if (opaque(part.trim()) === mine) return true;
  return false;
}

/** True when the client's copy is current: answer 304. If-Modified-Since counts only without If-None-Match. */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: Date | undefined): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) return noneMatchHits(inm, etag);
  const ims = headers['if-modified-since'];
  if (ims === undefined || lastModified === undefined || ims.length > 64) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}
