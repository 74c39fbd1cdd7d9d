import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDump } from '../../src/commands/export.js';
import type { CliIo } from '../../src/commands/io.js';
import { parseTurtle } from '../helpers/graph.js';
import { fixturePath } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { acceptAll, BASE, generateCatalogDir, liveCatalog, removeDir, serve, type Served } from '../harvest/helpers.js';

function io(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const cli: CliIo = { stdout, stderr, isTTY };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

let data: string;
let outDir: string;
let served: Served;

beforeAll(async () => {
  data = generateCatalogDir(15);
  outDir = tempDir('export');
  served = await serve(await liveCatalog(data));
});
afterAll(async () => {
  await served?.close();
  removeDir(data);
  removeDir(outDir);
});

describe('ldpub export', () => {
  it.each(['nt', 'jsonld', 'jsonl'])('writes the same bytes as /dump.%s', async (format) => {
    const out = join(outDir, `dump.${format}`);
    const t = io();
    expect(await exportDump(['--format', format, '--out', out, '--data', data, '--base', BASE], t.cli, acceptAll)).toBe(0);
    const served_ = await (await fetch(`${served.url}/dump.${format}`)).text();
    expect(readFileSync(out, 'utf8')).toBe(served_);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(t.err()).toContain('wrote 15 records');
    expect(t.err()).not.toContain('\r');
  });

  it('exports through the SHACL gate by default: a refused record is not in the dump', async () => {
    const dir = tempDir('export-gate');
    const seed = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
    writeFileSync(join(dir, 'good.txt'), seed);
    writeFileSync(join(dir, 'bad.txt'), seed.replace('DOI:10.1177/11795476231171891', 'DOI:not-a-doi'));
    const out = join(outDir, 'gated.nt');
    const t = io();
    expect(await exportDump(['--format', 'nt', '--out', out, '--data', dir, '--base', BASE], t.cli)).toBe(0);
    const dump = readFileSync(out, 'utf8');
    expect(dump).toContain(`<${BASE}/record/good>`);
    expect(dump).not.toContain(`<${BASE}/record/bad>`);
    expect(t.err()).toContain('1 record file(s) refused');
    removeDir(dir);
  });

  it('draws a progress bar on a terminal', async () => {
    const t = io(true);
    const out = join(outDir, 'tty.nt');
    expect(await exportDump(['--format', 'nt', '--out', out, '--data', data, '--base', BASE], t.cli, acceptAll)).toBe(0);
    expect(t.err()).toContain('\r[##############################] 100% 15/15');
    expect(parseTurtle(readFileSync(out, 'utf8'), 'application/n-triples').length).toBeGreaterThan(0);
  });

  it('removes its temporary file and leaves no dump when it cannot write', async () => {
    const t = io();
    const missing = join(outDir, 'no-such-dir', 'x.nt');
    expect(await exportDump(['--format', 'nt', '--out', missing, '--data', data], t.cli, acceptAll)).toBe(1);
    expect(t.err()).toMatch(/LDPUB_IO/);
    expect(existsSync(missing)).toBe(false);
    // The dump is written completely, then the rename onto a non-empty directory fails: the temp file must go.
    const occupied = join(outDir, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'inside'), 'x');
    expect(await exportDump(['--format', 'nt', '--out', occupied, '--data', data], io().cli, acceptAll)).toBe(1);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(occupied, 'inside'), 'utf8')).toBe('x');
  });

  it.each([
    [['--out', 'x.nt']],
    [['--format', 'turtle', '--out', 'x']],
    [['--format', 'nt']],
    [['--format', 'nt', '--out', 'x', '--bogus']],
    [['--format', 'nt', '--out', 'x', '--base', 'ftp://x']],
  ])('is a usage error: %j', async (argv) => {
    const t = io();
    expect(await exportDump(argv, t.cli, acceptAll)).toBe(2);
    expect(t.err()).toContain('ldpub export:');
  });
});
