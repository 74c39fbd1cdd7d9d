// Hostile input is harmless: odd ids, encodings, headers and markup each get a 4xx or escaped output, never a 500 or a file read.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { startServer, SEED_ID, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => {
  // The catalog in a folder of its own, inside a temporary folder that also holds a file no request may ever read.
  const parent = tempDir('hostile');
  const dir = join(parent, 'data');
  mkdirSync(dir);
  copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(dir, `${SEED_ID}.txt`));
  copyFileSync(fixturePath('server', 'html-injection.txt'), join(dir, 'html-injection.txt'));
  writeFileSync(join(parent, 'ldpub-secret.txt'), 'SECRET');
  s = await startServer({ dir });
});
afterAll(() => s.close());

/** A raw request, so paths reach the server exactly as written (fetch would normalise `..`). */
function raw(path: string, headers: { [h: string]: string } = {}): Promise<{ status: number; body: string }> {
  const url = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PATHS: [string, string, number][] = [
  ['dot-dot', '/record/..', 404],
  ['dot-dot with an extension', '/record/...ttl', 404],
  ['dot-dot in the path', '/record/../../etc/passwd', 404],
  ['encoded dot-dot', '/record/%2E%2E', 404],
  ['encoded slash', '/record/..%2F..%2Fldpub-secret', 404],
  ['encoded slash and extension', `/record/..%2F${SEED_ID}.ttl`, 404],
  ['encoded backslash', '/record/..%5Cldpub-secret', 404],
  ['NUL byte', `/record/${SEED_ID}%00`, 404],
  ['NUL byte before the extension', `/record/${SEED_ID}%00.ttl`, 404],
  ['bad percent escape', '/record/%E0%A4%A', 400],
  ['lone percent', '/record/%', 400],
  ['overlong UTF-8', '/record/%C0%AE%C0%AE', 400],
  ['a 201-character id', `/record/${'a'.repeat(201)}`, 404],
  ['a 5000-character id', `/record/${'a'.repeat(5000)}`, 404],
  ['a 5000-character extension', `/record/${SEED_ID}.${'t'.repeat(5000)}`, 404],
  ['spaces', '/record/a%20b', 404],
  ['the data folder file name, which names the formatted citation, not the file', `/record/${SEED_ID}.txt`, 200],
  ['validation of a traversal', '/record/..%2F..%2Fetc/validation', 404],
  ['unicode', '/record/%E2%80%AE', 404],
];

describe('hostile paths', () => {
  it.each(PATHS)('%s', async (_, path, status) => {
    const res = await raw(path, { accept: 'text/plain' });
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('Bibliographic Details');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

const ACCEPTS: [string, string, number][] = [
  ['2000 unknown ranges', Array.from({ length: 2000 }, (_, i) => `x${i}/y`).join(','), 406],
  ['a 12 KB single range', `text/${'t'.repeat(12_000)}`, 406],
  ['parameters without end', `text/turtle;${'a=b;'.repeat(2000)}`, 200],
  ['unterminated quote', 'text/turtle;profile="abc', 200],
  ['commas only', ',,,,,,', 406],
  ['semicolons only', ';;;;;', 406],
  ['q out of range', '*/*;q=7', 406],
  ['negative q', 'text/turtle;q=-1', 406],
  ['NaN q', 'text/turtle;q=NaN', 406],
  ['wildcard type with subtype', '*/turtle', 406],
  ['tabs and spaces', '\t text/turtle \t; \tq=1', 200],
  ['binary-looking', '\u00ff\u00fe/\u00fd', 406],
];

describe('absurd Accept headers', () => {
  it.each(ACCEPTS)('%s', async (_, accept, status) => {
    const res = await raw(`/record/${SEED_ID}`, { accept: Buffer.from(accept, 'latin1').toString('latin1') });
    expect(res.status).toBe(status);
  });

  it('a header past the server limit is refused by Node with 431, not a 500', async () => {
    const res = await raw(`/record/${SEED_ID}`, { accept: `${'a/b,'.repeat(5000)}text/turtle` });
    expect(res.status).toBe(431);
  });
});

describe('malformed conditional headers', () => {
  it.each([['W/'], ['"'], ['W/"'], ['*, "a"'], ['"a" "b"'], ['\u00ff'], ['x'.repeat(10_000)]])('If-None-Match %#', async (value) => {
    const res = await raw(`/record/${SEED_ID}`, { 'if-none-match': Buffer.from(value, 'latin1').toString('latin1') });
    expect(res.status).toBe(200);
  });

  it.each([['yesterday'], ['9999999999999999'], ['Thu, 99 Nov 2026 99:99:99 GMT'], ['x'.repeat(5000)]])('If-Modified-Since %#', async (value) => {
    const res = await raw(`/record/${SEED_ID}`, { 'if-modified-since': value });
    expect(res.status).toBe(200);
  });
});

describe('markup in records', () => {
  it('is escaped in the HTML page', async () => {
    const res = await raw('/record/html-injection', { accept: 'text/html' });
    expect(res.status).toBe(200);
    // The allowed inline subset (em → i) is rendered as markup; every other tag is text, escaped (docs/text.md).
    expect(res.body).toContain('<h1>Alpha <i>beta</i> &amp; &quot;gamma&quot; &lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(res.body).toContain('<span class="author">Yutaro Kanda</span>');
    expect(res.body).not.toContain('<img');
    expect(res.body).not.toMatch(/<(?!\/?(?:i|b|sub|sup)>|span class="(?:sc|author|orcid|type)"|\/span>)[a-z]+[^>]*>(?:beta|Yutaro)/);
    const home = await raw('/', { accept: 'text/html' });
    expect(home.body).not.toContain('<img');
  });
});
