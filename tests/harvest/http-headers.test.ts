// The harvesting routes in the full app: OPTIONS answers 204 with the CORS preflight headers, every answer carries
// Cache-Control (304s too), and other methods get 405.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAll, startServer, type TestServer } from '../server/harness.js';
import { ResponseLog } from './helpers.js';

const log = new ResponseLog();

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ gate: acceptAll, cacheMaxAge: 120 });
});
afterAll(async () => {
  await s?.close();
});

const READ = ['/dump.nt', '/dump.jsonld', '/dump.jsonl', '/dump.nt.gz', '/sitemap.xml', '/.well-known/void', '/records', '/.well-known/resourcesync', '/resourcesync/changelist.xml'];

describe('harvesting routes over HTTP', () => {
  it.each([...READ, '/oai'])('OPTIONS %s is 204 with Allow and the preflight headers', async (path) => {
    const res = await fetch(`${s.url}${path}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    const methods = path === '/oai' ? 'GET, HEAD, POST, OPTIONS' : 'GET, HEAD, OPTIONS';
    expect(res.headers.get('allow')).toBe(methods);
    expect(res.headers.get('access-control-allow-methods')).toBe(methods);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
    expect(await res.text()).toBe('');
  });

  it.each(READ)('GET %s carries Cache-Control with the configured max-age, and so does its 304', async (path) => {
    const res = await fetch(`${s.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=120');
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${s.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=120');
  });

  it('OAI-PMH answers are revalidated every time (they carry a responseDate and tokens)', async () => {
    const res = await fetch(`${s.url}/oai?verb=Identify`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    await log.text(res);
    const posted = await fetch(`${s.url}/oai`, { method: 'POST', body: 'verb=Identify', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.headers.get('cache-control')).toBe('no-cache');
    await log.text(posted);
  });

  it('DELETE on a harvesting route is 405 with Allow', async () => {
    expect((await fetch(`${s.url}/dump.nt`, { method: 'DELETE' })).status).toBe(405);
    const oai = await fetch(`${s.url}/oai`, { method: 'DELETE' });
    expect(oai.status).toBe(405);
    expect(oai.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('every OAI-PMH response above is valid against the OAI-PMH schema and its payloads\' schemas', async () => {
    expect(log.size).toBeGreaterThan(0);
    expect(await log.invalid()).toEqual([]);
  }, 120_000);
});
