// HTTP plumbing shared by the harvesting routes: conditional requests, gzip by Accept-Encoding, and streamed bodies.
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream';
import type { Request, Response } from 'express';
import { Sink } from './sink.js';

/** Sets validators and answers 304 when the client's copy is current. Returns true when the response is finished. */
export function notModified(req: Request, res: Response, etag: string, lastModified?: Date): boolean {
  res.setHeader('ETag', etag);
  if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    // RFC 9110 §13.1.2: weak comparison, a list of tags or "*"; If-Modified-Since is then ignored.
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (!tags.includes('*') && !tags.includes(etag.replace(/^W\//, ''))) return false;
  } else {
    const ims = req.headers['if-modified-since'];
    if (ims === undefined || !lastModified) return false;
    const since = Date.parse(ims);
    if (Number.isNaN(since) || lastModified.getTime() > since) return false;
  }
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
export function streamBody(res: Response, gzip: boolean): Sink {
  if (!gzip) return new Sink(res);
  res.setHeader('Content-Encoding', 'gzip');
  const zip = createGzip();
  pipeline(zip, res, () => undefined);
  res.once('close', () => zip.destroy());
  return new Sink(zip);
}
