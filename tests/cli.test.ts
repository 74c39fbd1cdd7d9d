import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { fixturePath } from './helpers/fixtures.js';

// The installed `ldpub` bin: the compiled entry point that `npx ldpub` runs (npm test builds it first).
const bin = join(packageRoot(), 'dist', 'src', 'cli.js');
const ldpub = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('the ldpub bin', () => {
  it('is linked where npx looks first, node_modules/.bin/ldpub (by `prepare`), and runs through npx', () => {
    expect(realpathSync(join(packageRoot(), 'node_modules', '.bin', 'ldpub'))).toBe(realpathSync(bin));
    const r = spawnSync('npx', ['--offline', 'ldpub', '--version'], { cwd: packageRoot(), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints usage listing the commands', () => {
    const r = ldpub('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: ldpub <command>/);
    expect(r.stdout).toMatch(/convert/);
  });

  it('prints its version', () => {
    expect(ldpub('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses an unknown command with exit 2', () => {
    const r = ldpub('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('converts the seed and reports a bad file without a stack trace', () => {
    const r = ldpub('convert', fixturePath('catalog', 'seed-case-report.txt'), '/dev/null');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('schema:ScholarlyArticle');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/\/dev\/null: .*\[LDPUB_NOT_A_RECORD\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
