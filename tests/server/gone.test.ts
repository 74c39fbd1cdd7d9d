// A deleted record answers 410 Gone: a small page for people, a tombstone graph for RDF clients.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTurtle } from '../helpers/graph.js';
import { startServer, type TestServer } from './harness.js';

let s: TestServer;
const ID = 'plos-one-e-locator';

beforeAll(async () => {
  s = await startServer();
  rmSync(join(s.dir, `${ID}.txt`));
  const r = await s.live.reload();
  if (!r.ok) throw r.error;
});
afterAll(() => s?.close());

describe('a deleted record', () => {
  it('is 410 with a small HTML page for a browser', async () => {
    const res = await fetch(`${s.url}/record/${ID}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('410');
    expect(html).toContain('deleted');
    expect(res.headers.get('last-modified')).toBeTruthy();
  });

  it('is 410 with a tombstone graph in the RDF formats, by Accept and by extension', async () => {
    const res = await fetch(`${s.url}/record/${ID}`, { headers: { accept: 'text/turtle' } });
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    const quads = parseTurtle(await res.text());
    const iri = `http://localhost:3000/record/${ID}`;
    expect(quads.some((q) => q.subject.value === iri && q.predicate.value === 'http://www.w3.org/2002/07/owl#deprecated' && q.object.value === 'true')).toBe(true);
    for (const ext of ['nt', 'jsonld', 'rdf']) {
      const r = await fetch(`${s.url}/record/${ID}.${ext}`);
      expect(r.status, ext).toBe(410);
      expect(await r.text(), ext).toContain('deprecated');
    }
  });

  it('stays 404 for a name never published, and the others still answer 200', async () => {
    expect((await fetch(`${s.url}/record/never-here`)).status).toBe(404);
    expect((await fetch(`${s.url}/record/nature-genetics-consortium`, { headers: { accept: 'text/turtle' } })).status).toBe(200);
    const health = (await (await fetch(`${s.url}/health`)).json()) as { deleted: number; published: number };
    expect(health).toMatchObject({ published: 2, deleted: 1 });
  });
});
