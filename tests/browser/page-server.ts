// Test helpers: a node:http server on 127.0.0.1 that serves the rendered pages with the real security headers.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { htmlSecurityHeaders } from '../../src/html/csp.js';
import { renderErrorPage } from '../../src/html/error-page.js';
import { filterEntries, indexEntry, renderIndexPage } from '../../src/html/index-page.js';
import { renderValidationPage } from '../../src/html/validation-page.js';
import { writeJsonLd } from '../../src/formats/jsonld.js';
import type { SerializeInput } from '../../src/formats/format.js';
import { mapFile } from '../../src/pipeline.js';
import { SEED_ID } from '../helpers/fixtures.js';
import { recordPage, SAMPLE_REPORT } from '../html/pages.js';

export interface PageServer {
  base: string;
  inputs: Map<string, SerializeInput>;
  close(): Promise<void>;
}

/** Serves the records in `files` (ids from `name`, as the catalog names them) at `/record/{id}`, `.jsonld` and `/validation`. */
export async function startPageServer(files: readonly { path: string; name: string }[]): Promise<PageServer> {
  const inputs = new Map<string, SerializeInput>();
  let base = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const send = (status: number, body: string, type = 'text/html') => {
        res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, ...htmlSecurityHeaders() });
        res.end(body);
      };
      const m = /^\/record\/([A-Za-z0-9_-]+)(\.html|\.jsonld|\/validation)?$/.exec(url.pathname);
      const input = m?.[1] ? inputs.get(m[1]) : undefined;
      if (input && m?.[2] === '.jsonld') return send(200, await writeJsonLd(input.quads, input.iri), 'application/ld+json');
      if (input && m?.[2] === '/validation') {
        const report = input.id === SEED_ID ? { conforms: true, results: [] } : SAMPLE_REPORT;
        return send(200, renderValidationPage(report, { iri: input.iri, title: input.record.title, home: `${base}/` }));
      }
      if (input) return send(200, await recordPage(input));
      if (url.pathname === '/') {
        const entries = [...inputs.values()].map((i) => indexEntry(i.id, i.iri, i.record));
        const q = url.searchParams.get('q') ?? undefined;
        return send(200, renderIndexPage(filterEntries(entries, q), { base, total: entries.length, ...(q ? { query: q } : {}) }));
      }
      send(404, renderErrorPage(404, 'There is nothing at this address.', [], { home: `${base}/` }));
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const file of files) {
    for (const mapped of mapFile(readFileSync(file.path, 'utf8'), file.name, base)) inputs.set(mapped.id, { ...mapped, base, params: {} });
  }
  return {
    base,
    inputs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
