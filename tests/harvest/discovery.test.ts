import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical, parseJsonLd, parseTurtle } from '../helpers/graph.js';
import { BASE, generateCatalogDir, liveCatalog, removeDir, serve, type Served } from './helpers.js';

let dir: string;
let served: Served;

beforeAll(async () => {
  dir = generateCatalogDir(7);
  served = await serve(await liveCatalog(dir), { sitemapLimit: 3, collectionPageSize: 3 });
});
afterAll(async () => {
  await served?.close();
  removeDir(dir);
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${served.url}${path}`, { headers });

describe('sitemaps', () => {
  it('past the limit, /sitemap.xml is an index of pages that together list every record once', async () => {
    const index = await (await get('/sitemap.xml')).text();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const pages = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(pages).toEqual([1, 2, 3].map((n) => `${BASE}/sitemap-${n}.xml`));
    const locs: string[] = [];
    for (const n of [1, 2, 3]) {
      const res = await get(`/sitemap-${n}.xml`);
      expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const xml = await res.text();
      expect(xml).toContain('<urlset');
      expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/lastmod>/);
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(locs).toEqual(served.live.current.records.map((r) => r.iri));
    expect((await get('/sitemap-4.xml')).status).toBe(404);
    expect((await get('/sitemap-0.xml')).status).toBe(404);
  });

  it('within the limit, /sitemap.xml is the URL set itself', async () => {
    const small = await serve(served.live, { sitemapLimit: 50 });
    try {
      const xml = await (await fetch(`${small.url}/sitemap.xml`)).text();
      expect(xml).toContain('<urlset');
      expect([...xml.matchAll(/<url>/g)].length).toBe(7);
      expect((await fetch(`${small.url}/sitemap-1.xml`)).status).toBe(404);
    } finally {
      await small.close();
    }
  });
});

describe('VoID', () => {
  it('describes the dataset in Turtle, JSON-LD and N-Triples alike', async () => {
    const ttl = await get('/.well-known/void');
    expect(ttl.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(ttl.headers.get('vary')).toContain('Accept');
    const quads = parseTurtle(await ttl.text());
    const ds = `${BASE}/.well-known/void#dataset`;
    const values = (p: string) => quads.filter((q) => q.subject.value === ds && q.predicate.value === p).map((q) => q.object.value);
    const v = (l: string) => `http://rdfs.org/ns/void#${l}`;
    expect(values('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toEqual([v('Dataset')]);
    expect(values(v('uriSpace'))).toEqual([`${BASE}/record/`]);
    expect(values(v('dataDump')).sort()).toEqual([`${BASE}/dump.jsonl`, `${BASE}/dump.jsonld`, `${BASE}/dump.nt`]);
    expect(values(v('entities'))).toHaveLength(1);
    expect(values(v('exampleResource'))).toContain(`${BASE}/record/gen-00000`);
    expect(values(v('vocabulary')).sort()).toEqual(['http://purl.org/dc/terms/', 'http://purl.org/ontology/bibo/', 'http://schema.org/']);
    expect(values('http://purl.org/dc/terms/modified')).toHaveLength(1);
    expect(values('http://purl.org/dc/terms/title')).toHaveLength(1);
    let triples = 0;
    for (const e of served.live.current.records) triples += (await served.live.current.get(e.id))!.quads().length;
    expect(Number(values(v('triples'))[0])).toBe(triples);
    const jsonld = await get('/.well-known/void', { accept: 'application/ld+json' });
    expect(jsonld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const nt = await get('/.well-known/void', { accept: 'application/n-triples' });
    const expected = await canonical(quads);
    expect(await canonical(await parseJsonLd(await jsonld.text()))).toBe(expected);
    expect(await canonical(parseTurtle(await nt.text(), 'application/n-triples'))).toBe(expected);
    expect((await get('/.well-known/void', { accept: 'image/png' })).status).toBe(406);
  });
});

describe('/records', () => {
  const h = (l: string) => `http://www.w3.org/ns/hydra/core#${l}`;
  const one = (quads: ReturnType<typeof parseTurtle>, s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);

  it('is a Hydra collection with first, previous, next and last, linked by cursor', async () => {
    const res = await get('/records?after=gen-00002', { accept: 'text/turtle' });
    expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    const quads = parseTurtle(await res.text());
    const view = `${BASE}/records?after=gen-00002`;
    expect(one(quads, `${BASE}/records`, h('totalItems'))).toEqual(['7']);
    expect(one(quads, `${BASE}/records`, h('member'))).toEqual(['gen-00003', 'gen-00004', 'gen-00005'].map((id) => `${BASE}/record/${id}`));
    expect(one(quads, view, h('first'))).toEqual([`${BASE}/records?page=1`]);
    expect(one(quads, view, h('previous'))).toEqual([`${BASE}/records?before=gen-00003`]);
    expect(one(quads, view, h('next'))).toEqual([`${BASE}/records?after=gen-00005`]);
    expect(one(quads, view, h('last'))).toEqual([`${BASE}/records?page=last`]);
    const jsonld = await get('/records?after=gen-00002', { accept: 'application/ld+json' });
    expect(await canonical(await parseJsonLd(await jsonld.text()))).toBe(await canonical(quads));
    // Backwards, and the ends.
    const members = async (q: string) => one(parseTurtle(await (await get(`/records?${q}`, { accept: 'text/turtle' })).text()), `${BASE}/records`, h('member')).map((m) => m.slice(-9));
    expect(await members('before=gen-00006')).toEqual(['gen-00003', 'gen-00004', 'gen-00005']);
    expect(await members('before=gen-00002')).toEqual(['gen-00000', 'gen-00001', 'gen-00002']);
    expect(await members('page=last')).toEqual(['gen-00004', 'gen-00005', 'gen-00006']);
    expect(await members('after=gen-00006')).toEqual([]);
    expect(await members('page=2')).toEqual(['gen-00003', 'gen-00004', 'gen-00005']);
  });

  it('a record added during a walk appears on no two pages, and the walk still sees every record', async () => {
    const copy = generateCatalogDir(7);
    const small = await serve(await liveCatalog(copy), { collectionPageSize: 3 });
    try {
      const walked: string[] = [];
      let next: string | undefined = `${BASE}/records`;
      let added = false;
      while (next) {
        const path = next.slice(BASE.length);
        const quads = parseTurtle(await (await fetch(`${small.url}${path}`, { headers: { accept: 'text/turtle' } })).text());
        walked.push(...one(quads, `${BASE}/records`, h('member')).map((m) => m.slice(`${BASE}/record/`.length)));
        next = quads.find((q) => q.predicate.value === h('next'))?.object.value;
        if (!added) {
          // Between the first and second page, a record sorting before the current position is added.
          writeFileSync(join(copy, 'gen-00000a.txt'), readFileSync(join(copy, 'gen-00000.txt'), 'utf8').replace(/DOI:.*$/m, 'DOI:10.5555/gen.new'));
          await small.live.reload();
          added = true;
        }
      }
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked).toEqual(['gen-00000', 'gen-00001', 'gen-00002', 'gen-00003', 'gen-00004', 'gen-00005', 'gen-00006']);
      expect(small.live.current.size).toBe(8);
    } finally {
      await small.close();
      removeDir(copy);
    }
  });

  it('serves HTML by default, escaped, with rel links', async () => {
    const res = await get('/records');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('link')).toContain(`<${BASE}/records?after=gen-00002>; rel="next"`);
    const html = await res.text();
    expect(html).toContain('Generated record 0 &lt;0&gt; &amp; a spine');
    expect(html).not.toContain('<0>');
    expect(html).toContain('rel="next"');
  });

  it.each([
    ['page=4', 404],
    ['page=0', 400],
    ['page=-1', 400],
    ['page=x', 400],
    ['page=1.5', 400],
    ['page=1&page=2', 400],
    ['after=a%20b', 400],
    ['after=gen-00001&before=gen-00004', 400],
  ])('%s → %i', async (q, status) => {
    expect((await get(`/records?${q}`)).status).toBe(status);
  });
});
