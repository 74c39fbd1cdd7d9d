// The /oai endpoint for Express: arguments from the query (GET) or a form-encoded body (POST), the answer streamed as XML.
import type { Request, RequestHandler, Response } from 'express';
import type { LiveCatalog } from '../../catalog/live.js';
import { streamBody, wantsGzip } from '../http.js';
import type { OaiContext } from './context.js';
import type { RawArguments } from './request.js';
import { respond } from './verbs.js';

/** A form body larger than this cannot be an OAI-PMH request (a token is well under 1 KB). */
const MAX_BODY = 64 * 1024;

export function oaiHandler(live: LiveCatalog, settings: Omit<OaiContext, 'catalog'>): RequestHandler {
  return async (req: Request, res: Response) => {
    const catalog = live.current;
    const raw = req.method === 'POST' ? await formArguments(req) : queryArguments(req);
    res.status(200);
    res.setHeader('Content-Type', 'text/xml; charset=utf-8');
    res.vary('Accept-Encoding');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const sink = streamBody(res, wantsGzip(req));
    // Every responseDate given out is a floor for the datestamps the store commits later.
    const store = catalog.store as { responseFloor?: number };
    const now = () => {
      const date = settings.now();
      if (typeof store.responseFloor === 'number') store.responseFloor = Math.max(store.responseFloor, date.getTime());
      return date;
    };
    await respond(raw, { ...settings, now, catalog }, sink);
    await sink.end();
  };
}

/** The query string's arguments in order, repeats kept (Express's parsed query would merge or nest them). */
function queryArguments(req: Request): RawArguments {
  const q = req.originalUrl.indexOf('?');
  return q < 0 ? [] : [...new URLSearchParams(req.originalUrl.slice(q + 1))];
}

async function formArguments(req: Request): Promise<RawArguments> {
  // A body parser mounted by the application may have read the body already.
  const parsed = req.body as unknown;
  if (parsed && typeof parsed === 'object' && !Buffer.isBuffer(parsed)) {
    const out: Array<[string, string]> = [];
    for (const [k, v] of Object.entries(parsed as { [k: string]: unknown })) {
      for (const value of Array.isArray(v) ? v : [v]) out.push([k, String(value)]);
    }
    return out;
  }
  if (!req.is('application/x-www-form-urlencoded')) return [];
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return [['verb', '']];
    chunks.push(chunk);
  }
  return [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))];
}
