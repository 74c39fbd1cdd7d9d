// A reload scoped to the paths a watcher named patches the catalog instead of rebuilding it; whatever the
// sequence of changes, it must publish and refuse exactly what a full load of the same folder does.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalog } from '../../src/catalog/catalog.js';
import { listRecordSources, loadCatalog } from '../../src/catalog/load.js';
import { closeStores } from '../../src/store/lmdb-store.js';
import { loadGate } from '../../src/validate/gate.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

afterAll(() => closeStores());

const text = (name: string) => readFileSync(fixturePath('catalog', `${name}.txt`), 'utf8');
const csl = (...ids: string[]) => JSON.stringify(ids.map((id) => ({ id, type: 'article-journal', title: `Title of ${id}`, author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2020]] } })));

/** What a file may hold: catalog pages, a revised one, CSL-JSON with ids that overlap, and bytes no reader takes. */
const contents = [
  text('seed-case-report'),
  text('plos-one-e-locator'),
  text('plos-one-e-locator').replace('Ralser, Markus', 'Ralser, Marcus'),
  text('rspb-particle-teaser'),
  csl('x1', 'x2'),
  csl('x2', 'x3'),
  csl('x3'),
  '{ not json',
];
// Names whose stems collide (a.txt, sub/a.txt), and two whose order differs between UTF-16 and code points.
const names = ['a.txt', 'sub/a.txt', 'b.txt', 'c.json', 'sub/d.json', '\u{1d4b3}.json', '\uff58.json'];

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const published = (c: Catalog) => c.records.map((e) => `${e.id} ${e.version} ${e.source}`);
const refused = (c: Catalog) => c.refused.map((r) => `${r.source} ${r.code} ${r.id ?? ''}`);

describe('a reload scoped to named paths', () => {
  it('publishes, refuses and deletes exactly what a full load does, over a random sequence of changes', async () => {
    const folder = tempDir('scoped-model');
    mkdirSync(join(folder, 'sub'));
    const shapes = await loadGate();
    let calls = 0;
    const gate: typeof shapes = (quads) => (calls++, shapes(quads));
    const next = random(14);
    let live = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate, storePath: tempDir('scoped-store') });
    const ever = new Set<string>();
    let patched = 0;
    const logger = {
      info(o: object) {
        if ((o as { patched?: number }).patched !== undefined) patched++;
      },
      warn() {},
    };
    for (let step = 0; step < 60; step++) {
      const name = names[Math.floor(next() * names.length)]!;
      const path = join(folder, name);
      const roll = next();
      let exists = true;
      try {
        readFileSync(path);
      } catch {
        exists = false;
      }
      if (roll < 0.2 && exists) unlinkSync(path);
      else if (roll < 0.3 && exists) utimesSync(path, new Date(), new Date(Date.now() + step * 1000));
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, contents[Math.floor(next() * contents.length)]!);
      }
      const before = calls;
      live = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate, previous: live, changed: [name], logger });
      // Only the named file is evaluated, when at all: a file holds at most two records here.
      expect(calls - before).toBeLessThanOrEqual(2);
      const full = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate: shapes, storePath: tempDir('scoped-full') });
      expect(published(live), `step ${step}: ${name}`).toEqual(published(full));
      expect(refused(live), `step ${step}: ${name}`).toEqual(refused(full));
      for (const e of live.records) ever.add(e.id);
      const gone = [...ever].filter((id) => !full.entry(id) || full.entry(id)!.deleted).sort();
      expect(live.tombstones.map((e) => e.id), `step ${step}: ${name}`).toEqual(gone);
    }
    // Most steps were patches; the others (ids claimed by two files) took the full pass.
    expect(ever.size).toBeGreaterThan(4);
    expect(patched).toBeGreaterThan(20);
    expect(patched).toBeLessThan(60);
  }, 120_000);

  it('lists files in code point order, the order the store keeps them in', async () => {
    const folder = tempDir('scoped-order');
    for (const name of ['\uff58.txt', '\u{1d4b3}.txt', 'z.txt', 'A.txt']) writeFileSync(join(folder, name), 'x');
    expect(await listRecordSources(folder)).toEqual(['A.txt', 'z.txt', '\uff58.txt', '\u{1d4b3}.txt']);
  });

  it('a named file that changed nothing leaves the catalog as it was', async () => {
    const folder = tempDir('scoped-same');
    writeFileSync(join(folder, 'seed.txt'), text('seed-case-report'));
    const gate = await loadGate();
    const first = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate, storePath: tempDir('scoped-store') });
    utimesSync(join(folder, 'seed.txt'), new Date(), new Date(Date.now() + 5000));
    const second = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate, previous: first, changed: ['seed.txt'] });
    expect(second.snapshot).toBe(first.snapshot);
    expect(second.entry('seed')?.datestamp).toBe(first.entry('seed')?.datestamp);
  });
});
