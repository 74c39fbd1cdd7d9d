// The catalog store: restart without re-validation, change by content not by mtime, commit-time datestamps,
// tombstones, the cache bound, a kill -9 mid-ingest, and a store that is damaged, unwritable or of another version.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/load.js';
import { ByteCache } from '../../src/store/cache.js';
import { closeStores, openStore, STORE_FILE } from '../../src/store/lmdb-store.js';
import { STORE_FORMAT_VERSION } from '../../src/store/store.js';
import { isLdpubError } from '../../src/errors.js';
import type { Gate } from '../../src/validate/gate.js';
import { packageRoot } from '../../src/paths.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';

const SEED = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
const dirs: string[] = [];

function folder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ldpub-store-'));
  dirs.push(dir);
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), variant(i));
  return dir;
}

function variant(i: number, word = 'Record'): string {
  return SEED.replace('The Combination', `${word} ${i}: The Combination`);
}

function counting(): { gate: Gate; calls: () => number } {
  let calls = 0;
  return { gate: () => (calls++, { conforms: true, results: [] }), calls: () => calls };
}

afterEach(async () => {
  await closeStores();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function errorOf(p: Promise<unknown>): Promise<{ code: string; line: string }> {
  try {
    await p;
  } catch (e) {
    if (isLdpubError(e)) return { code: e.code, line: e.toLine() };
    throw e;
  }
  throw new Error('expected an LdpubError');
}

describe('incremental ingest', () => {
  it('restarts over an unchanged folder without evaluating any file again', async () => {
    const dir = folder(12);
    const first = counting();
    const a = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: first.gate });
    expect(first.calls()).toBe(12);
    await closeStores(); // as a new process would find it
    const second = counting();
    const b = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: second.gate });
    expect(second.calls()).toBe(0);
    expect(b.size).toBe(12);
    expect(b.snapshot).toBe(a.snapshot);
    expect(b.records.map((r) => r.datestamp)).toEqual(a.records.map((r) => r.datestamp));
    expect((await b.get('r003'))?.record.title).toContain('Record 3:');
  });

  it('sees a change of content whose size and mtime are unchanged, after a restart', async () => {
    const dir = folder(3);
    const a = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    const file = join(dir, 'r001.txt');
    const whole = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, whole, whole);
    const a2 = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: a });
    expect(a2.snapshot).toBe(a.snapshot);
    const before = statSync(file);
    writeFileSync(file, variant(1, 'Rekord')); // same length
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    await closeStores();
    const gate = counting();
    const b = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate });
    expect(gate.calls()).toBe(1);
    expect((await b.get('r001'))?.record.title).toContain('Rekord 1:');
    expect(b.entry('r001')!.datestamp).toBeGreaterThan(a.entry('r001')!.datestamp);
    expect(b.entry('r000')!.datestamp).toBe(a.entry('r000')!.datestamp);
  });

  it('a touched file with the same bytes is read again but neither evaluated nor re-dated', async () => {
    const dir = folder(2);
    const a = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'r000.txt'), later, later);
    const gate = counting();
    const b = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate, previous: a });
    expect(gate.calls()).toBe(0);
    expect(b.snapshot).toBe(a.snapshot);
  });

  it('dates a file copied in with an old mtime, or with one in the future, by when it was committed', async () => {
    const dir = folder(1);
    const a = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    const start = Date.now();
    writeFileSync(join(dir, 'old.txt'), variant(7));
    utimesSync(join(dir, 'old.txt'), new Date('2001-02-03T00:00:00Z'), new Date('2001-02-03T00:00:00Z'));
    writeFileSync(join(dir, 'future.txt'), variant(8));
    utimesSync(join(dir, 'future.txt'), new Date('2100-01-01T00:00:00Z'), new Date('2100-01-01T00:00:00Z'));
    const b = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: a });
    const end = Date.now();
    for (const id of ['old', 'future']) {
      expect(b.entry(id)!.datestamp).toBeGreaterThanOrEqual(start);
      expect(b.entry(id)!.datestamp).toBeLessThanOrEqual(end);
    }
    // The future mtime does not make the record new again on the next load.
    const c = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: b });
    expect(c.entry('future')!.datestamp).toBe(b.entry('future')!.datestamp);
    expect(c.snapshot).toBe(b.snapshot);
  });

  it('leaves a tombstone for a removed file, and changes the snapshot and Last-Modified', async () => {
    const dir = folder(3);
    const a = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, clock: () => Date.UTC(2025, 0, 1) });
    rmSync(join(dir, 'r002.txt'));
    const b = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: a, clock: () => Date.UTC(2025, 0, 2) });
    expect(b.size).toBe(2);
    expect(b.isDeleted('r002')).toBe(true);
    expect(b.tombstones.map((t) => t.id)).toEqual(['r002']);
    expect(b.snapshot).not.toBe(a.snapshot);
    expect(b.lastModified.getTime()).toBe(Date.UTC(2025, 0, 2));
    // The tombstone persists across a restart; the record comes back as new if its file does.
    await closeStores();
    const c = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    expect(c.isDeleted('r002')).toBe(true);
    writeFileSync(join(dir, 'r002.txt'), variant(2));
    const d = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: c });
    expect(d.isDeleted('r002')).toBe(false);
    expect(d.entry('r002')!.datestamp).toBeGreaterThan(Date.UTC(2025, 0, 2));
  });
});

describe('datestamps', () => {
  it('never go back, even when the clock does, and never precede a responseDate given out', async () => {
    const dir = folder(1);
    const a = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, clock: () => Date.UTC(2030, 0, 1) });
    writeFileSync(join(dir, 'r000.txt'), variant(0, 'Changed'));
    const b = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: a, clock: () => Date.UTC(2020, 0, 1) });
    expect(b.entry('r000')!.datestamp).toBe(Date.UTC(2030, 0, 1));
    const store = await openStore(join(dir, '.ldpub'));
    store.responseFloor = Date.UTC(2031, 5, 1);
    writeFileSync(join(dir, 'r000.txt'), variant(0, 'Again'));
    const c = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, previous: b, clock: () => Date.UTC(2020, 0, 1) });
    expect(c.entry('r000')!.datestamp).toBe(Date.UTC(2031, 5, 1));
    // earliestDatestamp is the first ever given and stays.
    expect(c.earliest.getTime()).toBe(Date.UTC(2030, 0, 1));
  });
});

describe('the representation cache', () => {
  it('holds no more bytes than its bound, dropping the least recently used', async () => {
    const cache = new ByteCache(64 * 1024);
    for (let i = 0; i < 200; i++) await cache.get(`k${i}`, async () => Buffer.alloc(4000, i), (b) => b.length);
    expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.entries).toBeGreaterThan(5);
    expect(cache.peek('k199')).toBeDefined();
    expect(cache.peek('k0')).toBeUndefined();
    // A body larger than an eighth of the bound is served but never kept.
    await cache.get('big', async () => Buffer.alloc(20_000), (b) => b.length);
    expect(cache.peek('big')).toBeUndefined();
  });

  it('bounds a crawl of every record through the catalog', async () => {
    const dir = folder(40);
    const catalog = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, cacheBytes: 100_000 });
    const { formatByName } = await import('../../src/formats/registry.js');
    for (const e of catalog.records) {
      const r = (await catalog.get(e.id))!;
      for (const key of ['turtle', 'ntriples', 'jsonld', 'csl-json']) {
        const format = formatByName(key)!;
        await catalog.cache.get(`${e.id}:${key}`, () => r.render(format), (x) => x.body.length);
      }
    }
    expect(catalog.cache.bytes).toBeLessThanOrEqual(100_000);
    // JSON-LD, once computed, is stored (the JSON-LD dump reads it); N-Triples was stored at ingest; the rest only cached.
    await (catalog.store as unknown as { settled(): Promise<void> }).settled();
    const v = catalog.entry('r000')!.version;
    expect(await catalog.store.representation('r000', v, 'jsonld')).toBeDefined();
    expect(await catalog.store.representation('r000', v, 'ntriples')).toBeDefined();
    expect(await catalog.store.representation('r000', v, 'turtle')).toBeUndefined();
  });
});

describe('stored bytes', () => {
  it('keeps N-Triples and versions deflated, and gives back exactly what was published', async () => {
    const dir = folder(3);
    const catalog = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    const e = catalog.entry('r001')!;
    const nt = (await catalog.store.representation('r001', e.version, 'ntriples'))!;
    expect(nt.length).toBe(e.ntBytes);
    expect(nt.toString('utf8')).toContain(`<${e.iri}>`);
    expect((await catalog.get('r001'))!.record.title).toContain('Record 1: The Combination');
    await closeStores();
    const { open } = await import('lmdb');
    const env = open({ path: join(dir, '.ldpub', STORE_FILE), maxDbs: 12, compression: false });
    const rawNt = env.openDB({ name: 'representations', encoding: 'binary' }).getBinary(`r001\u0000${e.version}\u0000ntriples`)!;
    const rawVersion = env.openDB({ name: 'versions', encoding: 'binary' }).getBinary(`r001\u0000${e.version}`)!;
    await env.close();
    const { inflateRawSync } = await import('node:zlib');
    expect(rawNt.length).toBeLessThan(nt.length / 2);
    expect(inflateRawSync(rawNt).equals(nt)).toBe(true);
    expect(JSON.parse(inflateRawSync(rawVersion).toString('utf8')).id).toBe('r001');
  });
});

describe('crash safety', () => {
  it('a kill -9 mid-ingest loses no committed batch, and the next start carries on', async () => {
    const dir = folder(60);
    const child = spawn(process.execPath, [join(packageRoot(), 'tests', 'store', 'ingest-child.mjs'), packageRoot(), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const staged = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress from the child: ${out}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = [...out.matchAll(/staged (\d+)/g)].pop();
        if (m && Number(m[1]) >= 20) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve(Number(m[1]));
        }
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out).not.toContain('done');
    const gate = counting();
    const catalog = await loadCatalog({ dataDir: dir, base: 'http://data.example.org', gate: gate.gate });
    expect(catalog.size).toBe(60);
    expect(gate.calls()).toBeLessThanOrEqual(60 - staged);
    expect(gate.calls()).toBeGreaterThan(0);
    expect((await catalog.get('r059'))?.record.title).toContain('Record 59:');
  }, 60_000);

  it('files staged but never published (a crash between the two) are published by the next reload', async () => {
    const dir = folder(2);
    const gate = counting();
    const first = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate });
    writeFileSync(join(dir, 'r002.txt'), variant(2));
    const store = await openStore(join(dir, '.ldpub'));
    // The same store, but its publication fails, as a kill between staging and publishing would leave it.
    const failing = Object.assign(Object.create(store) as typeof store, { publish: () => Promise.reject(new Error('killed')) });
    await expect(loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate, previous: first, store: failing })).rejects.toThrow('killed');
    const calls = gate.calls();
    // Nothing is left to evaluate (r002 is staged with its stamp), and still it is published, both ways.
    const scoped = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate, previous: first, changed: ['r002.txt'] });
    expect(gate.calls()).toBe(calls);
    expect(scoped.entry('r002')?.deleted).toBeUndefined();
    expect(scoped.size).toBe(3);
    writeFileSync(join(dir, 'r003.txt'), variant(3));
    await expect(loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate, previous: scoped, changed: ['r003.txt'], store: failing })).rejects.toThrow('killed');
    const full = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate, previous: scoped });
    expect(gate.calls()).toBe(calls + 1);
    expect(full.size).toBe(4);
  });
});

describe('mapping the store again', () => {
  it('keeps reading and writing through the same handle after remap()', async () => {
    const dir = folder(3);
    const gate = counting();
    const first = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate });
    const store = await openStore(join(dir, '.ldpub'));
    await store.remap();
    expect((await first.get('r001'))?.record.title).toContain('Record 1:');
    expect((await store.entries()).map((e) => e.id)).toEqual(['r000', 'r001', 'r002']);
    writeFileSync(join(dir, 'r003.txt'), variant(3));
    const second = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: gate.gate, previous: first });
    expect(second.size).toBe(4);
    expect((await second.get('r003'))?.record.title).toContain('Record 3:');
    expect(gate.calls()).toBe(4);
  });
});

describe('a store that cannot be used', () => {
  it('refuses a damaged store file with LDPUB_STORE_CORRUPT', async () => {
    const dir = folder(1);
    const store = join(dir, '.ldpub');
    await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    await closeStores();
    writeFileSync(join(store, STORE_FILE), Buffer.alloc(64 * 1024, 0x5a));
    const e = await errorOf(loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate }));
    expect(e.code).toBe('LDPUB_STORE_CORRUPT');
    expect(e.line).toContain(STORE_FILE);
    // Removing the folder is the documented reset.
    rmSync(store, { recursive: true });
    expect((await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate })).size).toBe(1);
  });

  it('refuses a store path it cannot create with LDPUB_STORE_IO', async () => {
    const dir = folder(1);
    writeFileSync(join(dir, 'plain-file'), 'x');
    const e = await errorOf(loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate, storePath: join(dir, 'plain-file', 'store') }));
    expect(e.code).toBe('LDPUB_STORE_IO');
  });

  it('refuses a store written in another format version with LDPUB_STORE_VERSION', async () => {
    const dir = folder(1);
    await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    await closeStores();
    const { open } = await import('lmdb');
    const env = open({ path: join(dir, '.ldpub', STORE_FILE), maxDbs: 12, compression: false });
    await env.openDB({ name: 'meta' }).put('formatVersion', STORE_FORMAT_VERSION + 1);
    await env.close();
    const e = await errorOf(loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate }));
    expect(e.code).toBe('LDPUB_STORE_VERSION');
    expect(e.line).toContain(`format ${STORE_FORMAT_VERSION + 1}`);
  });
});

describe('the base', () => {
  it('rebuilds a store made for another base instead of serving wrong URIs', async () => {
    const dir = folder(2);
    await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: counting().gate });
    const gate = counting();
    const other = await loadCatalog({ dataDir: dir, base: 'https://other.example', gate: gate.gate });
    expect(gate.calls()).toBe(2);
    const nt = await other.store.representation('r000', other.entry('r000')!.version, 'ntriples');
    expect(nt!.toString()).toContain('<https://other.example/record/r000>');
    expect([...other.tombstones]).toEqual([]);
  });
});

void copyFileSync;
