// Test helpers: a node:http server on 127.0.0.1 that serves the rendered pages with the real security headers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { htmlSecurityHeaders } from '../../src/html/csp.js';
import { renderErrorPage } from '../../src/html/error-page.js';
import { filterEntries, indexEntry, renderIndexPage } from '../../src/html/index-page.js';
import type { SerializeInput } from '../../src/formats/format.js';
import { hostileRecord, inputFor, recordPage, SAMPLE_REPORT, seedInput, XSS_ID } from '../html/pages.js';
import { renderValidationPage } from '../../src/html/validation-page.js';

export interface PageServer {
  base: string;
  inputs: Map<string, SerializeInput>;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const inputs = new Map<string, SerializeInput>();
  let base = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...htmlSecurityHeaders() });
        res.end(body);
      };
      const match = /^\/record\/([A-Za-z0-9._-]+?)(?:\.html)?$/.exec(url.pathname);
      const input = match?.[1] ? inputs.get(match[1]) : undefined;
      if (input) return send(200, await recordPage(input));
      const validation = /^\/record\/([A-Za-z0-9._-]+)\/validation$/.exec(url.pathname);
      const reported = validation?.[1] ? inputs.get(validation[1]) : undefined;
      if (reported) {
        const report = reported.id === XSS_ID ? SAMPLE_REPORT : { conforms: true, results: [] };
        return send(200, renderValidationPage(report, { iri: reported.iri, title: reported.record.title, home: `${base}/` }));
      }
      if (url.pathname === '/') {
        const entries = [...inputs.values()].map((i) => indexEntry(i.id, i.iri, i.record));
        const q = url.searchParams.get('q') ?? undefined;
        return send(200, renderIndexPage(filterEntries(entries, q), { base, total: entries.length, ...(q ? { query: q } : {}) }));
      }
      send(404, renderErrorPage(404, `Nothing is published at ${url.pathname}.`, [], { home: `${base}/` }));
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const input of [seedInput(base), inputFor(hostileRecord(), XSS_ID, base)]) inputs.set(input.id, input);
  return {
    base,
    inputs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
