// Test helper: temporary folders that are removed when their test, or else their test file, is done, pass or fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** Removes a folder and everything in it; a folder already gone is no error. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  pending().delete(dir);
}

/** Every folder of this process not yet removed, for the exit handler (one per process, however often this module loads). */
function pending(): Set<string> {
  const key = Symbol.for('ldpub.tests.tempDirs');
  const g = globalThis as { [key]?: Set<string> };
  if (!g[key]) {
    const all = new Set<string>();
    g[key] = all;
    process.once('exit', () => {
      for (const dir of all) rmSync(dir, { recursive: true, force: true });
    });
  }
  return g[key];
}

/** Folders made outside a test (at module scope, in a describe body, in beforeAll), removed after the test file. */
const fileFolders = new Set<string>();

// This module is imported while vitest collects a test file, so this hook belongs to that file (and, registered
// before the file's own hooks, runs after them: a server closes before its folder goes).
afterAll(() => {
  for (const dir of fileFolders) removeDir(dir);
  fileFolders.clear();
});

/**
 * A fresh folder `{tmpdir}/ldpub-{name}-XXXXXX`. Made inside a test (or its beforeEach), it is removed when that
 * test finishes; made anywhere else (module scope, describe body, beforeAll), after the last test of the file;
 * either way also when the test fails, and at the latest when the process exits. A test may remove it earlier.
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ldpub-${name}-`));
  pending().add(dir);
  try {
    onTestFinished(() => removeDir(dir));
  } catch {
    // not inside a test ("onTestFinished() can only be called inside a test")
    fileFolders.add(dir);
  }
  return dir;
}
