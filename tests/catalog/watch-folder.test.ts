// The data-folder watcher names each changed path, in folders made after it started too, and never the store's.
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { watchFolder } from '../../src/catalog/watch-folder.js';
import { tempDir } from '../helpers/temp.js';

/** Waits (bounded: 5 s, every 20 ms) until `seen` holds `path`. */
async function until(seen: Set<string | undefined>, path: string): Promise<boolean> {
  for (let i = 0; i < 250 && !seen.has(path); i++) await new Promise((r) => setTimeout(r, 20));
  return seen.has(path);
}

// The way this platform watches (per folder on Linux, the system's recursive watch elsewhere).
describe.each([process.platform])('watchFolder on %s', (platform) => {
  it('names changed files, in folders made or replaced after it started, and nothing under a dot-folder', async () => {
    const dir = tempDir('watch');
    mkdirSync(join(dir, 'old'));
    const seen = new Set<string | undefined>();
    const errors: Error[] = [];
    const w = watchFolder(dir, (p) => seen.add(p), (e) => errors.push(e), platform);
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(dir, 'a.txt'), 'a');
      expect(await until(seen, 'a.txt')).toBe(true);
      writeFileSync(join(dir, 'old', 'b.txt'), 'b');
      expect(await until(seen, `old${sep}b.txt`)).toBe(true);
      mkdirSync(join(dir, 'new'));
      expect(await until(seen, 'new')).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(dir, 'new', 'c.txt'), 'c');
      expect(await until(seen, `new${sep}c.txt`)).toBe(true);
      rmSync(join(dir, 'new'), { recursive: true });
      mkdirSync(join(dir, 'new'));
      await new Promise((r) => setTimeout(r, 200));
      writeFileSync(join(dir, 'new', 'd.txt'), 'd');
      expect(await until(seen, `new${sep}d.txt`)).toBe(true);
      mkdirSync(join(dir, '.ldpub'));
      writeFileSync(join(dir, '.ldpub', 'catalog.mdb'), 'x');
      writeFileSync(join(dir, 'e.txt'), 'e');
      expect(await until(seen, 'e.txt')).toBe(true);
      expect([...seen].filter((p) => p?.includes('.ldpub'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('reports a data folder it cannot watch, rather than watching nothing', () => {
    const errors: Error[] = [];
    const w = watchFolder(join(tempDir('watch'), 'missing'), () => {}, (e) => errors.push(e), platform);
    w.close();
    expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ENOENT']);
  });

  it('is ready once every folder there at the start is watched', async () => {
    const dir = tempDir('watch');
    const deep = join(dir, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    const seen = new Set<string | undefined>();
    const w = watchFolder(dir, (p) => seen.add(p), () => {}, platform);
    try {
      await w.ready;
      writeFileSync(join(deep, 'd.txt'), 'd');
      expect(await until(seen, ['a', 'b', 'c', 'd.txt'].join(sep))).toBe(true);
    } finally {
      w.close();
    }
  });
});
