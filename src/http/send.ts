// A representation with its headers computed once, and the one function that writes it (200, 304, 412 or HEAD) straight
// to Node's response, in the content coding the request accepts (identity, gzip or br; see encoding.ts).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { strongEtag } from '../catalog/published.js';
import { preconditions } from './conditional.js';
import { chooseCoding, codedEtag, compressible, encode, type Coding } from './encoding.js';
import { CORS_HEADERS, cacheControl, contentTypeOf } from './headers.js';
import { bufferBytes, owned, stringBytes } from '../store/cache.js';
import { htmlSecurityHeaders } from '../html/csp.js';

export interface RepresentationInit {
  body: Buffer | string;
  mediaType: string;
  etag?: string;
  lastModified?: Date;
  contentLocation?: string;
  link?: string;
  /** False for responses that do not depend on Accept (a linkset, /health). */
  varies?: boolean;
  /** Cache-Control max-age in seconds; without it, no Cache-Control header. */
  maxAge?: number;
}

/** The body in one content coding, with the headers of a 200 and of a 304. */
export interface Variant {
  coding: Coding;
  body: Buffer;
  etag: string;
  ok: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
}

export interface Prepared {
  /** The identity body. */
  body: Buffer;
  /** The identity body's ETag; each coding has its own (see codedEtag). */
  etag: string;
  lastModified: Date | undefined;
  /** Large enough to be worth compressing. */
  compressible: boolean;
  /** The variants built so far, identity first; the others are added on first request and kept with the body. */
  variants: Map<Coding, Variant>;
  /** Variants being compressed now: concurrent first requests for one coding share the work. */
  building: Map<Coding, Promise<Variant>>;
}

/**
 * What `p` costs in memory, roughly: every distinct body's bytes (a compressed variant's too) plus its Buffer, and
 * each variant's header objects. This is what a cache holding `p` must count, and count again once a variant is added.
 */
export function preparedBytes(p: Prepared): number {
  let bytes = 240; // the Prepared object and its two Maps
  const seen = new Set<object>();
  for (const v of p.variants.values()) {
    if (seen.has(v)) continue; // a coding that would not make the body smaller shares the identity variant
    seen.add(v);
    bytes += 96 + headersBytes(v.ok) + headersBytes(v.notModified);
    if (!seen.has(v.body)) {
      seen.add(v.body);
      bytes += bufferBytes(v.body);
    }
  }
  return bytes;
}

function headersBytes(h: OutgoingHttpHeaders): number {
  let bytes = 64;
  for (const value of Object.values(h)) bytes += 16 + (typeof value === 'string' ? stringBytes(value) : 16);
  return bytes;
}

export function prepare(init: RepresentationInit): Prepared {
  // A Buffer of its own: a slice of a pooled or larger Buffer would keep all of it alive while cached.
  const body = owned(typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body);
  const etag = init.etag ?? strongEtag(body);
  // Headers a 304 must repeat (RFC 9110 §15.4.5), then the ones only a full response carries.
  const common: OutgoingHttpHeaders = { ETag: etag, ...CORS_HEADERS };
  if (init.maxAge !== undefined) common['Cache-Control'] = cacheControl(init.maxAge);
  // Every coding decision reads Accept-Encoding, so caches must key on it too, whatever the body's size.
  common.Vary = init.varies === false ? 'Accept-Encoding' : 'Accept, Accept-Encoding';
  if (init.lastModified) common['Last-Modified'] = init.lastModified.toUTCString();
  if (init.contentLocation) common['Content-Location'] = init.contentLocation;
  if (init.link) common.Link = init.link;
  const ok: OutgoingHttpHeaders = {
    ...common,
    'Content-Type': contentTypeOf(init.mediaType),
    'Content-Length': String(body.length),
    ...(init.mediaType === 'text/html' ? htmlSecurityHeaders() : {}),
  };
  const identity: Variant = { coding: 'identity', body, etag, ok, notModified: common };
  return { body, etag, lastModified: init.lastModified, compressible: compressible(body), variants: new Map([['identity', identity]]), building: new Map() };
}

/** `p` in `coding`, built once: the compressed body (or identity, when the coding would not make it smaller) and its headers. */
export function variantOf(p: Prepared, coding: Coding): Promise<Variant> {
  const done = p.variants.get(coding);
  if (done) return Promise.resolve(done);
  let building = p.building.get(coding);
  if (!building) {
    building = buildVariant(p, coding);
    p.building.set(coding, building);
    // A failure is not remembered: a later request tries again.
    const forget = () => p.building.delete(coding);
    building.then(forget, forget);
  }
  return building;
}

async function buildVariant(p: Prepared, coding: Coding): Promise<Variant> {
  const identity = p.variants.get('identity')!;
  const coded = await encode(p.body, coding);
  let v: Variant;
  if (coded === undefined || coded === p.body) {
    v = identity;
  } else {
    const etag = codedEtag(p.etag, coding);
    v = {
      coding,
      body: coded,
      etag,
      ok: { ...identity.ok, ETag: etag, 'Content-Encoding': coding, 'Content-Length': String(coded.length) },
      notModified: { ...identity.notModified, ETag: etag },
    };
  }
  p.variants.set(coding, v);
  return v;
}

function write(req: IncomingMessage, res: ServerResponse, p: Prepared, v: Variant): void {
  switch (preconditions(req.headers, v.etag, p.lastModified)) {
    case 'failed': {
      const body = Buffer.from(`412 Precondition failed: If-Match or If-Unmodified-Since does not hold for the current representation (ETag ${v.etag}).\n`, 'utf8');
      res.writeHead(412, {
        ETag: v.etag,
        ...CORS_HEADERS,
        Vary: v.notModified.Vary,
        'Cache-Control': 'no-store',
        'Content-Type': contentTypeOf('text/plain'),
        'Content-Length': String(body.length),
      });
      if (req.method === 'HEAD') res.end();
      else res.end(body);
      return;
    }
    case 'not-modified':
      res.writeHead(304, v.notModified);
      res.end();
      return;
    case 'proceed':
      res.writeHead(200, v.ok);
      if (req.method === 'HEAD') res.end();
      else res.end(v.body);
  }
}

/**
 * Writes `p` in the coding the request accepts: 200, 304 when the client's copy is current, 412 when a precondition
 * fails; HEAD gets the same headers and no body. Synchronous once the coding's variant exists; the first request
 * for a coding waits for its compression.
 */
export function send(req: IncomingMessage, res: ServerResponse, p: Prepared): void | Promise<void> {
  const coding = chooseCoding(req.headers['accept-encoding'], p.compressible);
  const v = p.variants.get(coding);
  if (v) return write(req, res, p, v);
  return variantOf(p, coding).then((built) => write(req, res, p, built));
}
