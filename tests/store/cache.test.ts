// The one bound on what the server keeps per record: parsed records, bodies and their compressed variants are all
// counted in the ByteCache, least recently used out, and nothing of them is kept beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { negotiableFormats } from '../../src/formats/registry.js';
import { publishedRecordBytes } from '../../src/catalog/published.js';
import { encode } from '../../src/http/encoding.js';
import { preparedBytes, type Prepared } from '../../src/http/send.js';
import { bufferBytes, ByteCache, ENTRY_OVERHEAD, owned } from '../../src/store/cache.js';
import { closeStores } from '../../src/store/lmdb-store.js';
import { rawRequest } from '../server/raw-http.js';
import { acceptAll, listenApp, type Listening } from '../server/harness.js';
import { tempDir } from '../helpers/temp.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';

describe('ByteCache', () => {
  it('accounts a value again when it grows, letting the least recently used go to make room', async () => {
    const cache = new ByteCache(64 * 1024);
    const sized = (v: { bytes: number }) => v.bytes;
    const a = { bytes: 1000 };
    await cache.get('a', async () => a, sized);
    for (let i = 0; i < 9; i++) await cache.get(`k${i}`, async () => ({ bytes: 6500 }), sized);
    const before = cache.bytes;
    expect(cache.has('k0')).toBe(true);
    a.bytes = 8000;
    cache.resize('a', a);
    // It grew by 7,000 bytes, more than was left, and the oldest other entry went to make room.
    expect(before + 7000).toBeGreaterThan(64 * 1024);
    expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
    expect([...cache.held()].find((h) => h.key === 'a')!.size).toBe(8000 + ENTRY_OVERHEAD + 2);
    expect(cache.has('k0')).toBe(false);
    expect(cache.has('k8')).toBe(true);
    // Grown past an eighth of the bound, it is not kept at all.
    a.bytes = 9000;
    cache.resize('a', a);
    expect(cache.has('a')).toBe(false);
  });

  it('does nothing on resize when the key no longer holds that value', async () => {
    const cache = new ByteCache(64 * 1024);
    await cache.get('a', async () => ({ bytes: 100 }), (v) => v.bytes);
    const before = cache.bytes;
    cache.resize('a', { bytes: 5000 });
    cache.resize('gone', { bytes: 5000 });
    expect(cache.bytes).toBe(before);
    expect(cache.has('gone')).toBe(false);
  });

  it('counts the whole backing store of a Buffer, and owned() gives a Buffer that keeps only its own bytes', () => {
    const small = Buffer.from('a short body', 'utf8'); // a slice of the shared pool
    expect(bufferBytes(small)).toBeGreaterThan(small.length + 4096);
    const own = owned(small);
    expect(own.equals(small)).toBe(true);
    expect(own.buffer.byteLength).toBe(small.length);
    expect(bufferBytes(own)).toBeLessThan(small.length + 256);
    expect(owned(own)).toBe(own);
  });
});

describe('encode', () => {
  it('keeps nothing itself: each call compresses anew, into a Buffer of its own', async () => {
    const body = Buffer.from('a record, '.repeat(500));
    const [a, b] = await Promise.all([encode(body, 'br'), encode(body, 'br')]);
    expect(a).not.toBe(b);
    expect(a!.equals(b!)).toBe(true);
    expect(a!.buffer.byteLength).toBe(a!.length);
    const gz = (await encode(body, 'gzip'))!;
    expect(gz.buffer.byteLength).toBe(gz.length);
  });
});

describe('the cache bound over real requests, compressed and not', () => {
  const BOUND = 512 * 1024;
  const SEED = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
  const ids = Array.from({ length: 10 }, (_, i) => `r${String(i).padStart(3, '0')}`);
  let dir: string;
  let listening: Listening;
  let url: string;
  let cache: ByteCache;

  beforeAll(async () => {
    dir = tempDir('cache');
    ids.forEach((id, i) => writeFileSync(join(dir, `${id}.txt`), SEED.replace('The Combination', `Record ${i}: The Combination`)));
    const build = () => loadCatalog({ dataDir: dir, base: TEST_BASE, gate: acceptAll, cacheBytes: BOUND });
    const live = new LiveCatalog(await build(), build);
    cache = live.current.cache;
    listening = await listenApp(live, { base: TEST_BASE });
    url = listening.url;
  });

  afterAll(async () => {
    await listening.close();
    await closeStores();
  });

  /** Every held body and compressed variant, each accounted at least at its bytes. */
  function checkHeld(): { prepared: number; coded: number } {
    let prepared = 0;
    let coded = 0;
    let sum = 0;
    for (const h of cache.held()) {
      sum += h.size;
      if (!h.key.startsWith('prepared\u0000')) continue;
      const p = h.value as Prepared;
      prepared++;
      let bodies = 0;
      for (const v of new Set(p.variants.values())) {
        bodies += v.body.length;
        if (v.coding !== 'identity') coded++;
      }
      expect(h.size).toBeGreaterThanOrEqual(preparedBytes(p));
      expect(h.size).toBeGreaterThan(bodies);
    }
    expect(sum).toBe(cache.bytes);
    expect(cache.bytes).toBeLessThanOrEqual(BOUND);
    return { prepared, coded };
  }

  it('never accounts more than the bound, counts every compressed variant, and lets variants go with their body', async () => {
    const exts = negotiableFormats().map((f) => f.extension);
    const codings: { [name: string]: (b: Buffer) => Buffer } = { identity: (b) => b, gzip: gunzipSync, br: brotliDecompressSync };
    let maxCoded = 0;
    let maxBytes = 0;
    for (const id of ids) {
      for (const ext of exts) {
        const plain = await rawRequest(`${url}/record/${id}.${ext}`);
        expect(plain.status).toBe(200);
        for (const coding of ['gzip', 'br']) {
          const res = await rawRequest(`${url}/record/${id}.${ext}`, { 'accept-encoding': coding });
          expect(res.status).toBe(200);
          const used = (res.headers['content-encoding'] as string | undefined) ?? 'identity';
          expect(codings[used]!(res.body).equals(plain.body)).toBe(true);
          maxCoded = Math.max(maxCoded, checkHeld().coded);
          maxBytes = Math.max(maxBytes, cache.bytes);
        }
      }
    }
    // The bound was reached (the first records' entries are gone) and compressed variants were held and counted.
    const first = negotiableFormats()[0]!.key;
    expect([...cache.held()].some((h) => h.key.includes(`${ids[0]}\u0000`) && h.key.endsWith(first))).toBe(false);
    expect(maxCoded).toBeGreaterThan(0);
    expect(maxBytes).toBeGreaterThan(BOUND / 2);
    // What the cache does not hold, no one holds: asked again, the evicted record's variants are built anew.
    expect([...cache.held()].some((h) => h.key.startsWith(`prepared\u0000${ids[0]}\u0000`) && h.key.endsWith('\u0000ntriples'))).toBe(false);
    const again = await rawRequest(`${url}/record/${ids[0]}.nt`, { 'accept-encoding': 'br' });
    expect(again.headers['content-encoding']).toBe('br');
    expect(again.status).toBe(200);
    const held = [...cache.held()].find((h) => h.key.startsWith(`prepared\u0000${ids[0]}\u0000`));
    expect(held).toBeDefined();
    expect([...(held!.value as Prepared).variants.keys()].sort()).toEqual(['br', 'identity']);
  }, 120_000);

  it('counts a parsed record at about what its objects cost: more than its JSON, far less than four times its N-Triples', async () => {
    const catalog = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: acceptAll });
    const r = (await catalog.get(ids[0]!))!;
    const json = JSON.stringify(r.record).length + JSON.stringify(r.report).length;
    const bytes = publishedRecordBytes(r);
    expect(bytes).toBeGreaterThan(1.5 * json);
    expect(bytes).toBeLessThan(2 * json + 2048);
    expect(bytes).toBeLessThan(4 * catalog.entry(ids[0]!)!.ntBytes!);
    expect(publishedRecordBytes(undefined)).toBeGreaterThan(0);
  });
});

