// HTTP plumbing shared by the harvesting routes: conditional requests, gzip by Accept-Encoding, and streamed bodies.
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream';
import type { Request, Response } from 'express';
import { Sink } from './sink.js';
import { preconditions } from '../http/conditional.js';

/**
 * Sets validators and evaluates the preconditions by the server's rule: 304 when the client's copy is current, 412
 * when If-Match or If-Unmodified-Since fails. Returns true when the response is finished.
 */
export function notModified(req: Request, res: Response, etag: string, lastModified?: Date): boolean {
  res.setHeader('ETag', etag);
  if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
  const outcome = preconditions(req.headers, etag, lastModified);
  if (outcome === 'proceed') return false;
  if (outcome === 'not-modified') {
    res.status(304).end();
  } else {
    res.removeHeader('Content-Type');
    res.status(412).type('text/plain').setHeader('Cache-Control', 'no-store');
    res.send(`412 Precondition failed: If-Match or If-Unmodified-Since does not hold for the current representation (ETag ${etag}).\n`);
  }
  return true;
}

/** True when the client accepts gzip (q > 0) in preference to, or as well as, identity. */
export function wantsGzip(req: Request): boolean {
  return req.acceptsEncodings('gzip', 'identity') === 'gzip';
}

/**
 * Starts a streamed body: gzipped when `gzip` is set (with Content-Encoding unless `as` is 'file'), identity otherwise.
 * Headers must be set before. Returns the sink to write to; `end()` it when done.
 */
export function streamBody(res: Response, gzip: boolean, as: 'coding' | 'file' = 'coding', chunkSize?: number): Sink {
  if (!gzip) return new Sink(res, chunkSize);
  // As a content coding the client undoes it; as a file (application/gzip) the gzip bytes are the representation.
  if (as === 'coding') res.setHeader('Content-Encoding', 'gzip');
  const zip = createGzip();
  pipeline(zip, res, () => undefined);
  res.once('close', () => zip.destroy());
  return new Sink(zip, chunkSize);
}
