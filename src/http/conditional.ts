// Conditional requests on GET and HEAD (RFC 9110 §13), evaluated in the RFC's order (§13.2.2):
//   1. If-Match: false → 412 (strong comparison; `*` matches, as the representation exists);
//   2. else If-Unmodified-Since: modified after the date → 412 (ignored when it is not a valid HTTP date);
//   3. If-None-Match: true → 304 (weak comparison; `*` matches);
//   4. else If-Modified-Since: not modified since the date → 304.
// Malformed entity tags never match; an oversized or malformed date is ignored.
import type { IncomingHttpHeaders } from 'node:http';

export type Precondition = 'proceed' | 'not-modified' | 'failed';

const MAX_DATE_LENGTH = 64;

/** The quoted opaque part of an entity tag, and whether it was weak; undefined when it is not a quoted tag. */
function parseTag(tag: string): { opaque: string; weak: boolean } | undefined {
  const weak = tag.startsWith('W/');
  const t = weak ? tag.slice(2) : tag;
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') && !t.slice(1, -1).includes('"') ? { opaque: t, weak } : undefined;
}

/** True when `header` (a list of entity tags, or `*`) holds `etag`; strong comparison refuses weak tags on either side. */
function listHolds(header: string, etag: string, strong: boolean): boolean {
  const mine = parseTag(etag);
  if (mine === undefined) return false;
  if (header.trim() === '*') return true;
  if (strong && mine.weak) return false;
  // Our tags hold no commas, so splitting on them can only break tags that would not match anyway.
  for (const part of header.split(',')) {
    const theirs = parseTag(part.trim());
    if (theirs && theirs.opaque === mine.opaque && !(strong && theirs.weak)) return true;
  }
  return false;
}

/** True when `header` (a list of entity tags, or `*`) matches `etag` by weak comparison. */
export function noneMatchHits(header: string, etag: string): boolean {
  return listHolds(header, etag, false);
}

/** True when `header` (If-Match) matches `etag` by strong comparison. */
export function matchHits(header: string, etag: string): boolean {
  return listHolds(header, etag, true);
}

function httpDate(value: string | undefined): number | undefined {
  if (value === undefined || value.length > MAX_DATE_LENGTH) return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/** What the preconditions of a GET or HEAD say about the representation with `etag` and `lastModified`. */
export function preconditions(headers: IncomingHttpHeaders, etag: string, lastModified: Date | undefined): Precondition {
  const im = headers['if-match'];
  if (im !== undefined) {
    if (!matchHits(im, etag)) return 'failed';
  } else if (lastModified !== undefined) {
    const ius = httpDate(headers['if-unmodified-since']);
    if (ius !== undefined && lastModified.getTime() > ius) return 'failed';
  }
  const inm = headers['if-none-match'];
  if (inm !== undefined) return noneMatchHits(inm, etag) ? 'not-modified' : 'proceed';
  if (lastModified === undefined) return 'proceed';
  const ims = httpDate(headers['if-modified-since']);
  return ims !== undefined && lastModified.getTime() <= ims ? 'not-modified' : 'proceed';
}

/** True when the client's copy is current: answer 304. If-Modified-Since counts only without If-None-Match. */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: Date | undefined): boolean {
  return preconditions(headers, etag, lastModified) === 'not-modified';
}
