// /sparql: a read-only SPARQL 1.1 Protocol endpoint, proxied to the store with a timeout and a result-size limit.
// Queries by GET (?query=) and POST (form-encoded or application/sparql-query); every update is refused with 403.
import express, { type Request, type Response } from 'express';
import { CORS_HEADERS } from '../../http/headers.js';

export interface SparqlProxyOptions {
  /** The store's query endpoint. */
  endpoint: string;
  timeoutMs?: number;
  /** Largest result passed on, in bytes; a larger one is cut off with 502 before any byte is sent, or the connection closed. */
  maxBytes?: number;
}

const text = (res: Response, status: number, message: string, extra: { [k: string]: string } = {}) => {
  res.status(status).set({ ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra }).send(`${message}\n`);
};

export function sparqlRouter(opts: SparqlProxyOptions): express.Router {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? 16 * 1024 * 1024;
  const router = express.Router();
  router.use('/sparql', express.urlencoded({ extended: false, limit: '1mb' }), express.text({ type: ['application/sparql-query', 'application/sparql-update'], limit: '1mb' }));
  const handle = async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { [k: string]: unknown } | string;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const form = typeof body === 'object' ? body : {};
    if (type === 'application/sparql-update' || req.query.update !== undefined || form.update !== undefined) {
      return text(res, 403, 'This endpoint is read-only: updates are refused.');
    }
    const query = req.method === 'POST' ? (type === 'application/sparql-query' ? String(body) : form.query) : req.query.query;
    if (typeof query !== 'string' || !query.trim()) return text(res, 400, 'Give a SPARQL query in the query parameter (SPARQL 1.1 Protocol).');
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(opts.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: req.headers.accept ?? 'application/sparql-results+json' },
        body: new URLSearchParams({ query }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return text(res, 503, 'The SPARQL store is not answering; please try again shortly.', { 'Retry-After': '10' });
    }
    const length = Number(upstream.headers.get('content-length') ?? '0');
    if (length > maxBytes) {
      await upstream.body?.cancel();
      return text(res, 502, `The result is larger than this endpoint passes on (${maxBytes} bytes); add a LIMIT.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of upstream.body ?? []) {
        size += (chunk as Uint8Array).length;
        if (size > maxBytes) {
          await upstream.body?.cancel().catch(() => undefined);
          return text(res, 502, `The result is larger than this endpoint passes on (${maxBytes} bytes); add a LIMIT.`);
        }
        chunks.push(Buffer.from(chunk as Uint8Array));
      }
    } catch {
      return text(res, 503, 'The SPARQL store is not answering; please try again shortly.', { 'Retry-After': '10' });
    }
    res.status(upstream.status < 500 ? upstream.status : 502).set({
      ...CORS_HEADERS,
      'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      Vary: 'Accept',
    });
    res.end(Buffer.concat(chunks));
  };
  router.get('/sparql', (req, res) => void handle(req, res));
  router.post('/sparql', (req, res) => void handle(req, res));
  return router;
}
