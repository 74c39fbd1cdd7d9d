// The live catalog: a watched data folder reloads by itself, a failed build keeps the old catalog serving, and a
// journal of changed paths lets a SIGHUP reload them before comparing the whole folder.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { loadGate } from '../../src/validate/gate.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import type { Catalog } from '../../src/catalog/catalog.js';

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

/** Waits (bounded: 10 s, every 20 ms) until `ok` holds. */
async function until(ok: () => boolean): Promise<boolean> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  return ok();
}

describe('the change journal (a SIGHUP without --watch)', () => {
  /** A live catalog over `folder` that records the paths each build is given, and counts full builds. */
  async function liveOver(folder: string, fail: (changed?: readonly string[]) => boolean = () => false) {
    const gate = await loadGate();
    const scopes: (readonly string[] | undefined)[] = [];
    const build = (previous?: Catalog, changed?: readonly string[]) => {
      scopes.push(changed);
      if (fail(changed)) return Promise.reject(new Error('disk gone'));
      return loadCatalog({ dataDir: folder, base: TEST_BASE, gate, ...(previous ? { previous } : {}), ...(changed ? { changed } : {}) });
    };
    const live = new LiveCatalog(await build(), build);
    scopes.length = 0;
    return { live, scopes, build };
  }

  it('records the paths that change without reloading, and trusts them once the folder is compared after it began', async () => {
    const folder = tempDir('journal');
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
    const { live, scopes } = await liveOver(folder);
    const journal = live.journal(folder);
    try {
      await journal.ready;
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'plos.txt'));
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('plos.txt'))).toBe(true);
      expect(scopes).toEqual([]);
      expect(live.current.entry('plos')).toBeUndefined();
      // The first catalog was built before the journal watched: it cannot say what changed since.
      expect(journal.trusted).toBe(false);
      await live.reload();
      expect(journal.trusted).toBe(true);
      // What changed before that comparison began, it has seen.
      expect(journal.recorded).toEqual(new Set());
    } finally {
      journal.close();
    }
  });

  it('a SIGHUP reloads the paths it names first, swapped in before the whole folder is compared', async () => {
    const folder = tempDir('journal');
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
    const { live, scopes, build } = await liveOver(folder);
    const gate = await loadGate();
    // The full comparison is given the catalog to patch: it must hold the scoped reload's record already.
    let plosBeforeFull: boolean | undefined;
    let armed = false;
    const full = new LiveCatalog(live.current, async (previous, changed) => {
      if (!changed && armed) {
        plosBeforeFull = previous.entry('plos') !== undefined;
        // A file written while the full comparison runs is the next SIGHUP's.
        copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'later.txt'));
        await until(() => journal.recorded !== 'all' && journal.recorded.has('later.txt'));
        scopes.push(changed);
        return loadCatalog({ dataDir: folder, base: TEST_BASE, gate, previous });
      }
      return build(previous, changed);
    });
    const journal = full.journal(folder);
    try {
      await journal.ready;
      await full.reload();
      expect(journal.trusted).toBe(true);
      scopes.length = 0;
      armed = true;
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'plos.txt'));
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('plos.txt'))).toBe(true);
      const result = await journal.reload();
      expect(result.ok).toBe(true);
      expect(scopes).toEqual([['plos.txt'], undefined]);
      expect(plosBeforeFull).toBe(true);
      expect(full.current.entry('plos')).toBeDefined();
      expect(full.current.entry('later')).toBeDefined();
      expect(journal.recorded).toEqual(new Set(['later.txt']));
      expect(journal.trusted).toBe(true);
    } finally {
      journal.close();
    }
  });

  it('two SIGHUPs at once build the named paths once and the whole folder once', async () => {
    const folder = tempDir('journal');
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
    const { live, scopes } = await liveOver(folder);
    const journal = live.journal(folder);
    try {
      await journal.ready;
      await live.reload();
      scopes.length = 0;
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'plos.txt'));
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('plos.txt'))).toBe(true);
      const results = await Promise.all([journal.reload(), journal.reload()]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(scopes).toEqual([['plos.txt'], undefined]);
    } finally {
      journal.close();
    }
  });

  it('says a reload is under way from the SIGHUP until its full comparison is done, between the two reloads too', async () => {
    const folder = tempDir('journal');
    const first = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate: await loadGate() });
    let betweenTheTwo: boolean | undefined;
    let fullsBegun = 0;
    const live = new LiveCatalog(first, (_previous, changed) => {
      if (changed) {
        // Fires after this build is swapped in (it resolves at once) and before the full comparison is asked for.
        setTimeout(() => (betweenTheTwo = fullsBegun === 1 ? live.reloading : undefined), 10);
      } else fullsBegun++;
      return Promise.resolve(first);
    });
    const journal = live.journal(folder);
    try {
      await journal.ready;
      await live.reload();
      writeFileSync(join(folder, 'a.txt'), 'a');
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('a.txt'))).toBe(true);
      const done = journal.reload();
      expect(live.reloading).toBe(true);
      await done;
      expect(betweenTheTwo).toBe(true);
      expect(fullsBegun).toBe(2);
      expect(live.reloading).toBe(false);
    } finally {
      journal.close();
    }
  });

  it('an untrusted or overflowing journal gives a full comparison only', async () => {
    const folder = tempDir('journal');
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
    const { live, scopes } = await liveOver(folder);
    // At most two paths.
    const journal = live.journal(folder, 2);
    try {
      await journal.ready;
      // Untrusted: no comparison of the folder began after it watched.
      writeFileSync(join(folder, 'a.txt'), 'a');
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('a.txt'))).toBe(true);
      expect((await journal.reload()).ok).toBe(true);
      expect(scopes).toEqual([undefined]);
      expect(journal.trusted).toBe(true);
      // Overflowing: three paths are more than it keeps.
      for (const name of ['b.txt', 'c.txt', 'd.txt']) writeFileSync(join(folder, name), name);
      expect(await until(() => journal.recorded === 'all')).toBe(true);
      expect((await journal.reload()).ok).toBe(true);
      expect(scopes).toEqual([undefined, undefined]);
      // The comparison saw all of them: the journal names paths again.
      expect(journal.recorded).toEqual(new Set());
    } finally {
      journal.close();
    }
  });

  it('a folder that cannot be watched is warned of once; a SIGHUP compares the whole folder', async () => {
    const folder = tempDir('journal');
    const warnings: string[] = [];
    const first = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate: await loadGate() });
    const scopes: (readonly string[] | undefined)[] = [];
    const live = new LiveCatalog(first, (_p, changed) => (scopes.push(changed), Promise.resolve(first)), { info() {}, warn: (_o, msg) => warnings.push(msg ?? '') });
    const journal = live.journal(join(folder, 'missing'));
    try {
      await journal.ready;
      await live.reload();
      expect(journal.trusted).toBe(false);
      expect((await journal.reload()).ok).toBe(true);
      expect(scopes).toEqual([undefined, undefined]);
      expect(warnings).toEqual(['cannot watch the data folder; a SIGHUP compares the whole folder']);
    } finally {
      journal.close();
    }
  });

  it('a failed scoped reload still leads to the full comparison', async () => {
    const folder = tempDir('journal');
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
    const { live, scopes } = await liveOver(folder, (changed) => changed !== undefined);
    const journal = live.journal(folder);
    try {
      await journal.ready;
      await live.reload();
      scopes.length = 0;
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'plos.txt'));
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('plos.txt'))).toBe(true);
      const result = await journal.reload();
      expect(scopes).toEqual([['plos.txt'], undefined]);
      expect(result.ok).toBe(true);
      expect(live.current.entry('plos')).toBeDefined();
      expect(journal.trusted).toBe(true);
    } finally {
      journal.close();
    }
  });

  it('after a failed full comparison the journal is not trusted until one succeeds', async () => {
    const folder = tempDir('journal');
    copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(folder, 'seed.txt'));
    let fail = false;
    const { live, scopes } = await liveOver(folder, (changed) => fail && changed === undefined);
    const journal = live.journal(folder);
    try {
      await journal.ready;
      await live.reload();
      expect(journal.trusted).toBe(true);
      fail = true;
      expect((await live.reload()).ok).toBe(false);
      expect(journal.trusted).toBe(false);
      fail = false;
      scopes.length = 0;
      writeFileSync(join(folder, 'a.txt'), 'a');
      expect(await until(() => journal.recorded !== 'all' && journal.recorded.has('a.txt'))).toBe(true);
      expect((await journal.reload()).ok).toBe(true);
      expect(scopes).toEqual([undefined]);
      expect(journal.trusted).toBe(true);
    } finally {
      journal.close();
    }
  });
});
