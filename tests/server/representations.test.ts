// Every representation a record has: RDF bodies parse back to the Turtle graph, fixed-format URLs, the HTML page, report, linkset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiableFormats, rdfFormats } from '../../src/formats/registry.js';
import { canonical, parseAs, parseTurtle } from '../helpers/graph.js';
import { BASE, startServer, SEED_ID, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

const get = (path: string, accept?: string) => fetch(`${s.url}${path}`, { headers: accept ? { accept } : {} });

describe('record bodies', () => {
  it.each(rdfFormats().map((f) => [f.label, f.mediaType] as const))('%s parses back to the same graph as the Turtle', async (_, mediaType) => {
    const turtle = parseTurtle(await (await get(`/record/${SEED_ID}`, 'text/turtle')).text());
    expect(turtle.length).toBeGreaterThan(30);
    const res = await get(`/record/${SEED_ID}`, mediaType);
    expect(res.headers.get('content-type')).toBe(`${mediaType}; charset=utf-8`);
    expect(await canonical(await parseAs(mediaType, await res.text()))).toBe(await canonical(turtle));
  });

  it.each([
    ['.ttl', `/record/${SEED_ID}.ttl`, 'text/turtle'],
    ['.jsonld', `/record/${SEED_ID}.jsonld`, 'application/ld+json'],
    ['.nt', `/record/${SEED_ID}.nt`, 'application/n-triples'],
    ['.rdf', `/record/${SEED_ID}.rdf`, 'application/rdf+xml'],
    ['.html', `/record/${SEED_ID}.html`, 'text/html'],
    ['?format=ttl', `/record/${SEED_ID}?format=ttl`, 'text/turtle'],
    ['?format=turtle', `/record/${SEED_ID}?format=turtle`, 'text/turtle'],
    ['?format=json-ld', `/record/${SEED_ID}?format=json-ld`, 'application/ld+json'],
    ['?format=nt', `/record/${SEED_ID}?format=nt`, 'application/n-triples'],
    ['?format=RDF', `/record/${SEED_ID}?format=RDF`, 'application/rdf+xml'],
  ])('%s forces the format whatever the Accept header says', async (_, path, mediaType) => {
    const res = await get(path, 'image/png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${mediaType}; charset=utf-8`);
    expect(res.headers.get('content-location')).toMatch(new RegExp(`^/record/${SEED_ID}\\.\\w+$`));
  });

  it('answers an unknown extension with 404 naming the formats, and an unknown ?format= with 400', async () => {
    const ext = await get(`/record/${SEED_ID}.docx`, 'text/plain');
    expect(ext.status).toBe(404);
    expect(await ext.text()).toMatch(/No format has the extension "\.docx"[\s\S]*\.ttl/);
    const q = await get(`/record/${SEED_ID}?format=docx`, 'text/plain');
    expect(q.status).toBe(400);
    expect(await q.text()).toContain('Unknown format "docx"; use one of: turtle, jsonld, ntriples, rdfxml, html');
    const twice = await get(`/record/${SEED_ID}?format=ttl&format=nt`, 'text/plain');
    expect(twice.status).toBe(400);
  });

  it('serves the HTML page with the title, authors, journal, DOI, abstract and links to every format', async () => {
    const page = await (await get(`/record/${SEED_ID}`)).text();
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<h1>The Combination of Separation Surgery');
    expect(page).toContain('<span class="author">Yutaro Kanda</span>, <span class="author">Yuji Kakiuchi</span>');
    expect(page).toContain('<cite>Clinical medicine insights. Case reports</cite> · Volume 16 · Article 11795476231171891');
    expect(page).toContain('<a href="https://doi.org/10.1177/11795476231171891">https:/<wbr>/<wbr>doi.org/<wbr>10.1177/<wbr>11795476231171891</a>');
    expect(page).toContain('<h3>Background</h3>');
    expect(page).toContain('<meta name="citation_doi" content="10.1177/11795476231171891">');
    for (const ext of ['ttl', 'jsonld', 'nt', 'rdf']) expect(page).toContain(`href="${BASE}/record/${SEED_ID}.${ext}"`);
  });
});

describe('the other resources', () => {
  it('serves the validation report as Turtle, JSON-LD and HTML', async () => {
    const ttl = await get(`/record/${SEED_ID}/validation`, 'text/turtle');
    expect(ttl.status).toBe(200);
    const quads = parseTurtle(await ttl.text());
    expect(quads.some((q) => q.object.value === 'http://www.w3.org/ns/shacl#ValidationReport')).toBe(true);
    const json = await get(`/record/${SEED_ID}/validation`, 'application/ld+json');
    expect(await canonical(await parseAs('application/ld+json', await json.text()))).toBe(await canonical(quads));
    const page = await get(`/record/${SEED_ID}/validation`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('conforms to the shapes');
  });

  it('serves the linkset as application/linkset+json with the same links as the Link header', async () => {
    const res = await get(`/record/${SEED_ID}/linkset`);
    expect(res.headers.get('content-type')).toBe('application/linkset+json; charset=utf-8');
    const doc = (await res.json()) as { linkset: { anchor: string; [rel: string]: unknown }[] };
    const ctx = doc.linkset[0]!;
    expect(ctx.anchor).toBe(`${BASE}/record/${SEED_ID}`);
    expect(ctx['cite-as']).toEqual([{ href: 'https://doi.org/10.1177/11795476231171891' }]);
    expect((ctx.describedby as unknown[]).length).toBe(rdfFormats().length);
    expect((ctx.alternate as unknown[]).length).toBe(negotiableFormats().length);
  });

  it('lists the records at / for people, and describes the dataset for RDF clients', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain(`<a class="title" href="${BASE}/record/${SEED_ID}">`);
    expect(page.match(/<a class="title" href="/g)?.length).toBe(3);
    const filtered = await (await get('/?q=osteosarcoma')).text();
    expect(filtered.match(/<a class="title" href="/g)?.length).toBe(1);
    const ttl = await get('/', 'text/turtle');
    expect(ttl.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(await ttl.text()).toContain('void:Dataset');
    const voidRes = await get('/.well-known/void', 'application/ld+json');
    expect(voidRes.status).toBe(200);
  });

  it('serves the shapes in use, the same graph in Turtle and JSON-LD', async () => {
    const res = await get('/shapes', 'text/turtle');
    expect(res.status).toBe(200);
    const quads = parseTurtle(await res.text());
    expect(quads.some((q) => q.subject.value === 'https://w3id.org/ldpub/shapes#WorkShape' && q.object.value === 'http://www.w3.org/ns/shacl#NodeShape')).toBe(true);
    const jsonld = await get('/shapes', 'application/ld+json');
    expect(await canonical(await parseAs('application/ld+json', await jsonld.text()))).toBe(await canonical(quads));
  });

  it('reports counts at /health', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { published: number; refused: number; withWarnings: number; loadedAt: string };
    // The PLOS ONE and Nature Genetics fixtures have no abstract: published, each with a warning.
    expect(body).toMatchObject({ published: 3, refused: 0, withWarnings: 2 });
    expect(Number.isNaN(Date.parse(body.loadedAt))).toBe(false);
  });
});
