// Loading a data folder: good records published, bad ones refused with file, field and value, duplicates resolved in
// file order; and the worker-thread path (the built module) gives the same catalog as the in-thread path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { loadGate } from '../../src/validate/gate.js';
import { packageRoot } from '../../src/paths.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const seed = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ldpub-load-'));
  for (let i = 0; i < 60; i++) {
    writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), seed.replace('The Combination', `Record ${i}: The Combination`));
  }
  writeFileSync(join(dir, 'bad-doi.txt'), seed.replace('DOI:10.1177/11795476231171891', 'DOI:10.1177 1179'));
  writeFileSync(join(dir, 'page.txt'), '<!DOCTYPE html><html></html>');
  writeFileSync(join(dir, 'a b.txt'), seed); // an id with a space: refused, never published under a broken URI
  mkdirSync(join(dir, 'zz'));
  writeFileSync(join(dir, 'zz', 'r001.txt'), seed); // the same id as r001.txt, later in file order
  writeFileSync(join(dir, 'notes.md'), 'not a record file');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function summary(catalog: Catalog) {
  const published = [];
  for (const e of catalog.records) {
    const r = (await catalog.get(e.id))!;
    published.push([r.id, r.source, r.record.title, r.report.results.length, r.stats().triples, e.ntBytes]);
  }
  return {
    published,
    refused: catalog.refused.map((r) => [r.source, r.code, r.field, r.value]),
  };
}

describe('loadCatalog', () => {
  it('publishes what passes the gate and refuses the rest, naming file, field and value', async () => {
    const warnings: object[] = [];
    const catalog = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: await loadGate(), logger: { info() {}, warn: (o) => warnings.push(o) } });
    expect(catalog.size).toBe(60);
    expect((await catalog.get('r001'))?.source).toBe('r001.txt');
    expect((await summary(catalog)).refused).toEqual([
      ['a b.txt', 'LDPUB_BAD_ID', 'id', 'a b'],
      ['bad-doi.txt', 'LDPUB_INVALID_RECORD', 'DOI', '10.1177 1179'],
      ['page.txt', 'LDPUB_NOT_A_RECORD', 'content', '<!DOCTYPE html>'],
      [join('zz', 'r001.txt'), 'LDPUB_DUPLICATE_ID', 'id', 'r001'],
    ]);
    expect(warnings).toContainEqual(expect.objectContaining({ record: 'bad-doi.txt', code: 'LDPUB_INVALID_RECORD', field: 'DOI' }));
  });

  it('gives the same catalog from worker threads as from this thread', async () => {
    const here = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: await loadGate(), storePath: tempDir('store') });
    // Workers run the compiled module (npm test builds it first), since a worker thread cannot load TypeScript.
    const built = (await import(join(packageRoot(), 'dist', 'src', 'catalog', 'load.js'))) as typeof import('../../src/catalog/load.js');
    const logs: object[] = [];
    const parallel = await built.loadCatalog({
      dataDir: dir, base: TEST_BASE, gate: () => { throw new Error('the workers must validate, not this thread'); },
      workers: 2, parallelThreshold: 0, storePath: tempDir('store'), logger: { info: (o) => logs.push(o), warn() {} },
    });
    expect(logs).toContainEqual(expect.objectContaining({ workers: 2 }));
    expect(await summary(parallel)).toEqual(await summary(here));
  });
});
