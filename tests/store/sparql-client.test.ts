// The SPARQL client against a local server: digest and basic authentication, timeouts and errors as LdpubErrors,
// and the literals and updates the SPARQL store writes.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { literal, SparqlClient } from '../../src/store/sparql/client.js';
import { SparqlStore } from '../../src/store/sparql/store.js';
import { limiter } from '../../src/commands/publish.js';
import { preferenceOrder, typeMap } from '../../src/static/export.js';
import { negotiableFormats } from '../../src/formats/registry.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

type Answer = { status: number; headers?: { [k: string]: string }; body?: string } | undefined;

async function serve(handler: (req: IncomingMessage, body: string) => Answer): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const out = handler(req, body);
      if (!out) return; // never answers
      res.writeHead(out.status, out.headers ?? {});
      res.end(out.body ?? '');
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/sparql`;
}

const RESULTS = JSON.stringify({ head: { vars: ['v'] }, results: { bindings: [{ v: { type: 'literal', value: 'ok' } }] } });

describe('SparqlClient', () => {
  it('answers a digest challenge with the RFC 7616 response for the user and password', async () => {
    const nonce = 'abc123';
    const url = await serve((req): Answer => {
      const auth = req.headers.authorization;
      if (!auth?.startsWith('Digest ')) return { status: 401, headers: { 'www-authenticate': `Digest realm="SPARQL", nonce="${nonce}", qop="auth", algorithm="MD5"` } };
      const f = Object.fromEntries([...auth.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
      const expected = md5(`${md5('dba:SPARQL:secret')}:${nonce}:${f.nc}:${f.cnonce}:auth:${md5(`POST:${f.uri}`)}`);
      return f.response === expected && f.username === 'dba' ? { status: 200, headers: { 'content-type': 'application/sparql-results+json' }, body: RESULTS } : { status: 403 };
    });
    const rows = await new SparqlClient({ endpoint: url, user: 'dba', password: 'secret' }).select('SELECT ?v {}');
    expect(rows[0]!.v!.value).toBe('ok');
    await expect(new SparqlClient({ endpoint: url, user: 'dba', password: 'wrong' }).select('SELECT ?v {}')).rejects.toMatchObject({ code: 'LDPUB_SPARQL_UNAVAILABLE' });
  });

  it('sends basic credentials when the store asks for them, and says which variables to set when none are given', async () => {
    const url = await serve((req): Answer =>
      req.headers.authorization === `Basic ${Buffer.from('u:p').toString('base64')}`
        ? { status: 200, headers: { 'content-type': 'application/sparql-results+json' }, body: RESULTS }
        : { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } },
    );
    expect((await new SparqlClient({ endpoint: url, user: 'u', password: 'p' }).select('SELECT ?v {}')).length).toBe(1);
    await expect(new SparqlClient({ endpoint: url }).select('SELECT ?v {}')).rejects.toThrow(/LDPUB_SPARQL_USER and LDPUB_SPARQL_PASSWORD/);
  });

  it('tries a transaction the store chose as a deadlock victim again, and reports any other failure', async () => {
    let calls = 0;
    const url = await serve((): Answer => {
      calls++;
      return calls < 3 ? { status: 500, body: 'Virtuoso 40001 Error SR172: Transaction deadlocked' } : { status: 200, body: '' };
    });
    await new SparqlClient({ endpoint: url }).update('CLEAR GRAPH <urn:x>');
    expect(calls).toBe(3);
    const broken = await serve((): Answer => ({ status: 500, body: 'Virtuoso 37000 Error SP030: syntax error' }));
    await expect(new SparqlClient({ endpoint: broken }).update('x')).rejects.toMatchObject({ code: 'LDPUB_SPARQL_UNAVAILABLE', message: expect.stringContaining('SP030') });
  });

  it('leaves out an entry of the meta graph that is not ldpub\'s, and lists why', async () => {
    const rows = [
      { s: { type: 'uri', value: 'http://example.org/record/a' }, e: { type: 'literal', value: JSON.stringify({ id: 'a', version: 'v', datestamp: 1 }) } },
      { s: { type: 'uri', value: 'http://example.org/record/b' }, e: { type: 'literal', value: 'not json' } },
      { s: { type: 'uri', value: 'http://example.org/record/c' }, e: { type: 'literal', value: JSON.stringify({ id: 'd', version: 'v' }) } },
      { s: { type: 'uri', value: 'http://example.org/record/n' }, e: { type: 'literal', value: 'null' } },
    ];
    const url = await serve((): Answer => ({ status: 200, headers: { 'content-type': 'application/sparql-results+json' }, body: JSON.stringify({ head: { vars: ['s', 'e'] }, results: { bindings: rows } }) }));
    const store = new SparqlStore(new SparqlClient({ endpoint: url }), 'http://example.org');
    expect((await store.entries()).map((e) => e.id)).toEqual(['a']);
    expect(store.foreign.map((e) => [e.code, e.record])).toEqual([
      ['LDPUB_SPARQL_FOREIGN', 'http://example.org/record/b'],
      ['LDPUB_SPARQL_FOREIGN', 'http://example.org/record/c'],
      ['LDPUB_SPARQL_FOREIGN', 'http://example.org/record/n'],
    ]);
  });

  it('a store that does not answer in time is LDPUB_SPARQL_UNAVAILABLE, not a hang', async () => {
    const url = await serve(() => undefined);
    await expect(new SparqlClient({ endpoint: url, timeoutMs: 200 }).select('ASK {}')).rejects.toMatchObject({ code: 'LDPUB_SPARQL_UNAVAILABLE', message: expect.stringContaining('200 ms') });
  });
});

describe('what the SPARQL store writes', () => {
  it('escapes literals so any JSON survives', () => {
    expect(literal('a "b" \\ c\nd\té')).toBe('"a \\"b\\" \\\\ c\\nd\\té"');
  });

  it('replaces a record graph and its meta triples; a tombstone drops the graph and keeps the entry', () => {
    const store = new SparqlStore(new SparqlClient({ endpoint: 'http://127.0.0.1:1/sparql' }), 'http://example.org');
    const entry = { id: 'r1', version: 'v1', datestamp: 5, source: 'r1.txt' };
    const update = store.entryUpdate(entry, { id: 'r1' } as never, '<http://example.org/record/r1> <http://p> _:b .');
    expect(update).toContain('DROP SILENT GRAPH <http://example.org/record/r1>');
    expect(update).toContain('INSERT { GRAPH <http://example.org/record/r1> {');
    expect(update).toContain('GRAPH <http://example.org/ldpub/meta>');
    const gone = store.entryUpdate({ ...entry, version: '', deleted: true }, undefined, undefined);
    expect(gone).toContain('DROP SILENT GRAPH');
    expect(gone).not.toContain('INSERT {');
    expect(gone).toContain('\\"deleted\\":true');
  });
});

describe('the Graph Store path of a publish', () => {
  const store = new SparqlStore(new SparqlClient({ endpoint: 'http://127.0.0.1:1/sparql' }), 'http://example.org');

  it('stages meta triples as N-Triples and moves a whole batch with a fixed number of operations', () => {
    const nt = store.metaTriples({ id: 'r1', version: 'v1', datestamp: 5, source: 'r1.txt' }, { id: 'r1' } as never);
    expect(nt.split('\n')).toEqual([
      '<http://example.org/record/r1> <https://w3id.org/ldpub/ns#entry> "{\\"id\\":\\"r1\\",\\"version\\":\\"v1\\",\\"datestamp\\":5,\\"source\\":\\"r1.txt\\"}" .',
      '<http://example.org/record/r1> <https://w3id.org/ldpub/ns#version> "v1" .',
      '<http://example.org/record/r1> <https://w3id.org/ldpub/ns#value> "{\\"id\\":\\"r1\\"}" .',
    ]);
    const one = store.stagedUpdate(store.stagingGraph, []);
    const two = store.stagedUpdate(store.stagingGraph, ['gone1', 'gone2']);
    expect(one.split(' ;\n')).toHaveLength(3);
    expect(two.split(' ;\n').slice(0, 2)).toEqual(['DROP SILENT GRAPH <http://example.org/record/gone1>', 'DROP SILENT GRAPH <http://example.org/record/gone2>']);
    expect(one).toContain('GRAPH <http://example.org/ldpub/meta/staging>');
    expect(one.endsWith('DROP SILENT GRAPH <http://example.org/ldpub/meta/staging>')).toBe(true);
  });

  it('keeps at most n tasks running at once, and runs them all', async () => {
    const limit = limiter(2);
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limit(async () => {
          most = Math.max(most, ++running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          return n * 2;
        }),
      ),
    );
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(most).toBe(2);
  });
});

describe('Apache type maps', () => {
  it('rank HTML first, then server quality, aliases after every main type, in steps Apache can read', () => {
    const order = preferenceOrder(negotiableFormats()).map((f) => f.key);
    expect(order.slice(0, 5)).toEqual(['html', 'turtle', 'jsonld', 'ntriples', 'rdfxml']);
    const map = typeMap('x', negotiableFormats());
    const qs = [...map.matchAll(/Content-Type: ([^;]+); qs=(\d\.\d{3})\n/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(qs[0]).toEqual(['text/html', 1]);
    const mains = new Set(negotiableFormats().map((f) => f.mediaType));
    const lowestMain = Math.min(...qs.filter(([t]) => mains.has(t!)).map(([, q]) => q));
    const highestAlias = Math.max(...qs.filter(([t]) => !mains.has(t!)).map(([, q]) => q));
    expect(highestAlias).toBeLessThan(lowestMain);
    expect(new Set(qs.map(([, q]) => q)).size).toBe(qs.length);
  });
});
