// Headers on record responses: conditional requests, HEAD, CORS, OPTIONS and 405, the Link header, Vary on errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, dataFolder, startServer, SEED_ID, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ dir: dataFolder(['french-no-doi-unknown-label']), cacheMaxAge: 120 });
});
afterAll(() => s.close());

const record = () => `${s.url}/record/${SEED_ID}`;

describe('caching and conditional requests', () => {
  it('sends a strong ETag, Last-Modified, Cache-Control and Vary', async () => {
    const res = await fetch(record(), { headers: { accept: 'text/turtle', 'accept-encoding': 'identity' } });
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(res.headers.get('last-modified')).toMatch(/ GMT$/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=120');
    expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
    expect(res.headers.get('content-length')).toBe(String((await res.arrayBuffer()).byteLength));
  });

  it('gives each format its own ETag', async () => {
    const a = await fetch(record(), { headers: { accept: 'text/turtle' } });
    const b = await fetch(record(), { headers: { accept: 'application/ld+json' } });
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it.each([
    ['the ETag', (etag: string) => etag, 304],
    ['the weak form of the ETag', (etag: string) => `W/${etag}`, 304],
    ['a list holding the ETag', (etag: string) => `"nope", ${etag} , W/"other"`, 304],
    ['*', () => '*', 304],
    ['another ETag', () => '"something-else"', 200],
    ['an unquoted ETag', (etag: string) => etag.slice(1, -1), 200],
    ['garbage', () => '"""",,,W/W/"', 200],
    ['a very long value', () => `"${'x'.repeat(8000)}"`, 200],
  ])('If-None-Match with %s → %i', async (_, value, status) => {
    const etag = (await fetch(record(), { headers: { accept: 'text/turtle' } })).headers.get('etag')!;
    const res = await fetch(record(), { headers: { accept: 'text/turtle', 'if-none-match': value(etag) } });
    expect(res.status).toBe(status);
    const body = await res.text();
    if (status === 304) {
      expect(body).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(res.headers.get('content-location')).toBe(`/record/${SEED_ID}.ttl`);
    }
  });

  it('answers If-Modified-Since with 304 only when no If-None-Match is sent', async () => {
    const lm = (await fetch(record())).headers.get('last-modified')!;
    expect((await fetch(record(), { headers: { 'if-modified-since': lm } })).status).toBe(304);
    const later = new Date(Date.parse(lm) + 3600_000).toUTCString();
    expect((await fetch(record(), { headers: { 'if-modified-since': later } })).status).toBe(304);
    const earlier = new Date(Date.parse(lm) - 3600_000).toUTCString();
    expect((await fetch(record(), { headers: { 'if-modified-since': earlier } })).status).toBe(200);
    expect((await fetch(record(), { headers: { 'if-modified-since': 'not a date' } })).status).toBe(200);
    expect((await fetch(record(), { headers: { 'if-modified-since': lm, 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('answers 200 with a new ETag after the record changes and the catalog reloads', async () => {
    const before = await fetch(record(), { headers: { accept: 'text/turtle' } });
    const etag = before.headers.get('etag')!;
    const file = join(s.dir, `${SEED_ID}.txt`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Literature Review', 'Literature Survey'));
    expect((await s.live.reload()).ok).toBe(true);
    const after = await fetch(record(), { headers: { accept: 'text/turtle', 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('Literature Survey');
  });
});

describe('methods and CORS', () => {
  it('answers HEAD with the same headers as GET and no body', async () => {
    const get = await fetch(record(), { headers: { accept: 'application/ld+json' } });
    const head = await fetch(record(), { method: 'HEAD', headers: { accept: 'application/ld+json' } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'link', 'vary', 'content-location', 'cache-control']) {
      expect(head.headers.get(h), h).toBe(get.headers.get(h));
    }
  });

  it('answers a CORS preflight', async () => {
    const res = await fetch(record(), {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toContain('Accept');
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('exposes the headers scripts need', async () => {
    const res = await fetch(record(), { headers: { origin: 'https://example.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('Link, ETag, Content-Location, Last-Modified');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    for (const path of [`/record/${SEED_ID}`, '/', '/health', '/shapes', `/record/${SEED_ID}/validation`]) {
      const res = await fetch(`${s.url}${path}`, { method });
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    }
  });

  it('answers OPTIONS on every resource with 204 and Allow', async () => {
    for (const path of ['/', '/health', '/shapes', `/record/${SEED_ID}/linkset`]) {
      const res = await fetch(`${s.url}${path}`, { method: 'OPTIONS' });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    }
  });
});

describe('Link header', () => {
  it('carries the alternates, cite-as, describedby, type and linkset, under 8 KB', async () => {
    const link = (await fetch(record())).headers.get('link')!;
    expect(link.length).toBeLessThan(8192);
    const iri = `${BASE}/record/${SEED_ID}`;
    expect(link).toContain('<https://doi.org/10.1177/11795476231171891>; rel="cite-as"');
    for (const [ext, type] of [['ttl', 'text/turtle'], ['jsonld', 'application/ld+json'], ['nt', 'application/n-triples'], ['rdf', 'application/rdf+xml']]) {
      expect(link).toContain(`<${iri}.${ext}>; rel="describedby"; type="${type}"`);
      expect(link).toContain(`<${iri}.${ext}>; rel="alternate"; type="${type}"`);
    }
    expect(link).toContain(`<${iri}.html>; rel="alternate"; type="text/html"`);
    expect(link).not.toContain(`<${iri}.html>; rel="describedby"`);
    expect(link).toContain('<http://schema.org/ScholarlyArticle>; rel="type"');
    expect(link).toContain('<http://schema.org/AboutPage>; rel="type"');
    expect(link).toContain(`<${iri}/linkset>; rel="linkset"; type="application/linkset+json"`);
  });

  it('cites the record URI when there is no DOI', async () => {
    const link = (await fetch(`${s.url}/record/french-no-doi-unknown-label`)).headers.get('link')!;
    expect(link).toContain(`<${BASE}/record/french-no-doi-unknown-label>; rel="cite-as"`);
  });
});

describe('errors', () => {
  it.each([
    ['an unknown record', '/record/nope', 'text/turtle', 404],
    ['an unknown path', '/nothing/here', undefined, 404],
    ['an unacceptable type', `/record/${SEED_ID}`, 'image/png', 406],
  ])('%s gets %i with Vary: Accept and a negotiated body', async (_, path, accept, status) => {
    const res = await fetch(`${s.url}${path}`, { headers: accept ? { accept } : {} });
    expect(res.status).toBe(status);
    expect(res.headers.get('vary')).toBe('Accept');
    expect(res.headers.get('content-type')).toBe(accept ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8');
    expect(await res.text()).toContain(String(status));
  });
});
