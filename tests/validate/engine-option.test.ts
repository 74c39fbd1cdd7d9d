// `--engine`: every command that validates runs the compiled engine by default and rdf-validate-shacl on request, with the same outcome.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as convert } from '../../src/commands/convert.js';
import { run as exportRun } from '../../src/commands/export.js';
import { run as serve } from '../../src/commands/serve.js';
import { run as validate } from '../../src/commands/validate.js';
import { loadGate } from '../../src/validate/gate.js';
import { runCommand } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

const records = fixturePath('validate', 'records');
const catalog = fixturePath('catalog');

describe('--engine', () => {
  it.each(['text', 'json'])('validate prints the same %s report with either engine', async (format) => {
    const compiled = await runCommand(validate, [records, catalog, '--format', format]);
    const reference = await runCommand(validate, [records, catalog, '--format', format, '--engine', 'reference']);
    const explicit = await runCommand(validate, [records, catalog, '--format', format, '--engine', 'compiled']);
    expect(compiled.code).toBe(1);
    expect(compiled.stdout.length).toBeGreaterThan(100);
    expect(reference).toEqual(compiled);
    expect(explicit).toEqual(compiled);
  });

  it('convert refuses the same records with either engine', async () => {
    const args = [join(records, 'issn-check-digit.txt'), fixturePath('catalog', 'seed-case-report.txt')];
    const compiled = await runCommand(convert, args);
    const reference = await runCommand(convert, [...args, '--engine', 'reference']);
    expect(compiled.code).toBe(1);
    expect(compiled.stderr).toContain('ISSN');
    expect(reference).toEqual(compiled);
  });

  it('export writes the same dump with either engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldpub-engine-'));
    try {
      // Each with its own store outside the fixture folder (the default, beside the data, would be read by other tests).
      const a = await runCommand(exportRun, ['--format', 'nt', '--out', join(dir, 'a.nt'), '--data', catalog, '--store', join(dir, 'store-a')]);
      const b = await runCommand(exportRun, ['--format', 'nt', '--out', join(dir, 'b.nt'), '--data', catalog, '--store', join(dir, 'store-b'), '--engine', 'reference']);
      expect([a.code, b.code]).toEqual([0, 0]);
      expect(readFileSync(join(dir, 'b.nt'), 'utf8')).toBe(readFileSync(join(dir, 'a.nt'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['validate', validate, [records]],
    ['convert', convert, [records]],
    ['export', exportRun, ['--format', 'nt', '--out', '/nonexistent/x.nt']],
    ['serve', serve, ['--port', '0']],
  ] as const)('%s refuses an unknown engine as misuse', async (_name, command, args) => {
    const r = await runCommand(command, [...args, '--engine', 'fast']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown SHACL engine; use one of: compiled, reference [LDPUB_USAGE]');
  });

  it('a gate says which engine it runs, so worker threads compile the same one', async () => {
    expect((await loadGate()).engine).toBe('compiled');
    expect((await loadGate({ engine: 'reference' })).engine).toBe('reference');
  });
});
