// One URI per resource: a known path with a trailing slash (`/record/{id}/`) is a 301 to the path without it, query
// string kept. Express's non-strict routing would otherwise serve it as a second copy of the resource.
import type { NextFunction, Request, Response } from 'express';
import { CORS_HEADERS, cacheControl, contentTypeOf } from '../http/headers.js';

/** The resources a trailing slash is stripped from; anything else keeps its path (and is a 404). */
const CANONICAL = [
  /^\/record\/[^/]+$/,
  /^\/record\/[^/]+\/(?:validation|linkset)$/,
  /^\/(?:shapes|health|records|oai|sitemap\.xml|robots\.txt|dump\.nt|dump\.jsonld)$/,
  /^\/\.well-known\/void$/,
];

export function trailingSlashRedirect(maxAge: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || path.length < 2 || !path.endsWith('/')) return next();
    const target = path.replace(/\/+$/, '');
    if (!CANONICAL.some((re) => re.test(target))) return next();
    const url = req.originalUrl;
    const q = url.indexOf('?');
    const location = q >= 0 ? `${target}${url.slice(q)}` : target;
    const body = Buffer.from(`301 Moved Permanently: ${location}\n`, 'utf8');
    res.writeHead(301, {
      Location: location,
      ...CORS_HEADERS,
      'Cache-Control': cacheControl(maxAge),
      'Content-Type': contentTypeOf('text/plain'),
      'Content-Length': String(body.length),
    });
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  };
}
