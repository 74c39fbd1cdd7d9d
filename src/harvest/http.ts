// HTTP plumbing shared by the harvesting routes: conditional requests, gzip by Accept-Encoding, and streamed bodies.
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream';
import type { Request, Response } from 'express';
import { Sink } from './sink.js';
import { notModified as isNotModified } from '../server/conditional.js';

/** Sets validators and answers 304 when the client's copy is current (the server's rule). Returns true when finished. */
export function notModified(req: Request, res: Response, etag: string, lastModified?: Date): boolean {
  res.setHeader('ETag', etag);
  if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
  if (!isNotModified(req.headers, etag, lastModified)) return false;
  res.status(304).end();
  return true;
}

/** True when the client accepts gzip (q > 0) in preference to, or as well as, identity. */
export function wantsGzip(req: Request): boolean {
  return req.acceptsEncodings('gzip', 'identity') === 'gzip';
}

/**
 * Starts a streamed body: gzip-encoded when `gzip` is set (Content-Encoding), identity otherwise.
 * Headers must be set before. Returns the sink to write to; `end()` it when done.
 */
export function streamBody(res: Response, gzip: boolean, chunkSize?: number): Sink {
  if (!gzip) return new Sink(res, chunkSize);
  res.setHeader('Content-Encoding', 'gzip');
  const zip = createGzip();
  pipeline(zip, res, () => undefined);
  res.once('close', () => zip.destroy());
  return new Sink(zip, chunkSize);
}
