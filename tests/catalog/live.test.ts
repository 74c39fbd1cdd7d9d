// The live catalog: a watched data folder reloads by itself, and a failed build keeps the old catalog serving.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
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

  it('says whether a reload is under way', async () => {
    const gate = await loadGate();
    const first = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate });
    let finish: (c: typeof first) => void = () => {};
    const live = new LiveCatalog(first, () => new Promise((resolve) => (finish = resolve)));
    expect(live.reloading).toBe(false);
    const done = live.reload();
    expect(live.reloading).toBe(true);
    finish(first);
    await done;
    expect(live.reloading).toBe(false);
  });

  it('after a failed build, the next reload looks at everything, not only the paths named then', async () => {
    const gate = await loadGate();
    const first = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate });
    const scopes: (readonly string[] | undefined)[] = [];
    let fail = true;
    const live = new LiveCatalog(first, (_previous, changed) => {
      scopes.push(changed);
      return fail ? Promise.reject(new Error('disk gone')) : Promise.resolve(first);
    });
    expect((await live.reload(['a.txt'])).ok).toBe(false);
    fail = false;
    expect((await live.reload(['b.txt'])).ok).toBe(true);
    expect(scopes).toEqual([['a.txt'], undefined]);
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

  it('a reload scoped to the paths a watcher named looks at those only; a folder or no name reloads all', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ldpub-scoped-'));
    try {
      copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
      const gate = await loadGate();
      const scopes: (readonly string[] | undefined)[] = [];
      const build = (previous?: Parameters<typeof loadCatalog>[0]['previous'], changed?: readonly string[]) => (
        scopes.push(changed), loadCatalog({ dataDir: folder, base: TEST_BASE, gate, ...(previous ? { previous } : {}), ...(changed ? { changed } : {}) })
      );
      const live = new LiveCatalog(await build(), build);
      // Two new files; the watcher named only one of them: only that one is published.
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'plos.txt'));
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'other.txt'));
      expect((await live.reload(['plos.txt'])).ok).toBe(true);
      expect(live.current.isDeleted('plos')).toBe(false);
      expect(live.current.entry('plos')).toBeDefined();
      expect(live.current.entry('other')).toBeUndefined();
      expect(live.current.entry('seed')).toBeDefined();
      // A named file that is gone leaves a tombstone; the untouched one stays.
      unlinkSync(join(folder, 'plos.txt'));
      await live.reload(['plos.txt']);
      expect(live.current.isDeleted('plos')).toBe(true);
      expect(live.current.isDeleted('seed')).toBe(false);
      expect(live.current.entry('seed')).toBeDefined();
      // A named folder is listed whole: the unnamed file is found then.
      mkdirSync(join(folder, 'sub'));
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'sub', 'plos2.txt'));
      await live.reload(['sub']);
      expect(scopes.at(-1)).toEqual(['sub']);
      expect(live.current.entry('plos2')?.deleted).not.toBe(true);
      expect(live.current.entry('other')?.deleted).not.toBe(true);
      expect(live.current.entry('other')).toBeDefined();
      // And a reload with no names (SIGHUP) is a full one.
      await live.reload();
      expect(scopes.at(-1)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
