// Content codings: gzip and br negotiated by Accept-Encoding for every cached body, compressed once, each coding with
// its own strong ETag; the decoded body is the identity body byte for byte.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseCoding, codedEtag, encode, MIN_COMPRESS_BYTES } from '../../src/http/encoding.js';
import { prepare, send, variantOf } from '../../src/http/send.js';
import { startServer, SEED_ID, type TestServer } from '../server/harness.js';
import { rawRequest} from '../server/raw-http.js';

describe('chooseCoding', () => {
  it.each([
    ['no header', undefined, 'identity'],
    ['an empty header (no coding wanted)', '', 'identity'],
    ['gzip', 'gzip', 'gzip'],
    ['br', 'br', 'br'],
    ['both: the server prefers br', 'gzip, br', 'br'],
    ['both, any order', 'br, gzip', 'br'],
    ['what browsers send', 'gzip, deflate, br, zstd', 'br'],
    ['q-values decide', 'br;q=0.5, gzip', 'gzip'],
    ['q=0 refuses', 'br;q=0, gzip', 'gzip'],
    ['every coding refused: identity', 'gzip;q=0, br;q=0', 'identity'],
    ['identity preferred', 'identity, gzip;q=0.5', 'identity'],
    ['identity alone', 'identity', 'identity'],
    ['*', '*', 'br'],
    ['* refused, gzip named', '*;q=0, gzip', 'gzip'],
    ['* refused: nothing acceptable, the header is disregarded', '*;q=0', 'identity'],
    ['identity refused, nothing else offered: disregarded', 'identity;q=0', 'identity'],
    ['a coding we do not have', 'deflate', 'identity'],
    ['upper case', 'GZIP', 'gzip'],
    ['garbage', ';;;,,,', 'identity'],
  ])('%s → %s', (_, header, coding) => {
    expect(chooseCoding(header, true)).toBe(coding);
  });

  it('sends a small body as identity unless identity is refused', () => {
    expect(chooseCoding('gzip, br', false)).toBe('identity');
    expect(chooseCoding('gzip, identity;q=0', false)).toBe('gzip');
    expect(chooseCoding('*;q=0', false)).toBe('identity');
  });
});

describe('encode', () => {
  it('compresses each body once per coding and gives the same bytes to every caller', async () => {
    const body = Buffer.from('a record, '.repeat(500));
    const p = prepare({ body, mediaType: 'text/plain' });
    const [a, b] = await Promise.all([variantOf(p, 'br'), variantOf(p, 'br')]);
    expect(a).toBe(b);
    expect(await variantOf(p, 'br')).toBe(a);
    expect(p.variants.get('br')).toBe(a);
    expect(brotliDecompressSync(a.body).equals(body)).toBe(true);
    expect(gunzipSync((await variantOf(p, 'gzip')).body).equals(body)).toBe(true);
    expect(gunzipSync((await encode(body, 'gzip'))!).equals(body)).toBe(true);
    expect(await encode(body, 'identity')).toBe(body);
  });

  it('gives undefined when the coding would not make the body smaller', async () => {
    expect(await encode(randomBytes(4096), 'gzip')).toBeUndefined();
  });

  it('puts the coding inside the quotes of the ETag', () => {
    expect(codedEtag('"abc"', 'gzip')).toBe('"abc-gzip"');
    expect(codedEtag('"abc"', 'br')).toBe('"abc-br"');
    expect(codedEtag('"abc"', 'identity')).toBe('"abc"');
  });
});

describe('send() on small and incompressible bodies', () => {
  let server: Server;
  let url: string;
  const small = prepare({ body: 'x'.repeat(MIN_COMPRESS_BYTES - 1), mediaType: 'text/plain', maxAge: 60 });
  const noise = prepare({ body: randomBytes(8192), mediaType: 'application/octet-stream', maxAge: 60 });
  beforeAll(async () => {
    server = createServer((req, res) => void send(req, res, req.url === '/small' ? small : noise));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a body below the threshold as it is, still with Vary: Accept-Encoding', async () => {
    const res = await rawRequest(`${url}/small`, { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBe(MIN_COMPRESS_BYTES - 1);
    expect(res.headers.etag).toBe(small.etag);
    expect(res.headers.vary).toBe('Accept, Accept-Encoding');
  });

  it('compresses a small body when the client refuses identity', async () => {
    const res = await rawRequest(`${url}/small`, { 'accept-encoding': 'gzip, identity;q=0' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).equals(small.body)).toBe(true);
  });

  it('sends a body that compression would enlarge as identity, with the identity ETag', async () => {
    const res = await rawRequest(`${url}/noise`, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(noise.body)).toBe(true);
    expect(res.headers.etag).toBe(noise.etag);
  });
});

describe('content codings over the app', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.close());

  const r = `/record/${SEED_ID}`;
  // Every body the server caches: the record in every format, the index and VoID, shapes, validation, linkset.
  const PATHS: [string, { [name: string]: string }][] = [
    ...['html', 'ttl', 'jsonld', 'nt', 'rdf', 'json', 'bib', 'ris', 'txt'].map((ext): [string, { [name: string]: string }] => [`${r}.${ext}`, {}]),
    [r, { accept: 'text/turtle' }],
    [`${r}?format=jsonld`, {}],
    ['/', {}],
    ['/', { accept: 'text/turtle' }],
    ['/shapes', {}],
    ['/shapes', { accept: 'application/ld+json' }],
    ['/.well-known/void', {}],
    [`${r}/validation`, {}],
    [`${r}/validation`, { accept: 'text/html' }],
    [`${r}/linkset`, {}],
    ['/records', {}],
  ];

  it.each(PATHS)('%s %j: gzip and br decode to the identity body, each with its own ETag', async (path, headers) => {
    const identity = await rawRequest(`${s.url}${path}`, { ...headers, 'accept-encoding': 'identity' });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
    const etags = new Set([identity.headers.etag]);
    const decode: [string, (b: Buffer) => Buffer][] = [['gzip', gunzipSync], ['br', brotliDecompressSync]];
    for (const [coding, decompress] of decode) {
      const coded = await rawRequest(`${s.url}${path}`, { ...headers, 'accept-encoding': coding });
      expect(coded.status).toBe(200);
      expect(coded.headers['content-type']).toBe(identity.headers['content-type']);
      expect(coded.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
      if (identity.body.length < MIN_COMPRESS_BYTES) {
        expect(coded.headers['content-encoding']).toBeUndefined();
        continue;
      }
      expect(coded.headers['content-encoding']).toBe(coding);
      expect(Number(coded.headers['content-length'])).toBe(coded.body.length);
      expect(coded.body.length).toBeLessThan(identity.body.length);
      expect(decompress(coded.body).equals(identity.body)).toBe(true);
      expect(coded.headers.etag).toBe(codedEtag(identity.headers.etag!, coding as 'gzip' | 'br'));
      etags.add(coded.headers.etag);
    }
    if (identity.body.length >= MIN_COMPRESS_BYTES) expect(etags.size).toBe(3);
  });

  it('answers HEAD with the headers of the GET in the same coding', async () => {
    const get = await rawRequest(`${s.url}${r}.html`, { 'accept-encoding': 'br' });
    const head = await rawRequest(`${s.url}${r}.html`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const h of ['content-encoding', 'content-length', 'etag', 'vary', 'content-type']) expect(head.headers[h]).toBe(get.headers[h]);
  });

  it('matches If-None-Match against the ETag of the coding sent', async () => {
    const url = `${s.url}${r}.ttl`;
    const gz = await rawRequest(url, { 'accept-encoding': 'gzip' });
    const again = await rawRequest(url, { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(gz.headers.etag);
    expect(again.headers.vary).toBe('Accept, Accept-Encoding');
    expect(again.body.length).toBe(0);
    // The gzip copy's tag does not validate the br representation, nor the identity one.
    const br = await rawRequest(url, { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag! });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await rawRequest(url, { 'if-none-match': gz.headers.etag! });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('keeps the streamed sitemap and dumps on streaming gzip with their -gzip ETags', async () => {
    for (const path of ['/sitemap.xml', '/dump.nt']) {
      const identity = await rawRequest(`${s.url}${path}`, { 'accept-encoding': 'identity' });
      const gz = await rawRequest(`${s.url}${path}`, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(identity.body)).toBe(true);
      expect(gz.headers.etag).toBe(codedEtag(identity.headers.etag!, 'gzip'));
      expect(gz.headers.vary).toContain('Accept-Encoding');
    }
  });

  it('compresses a filtered index page, computed per request', async () => {
    const res = await rawRequest(`${s.url}/?q=spine`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString('utf8')).toContain('<html');
  });
});
