// The live catalog: a watched data folder reloads by itself, and a failed build keeps the old catalog serving.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { loadGate } from '../../src/validate/gate.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ldpub-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LiveCatalog', () => {
  it('swaps in a new catalog when a file appears in the watched folder', async () => {
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(dir, 'seed.txt'));
    const gate = await loadGate();
    let builds = 0;
    const build = () => (builds++, loadCatalog({ dataDir: dir, base: TEST_BASE, gate }));
    const live = new LiveCatalog(await build(), build);
    const stop = live.watch(dir, 50);
    try {
      expect(live.current.size).toBe(1);
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(dir, 'plos.txt'));
      // Bounded wait for the watcher's reload: 10 s at most, checked every 50 ms.
      for (let i = 0; i < 200 && live.current.size < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await live.current.get('plos'))?.record.container?.title).toBe('PloS one');
      // The reload's own writes to the store (DIR/.ldpub) are not changes of the data: no reload follows them.
      const after = builds;
      await new Promise((r) => setTimeout(r, 800));
      expect(builds).toBe(after);
    } finally {
      stop();
    }
  });

  it('keeps the old catalog when a build fails', async () => {
    const gate = await loadGate();
    const first = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate });
    const live = new LiveCatalog(first, () => Promise.reject(new Error('disk gone')));
    const result = await live.reload();
    expect(result.ok).toBe(false);
    expect(live.current).toBe(first);
  });
});

describe('reloading', () => {
  it('evaluates again only the files that changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ldpub-reload-'));
    try {
      for (const name of ['seed-case-report', 'plos-one-e-locator', 'rspb-particle-teaser']) {
        copyFileSync(fixturePath('catalog', `${name}.txt`), join(folder, `${name}.txt`));
      }
      const shapes = await loadGate();
      let calls = 0;
      const gate: typeof shapes = (quads) => {
        calls++;
        return shapes(quads);
      };
      const first = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate });
      expect(calls).toBe(3);
      const file = join(folder, 'plos-one-e-locator.txt');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Ralser, Markus', 'Ralser, Marcus'));
      const second = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate, previous: first });
      expect(calls).toBe(4);
      expect(second.size).toBe(3);
      expect((await second.get('plos-one-e-locator'))?.record.authors.some((a) => a.kind === 'person' && a.given === 'Marcus')).toBe(true);
      expect(second.entry('seed-case-report')?.version).toBe(first.entry('seed-case-report')?.version);
      expect(second.entry('seed-case-report')?.datestamp).toBe(first.entry('seed-case-report')?.datestamp);
      rmSync(join(folder, 'rspb-particle-teaser.txt'));
      const third = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate, previous: second });
      expect(calls).toBe(4);
      expect(await third.get('rspb-particle-teaser')).toBeUndefined();
      expect(third.isDeleted('rspb-particle-teaser')).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
