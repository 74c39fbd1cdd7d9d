// tempDir(): every folder it makes is gone once its test, or its test file, is done, pass or fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';

const VITEST = join(import.meta.dirname, '..', '..', 'node_modules', 'vitest', 'vitest.mjs');
const FIXTURE = join(import.meta.dirname, 'temp-fixture');

describe('tempDir', () => {
  let first = '';

  it('makes a fresh folder under the temporary folder, named after its argument', () => {
    first = tempDir('named');
    expect(first.startsWith(join(tmpdir(), 'ldpub-named-'))).toBe(true);
    expect(readdirSync(first)).toEqual([]);
    expect(tempDir('named')).not.toBe(first);
  });

  it('removed the folder of the test before once that test finished', () => {
    expect(first).not.toBe('');
    expect(existsSync(first)).toBe(false);
  });

  it('leaves nothing behind a whole test file: module scope, describe, beforeAll, beforeEach, tests, a failing test and afterAll', () => {
    const work = tempDir('temp-check');
    const tmp = join(work, 'tmp');
    mkdirSync(tmp);
    const reportFile = join(work, 'made.json');
    const r = spawnSync(process.execPath, [VITEST, 'run', '--config', join(FIXTURE, 'vitest.config.ts'), '--reporter', 'dot'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TMPDIR: tmp, LDPUB_TEMP_REPORT: reportFile, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    // It fails, as its failing afterAll should make it; everything else in it passes.
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toContain('afterAll fails on purpose');
    expect(r.stdout + r.stderr).toMatch(/Tests +2 passed \| 1 expected fail \(3\)/);
    const made = JSON.parse(readFileSync(reportFile, 'utf8')) as { [where: string]: string };
    expect(Object.keys(made).sort()).toEqual(['beforeAll', 'beforeEach', 'describe', 'failing', 'module', 'test']);
    for (const dir of Object.values(made)) expect(dir.startsWith(join(tmp, 'ldpub-'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  }, 90_000);
});
