// What real clients and DOI content negotiation expect: N-Triples for text/plain, one CSL-JSON object per record,
// `json` meaning JSON-LD in the query as in Accept, 400 for an empty ?format=, ?format on the report and the shapes,
// one URI per resource (301 from a trailing slash), and /robots.txt.
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, startServer, SEED_ID, type TestServer } from './harness.js';
import { rawRequest } from './raw-http.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

const record = () => `${s.url}/record/${SEED_ID}`;
const IRI = `${BASE}/record/${SEED_ID}`;

describe('RDF clients', () => {
  it("gives rdflib's format='nt' (text/plain, */*;q=0.1) N-Triples that parse", async () => {
    const res = await fetch(record(), { headers: { accept: 'text/plain, */*;q=0.1' } });
    expect(res.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
    const quads = new Parser({ format: 'N-Triples' }).parse(await res.text());
    expect(quads.some((q) => q.subject.value === IRI)).toBe(true);
  });

  it('gives application/vnd.schemaorg.ld+json the JSON-LD representation', async () => {
    const schema = await fetch(record(), { headers: { accept: 'application/vnd.schemaorg.ld+json' } });
    const jsonld = await fetch(`${record()}.jsonld`);
    expect(schema.status).toBe(200);
    expect(await schema.text()).toBe(await jsonld.text());
  });
});

describe('CSL-JSON and the name json', () => {
  it('is one object for one record, as DOI content negotiation gives it', async () => {
    for (const res of [await fetch(`${record()}.json`), await fetch(record(), { headers: { accept: 'application/vnd.citationstyles.csl+json' } })]) {
      expect(res.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
      const item = (await res.json()) as { DOI?: string; type?: string };
      expect(Array.isArray(item)).toBe(false);
      expect(item.DOI).toBe('10.1177/11795476231171891');
      expect(item.type).toBe('article-journal');
    }
  });

  it('reads ?format=json as Accept: application/json does: JSON-LD; CSL-JSON is ?format=csl-json or .json', async () => {
    const byQuery = await fetch(`${record()}?format=json`);
    const byAccept = await fetch(record(), { headers: { accept: 'application/json' } });
    for (const res of [byQuery, byAccept]) {
      expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      expect(res.headers.get('content-location')).toBe(`/record/${SEED_ID}.jsonld`);
    }
    expect(await byQuery.text()).toBe(await byAccept.text());
    const csl = await fetch(`${record()}?format=csl-json`);
    expect(csl.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(csl.headers.get('content-location')).toBe(`/record/${SEED_ID}.json`);
  });
});

describe('?format=', () => {
  it.each([
    ['the record', () => `${record()}?format=`, ['turtle', 'jsonld', 'ntriples', 'rdfxml', 'html', 'csl-json', 'bibtex', 'ris', 'citation']],
    ['the report', () => `${record()}/validation?format=`, ['turtle', 'jsonld', 'ntriples', 'html']],
    ['the shapes', () => `${s.url}/shapes?format=`, ['turtle', 'jsonld', 'ntriples']],
  ])('empty on %s is a 400 listing the formats', async (_, url, keys) => {
    const res = await fetch(url(), { headers: { accept: 'text/plain' } });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toMatch(/^400 Bad request: Unknown format ""/);
    for (const k of keys) expect(body).toMatch(new RegExp(`[ ,]${k}[,.]`));
  });

  it.each([
    ['turtle', 'text/turtle'],
    ['ttl', 'text/turtle'],
    ['jsonld', 'application/ld+json'],
    ['nt', 'application/n-triples'],
    ['html', 'text/html'],
  ])('is honoured on the report: %s → %s, whatever Accept says', async (name, type) => {
    const res = await fetch(`${record()}/validation?format=${name}`, { headers: { accept: 'application/rdf+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    const body = await res.text();
    if (type !== 'text/html') expect(body).toContain('ValidationReport');
  });

  it.each([
    ['turtle', 'text/turtle'],
    ['json-ld', 'application/ld+json'],
    ['ntriples', 'application/n-triples'],
  ])('is honoured on the shapes: %s → %s', async (name, type) => {
    const res = await fetch(`${s.url}/shapes?format=${name}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    expect(await res.text()).toContain('NodeShape');
  });

  it('refuses a format the resource does not have with a 400', async () => {
    expect((await fetch(`${s.url}/shapes?format=html`)).status).toBe(400);
    expect((await fetch(`${record()}/validation?format=bibtex`)).status).toBe(400);
    expect((await fetch(`${record()}/validation?format=nonsense`)).status).toBe(400);
  });

  it('gives N-Triples of the report and of the shapes by Accept too', async () => {
    for (const url of [`${record()}/validation`, `${s.url}/shapes`]) {
      const res = await fetch(url, { headers: { accept: 'application/n-triples' } });
      expect(res.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
      expect(new Parser({ format: 'N-Triples' }).parse(await res.text()).length).toBeGreaterThan(0);
    }
  });
});

describe('one URI per resource', () => {
  it.each([
    [`/record/${SEED_ID}/`, `/record/${SEED_ID}`],
    [`/record/${SEED_ID}/?format=ttl&style=apa`, `/record/${SEED_ID}?format=ttl&style=apa`],
    [`/record/${SEED_ID}.ttl/`, `/record/${SEED_ID}.ttl`],
    [`/record/${SEED_ID}//`, `/record/${SEED_ID}`],
    [`/record/${SEED_ID}/validation/`, `/record/${SEED_ID}/validation`],
    ['/shapes/', '/shapes'],
    ['/sitemap.xml/', '/sitemap.xml'],
  ])('%s → 301 %s', async (path, location) => {
    for (const method of ['GET', 'HEAD']) {
      const res = await rawRequest(`${s.url}${path}`, {}, method);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(location);
      expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    }
    expect((await fetch(`${s.url}${path}`)).status).toBe(200);
  });

  it('redirects nothing outside the known resources', async () => {
    for (const path of ['//evil.example/', '/nothing/', '/record/']) {
      const res = await rawRequest(`${s.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.location).toBeUndefined();
    }
  });

  it('sends an unknown id with a trailing slash to its canonical URI, which is a 404', async () => {
    const res = await rawRequest(`${s.url}/record/nope/`);
    expect(res.status).toBe(301);
    expect((await fetch(`${s.url}/record/nope/`)).status).toBe(404);
  });
});

describe('/robots.txt', () => {
  it('allows crawling, leaves out the bulk dumps, and names the sitemap by its absolute URL', async () => {
    const res = await fetch(`${s.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    const disallowed = lines.filter((l) => l.startsWith('Disallow:')).map((l) => l.slice('Disallow:'.length).trim());
    expect(disallowed).toEqual(['/dump.nt', '/dump.jsonld']);
    for (const d of disallowed) expect(`/record/${SEED_ID}`.startsWith(d)).toBe(false);
    expect((await fetch(`${s.url}/robots.txt`, { method: 'POST' })).status).toBe(405);
  });
});
