// A representation with its headers computed once, and the one function that writes it (200, 304 or HEAD) straight to Node's response.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { strongEtag } from '../catalog/published.js';
import { notModified } from './conditional.js';
import { CORS_HEADERS, cacheControl, contentTypeOf } from './headers.js';

export interface RepresentationInit {
  body: Buffer | string;
  mediaType: string;
  etag?: string;
  lastModified?: Date;
  contentLocation?: string;
  link?: string;
  /** False for responses that do not depend on Accept (a linkset, /health). */
  varies?: boolean;
  maxAge: number;
}

export interface Prepared {
  body: Buffer;
  etag: string;
  lastModified: Date | undefined;
  ok: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
}

export function prepare(init: RepresentationInit): Prepared {
  const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body;
  const etag = init.etag ?? strongEtag(body);
  // Headers a 304 must repeat (RFC 9110 §15.4.5), then the ones only a full response carries.
  const common: OutgoingHttpHeaders = {
    ETag: etag,
    'Cache-Control': cacheControl(init.maxAge),
    ...CORS_HEADERS,
  };
  if (init.varies !== false) common.Vary = 'Accept';
  if (init.lastModified) common['Last-Modified'] = init.lastModified.toUTCString();
  if (init.contentLocation) common['Content-Location'] = init.contentLocation;
  if (init.link) common.Link = init.link;
  const ok: OutgoingHttpHeaders = {
    ...common,
    'Content-Type': contentTypeOf(init.mediaType),
    'Content-Length': String(body.length),
  };
  return { body, etag, lastModified: init.lastModified, ok, notModified: common };
}

/** Writes `p` as 200, or 304 when the client's copy is current; HEAD gets the same headers and no body. */
export function send(req: IncomingMessage, res: ServerResponse, p: Prepared): void {
  if (notModified(req.headers, p.etag, p.lastModified)) {
    res.writeHead(304, p.notModified);
    res.end();
    return;
  }
  res.writeHead(200, p.ok);
  if (req.method === 'HEAD') res.end();
  else res.end(p.body);
}
