import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNTriples } from '../../src/formats/turtle.js';
import { canonical, parseJsonLd, parseTurtle } from '../helpers/graph.js';
import { BASE, generateCatalogDir, liveCatalog, removeDir, serve, type Served } from './helpers.js';

let dir: string;
let served: Served;

beforeAll(async () => {
  dir = generateCatalogDir(30);
  served = await serve(await liveCatalog(dir));
});
afterAll(async () => {
  await served?.close();
  removeDir(dir);
});

async function voidTriples(): Promise<number> {
  const ttl = await (await fetch(`${served.url}/.well-known/void`)).text();
  const q = parseTurtle(ttl).find((x) => x.predicate.value === 'http://rdfs.org/ns/void#triples')!;
  return Number(q.object.value);
}

describe('/dump.nt', () => {
  it('parses, counts as the records and VoID do, and keeps blank nodes apart across records', async () => {
    const res = await fetch(`${served.url}/dump.nt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
    const text = await res.text();
    const quads = parseTurtle(text, 'application/n-triples');
    const records = served.live.current.records;
    const perRecord = await Promise.all(records.map(async (r) => (await served.live.current.get(r.id))!.quads()));
    const sum = perRecord.reduce((n, q) => n + q.length, 0);
    expect(quads.length).toBe(sum);
    expect(text.trimEnd().split('\n').length).toBe(sum);
    expect(await voidTriples()).toBe(sum);
    // Each record's list cells have labels no other record uses; the dump holds exactly their union.
    const labelsOf = (nt: string) => new Set([...nt.matchAll(/_:([^\s]+)/g)].map((m) => m[1]!));
    const seen = new Map<string, string>();
    for (const [i, q] of perRecord.entries()) {
      for (const label of labelsOf(writeNTriples(q))) {
        expect(seen.get(label), `blank node ${label}`).toBeUndefined();
        seen.set(label, records.at(i)!.id);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    expect(labelsOf(text)).toEqual(new Set(seen.keys()));
  });

  it('has a strong ETag from the snapshot, answers 304 and HEAD, and gzips', async () => {
    // fetch asks for gzip by default; identity is asked for explicitly.
    const identity = { 'accept-encoding': 'identity' };
    const res = await fetch(`${served.url}/dump.nt`, { headers: identity });
    const etag = res.headers.get('etag')!;
    await res.arrayBuffer();
    expect(etag).toMatch(/^"[^"]+-nt"$/);
    expect(res.headers.get('last-modified')).toBeTruthy();
    const again = await fetch(`${served.url}/dump.nt`, { headers: { ...identity, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const head = await fetch(`${served.url}/dump.nt`, { method: 'HEAD', headers: identity });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
    const zipped = await fetch(`${served.url}/dump.nt`, { headers: { 'accept-encoding': 'gzip' }, decompress: false } as RequestInit);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('etag')).not.toBe(etag);
    const raw = Buffer.from(await zipped.arrayBuffer());
    const plain = await (await fetch(`${served.url}/dump.nt`, { headers: identity })).text();
    // fetch may or may not have decoded it; either way the body is the identity dump.
    expect(raw[0] === 0x1f ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')).toBe(plain);
  });
});

describe('/dump.jsonl', () => {
  it('is one compacted JSON-LD record per line, with the same triples', async () => {
    const res = await fetch(`${served.url}/dump.jsonl`);
    expect(res.headers.get('content-type')).toBe('application/jsonl; charset=utf-8');
    const lines = (await res.text()).split('\n').filter(Boolean);
    const records = served.live.current.records;
    expect(lines.length).toBe(records.length);
    let total = 0;
    for (const [i, line] of lines.entries()) {
      const doc = JSON.parse(line) as { '@id': string; '@context': unknown };
      expect(doc['@id']).toBe(`${BASE}/record/${records.at(i)!.id}`);
      expect(doc['@context']).toBeTypeOf('object');
      total += (await parseJsonLd(line)).length;
    }
    expect(total).toBe(await voidTriples());
  });
});

describe('/dump.jsonld', () => {
  it('is one JSON-LD document whose graph, as jsonld.js reads it, is the N-Triples dump', async () => {
    const res = await fetch(`${served.url}/dump.jsonld`);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const text = await res.text();
    const doc = JSON.parse(text) as { '@graph': Array<{ '@id': string }> };
    expect(doc['@graph'].map((r) => r['@id'])).toEqual(served.live.current.records.map((r) => r.iri));
    const nt = parseTurtle(await (await fetch(`${served.url}/dump.nt`)).text(), 'application/n-triples');
    const fromJsonLd = await parseJsonLd(text);
    expect(fromJsonLd.length).toBe(nt.length);
    expect(await canonical(fromJsonLd)).toBe(await canonical(nt));
  }, 60_000);
});

describe('gzip files', () => {
  it.each(['/dump.nt', '/dump.jsonld', '/dump.jsonl'])('%s.gz is the gzipped dump as application/gzip', async (path) => {
    const plain = await (await fetch(`${served.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).text();
    const res = await fetch(`${served.url}${path}.gz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes[0]).toBe(0x1f);
    expect(gunzipSync(bytes).toString('utf8')).toBe(plain);
  });
});
