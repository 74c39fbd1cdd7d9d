// The live catalog: a watched data folder reloads by itself, and a failed build keeps the old catalog serving.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
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
    const build = () => loadCatalog({ dataDir: dir, base: TEST_BASE, gate });
    const live = new LiveCatalog(await build(), build);
    const stop = live.watch(dir, 50);
    try {
      expect(live.current.size).toBe(1);
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(dir, 'plos.txt'));
      // Bounded wait for the watcher's reload: 10 s at most, checked every 50 ms.
      for (let i = 0; i < 200 && live.current.size < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(live.current.get('plos')?.record.container?.title).toBe('PloS one');
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
