// Test helper: temporary folders that are removed when their test, or else their test file, is done, pass or fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aroundAll, onTestFinished } from 'vitest';

/** Removes a folder and everything in it; a folder already gone is no error. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Folders made outside a test (at module scope, in a describe body, in beforeAll), removed after the test file. */
const fileFolders = new Set<string>();

// This module is imported while vitest collects a test file, so the hook belongs to that file. It wraps the whole
// file: its teardown runs after every afterAll of the file (a server closes before its folder goes), even when
// one of them throws (which skips the afterAll hooks after it). Vitest ends its workers without an 'exit' event, so
// an exit handler would never run.
aroundAll(async (runSuite) => {
  try {
    await runSuite();
  } finally {
    for (const dir of fileFolders) removeDir(dir);
    fileFolders.clear();
  }
});

/**
 * A fresh folder `{tmpdir}/ldpub-{name}-XXXXXX`. Made inside a test (or its beforeEach), it is removed when that
 * test finishes; made anywhere else (module scope, describe body, beforeAll), after the file's last afterAll.
 * Either way also when the test or a hook fails. A test may remove it earlier itself.
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ldpub-${name}-`));
  try {
    onTestFinished(() => removeDir(dir));
  } catch {
    // not inside a test ("onTestFinished() can only be called inside a test")
    fileFolders.add(dir);
  }
  return dir;
}
