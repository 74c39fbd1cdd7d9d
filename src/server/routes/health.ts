// /health: 200 with the catalog's counts, when it was loaded and whether a reload is under way, never cached.
import type { Request, Response } from 'express';
import type { ServerContext } from '../context.js';
import { CORS_HEADERS, contentTypeOf } from '../../http/headers.js';

export function healthHandler(ctx: ServerContext) {
  return (req: Request, res: Response): void => {
    const catalog = ctx.live.current;
    const body = Buffer.from(`${JSON.stringify({ status: 'ok', ...catalog.counts(), loadedAt: catalog.builtAt.toISOString(), reloading: ctx.live.reloading })}\n`);
    res.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': contentTypeOf('application/json'),
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
