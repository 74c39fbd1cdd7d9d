// `ldpub validate` run as a function with captured streams: exit codes, one line per problem, the folder summary.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { run } from '../../src/commands/validate.js';
import { runCommand } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const seed = fixturePath('catalog', 'seed-case-report.txt');
const invalid = (name: string) => fixturePath('validate', 'records', `${name}.txt`);

describe('ldpub validate', () => {
  it('exits 0 for a conforming record and prints only the summary', async () => {
    const r = await runCommand(run, [seed]);
    expect(r).toEqual({ code: 0, stdout: '1 conform, 0 with warnings, 0 fail\n', stderr: '' });
  });

  it.each([
    ['no-title', 'title', undefined],
    ['bad-doi', 'DOI', '10.1177 11795476231171891'],
    ['issn-check-digit', 'ISSN (periodical)', '1179-5475'],
    ['unknown-language', 'language', 'Martian'],
    ['non-iso-date', 'date published', '2021-8-26'],
  ])('%s: exits 1 with one line naming file, field and value', async (name, field, value) => {
    const r = await runCommand(run, [invalid(name)]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${invalid(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Violation: `));
    expect(lines[0]).toContain(`: Violation: ${field}${value ? ` ${JSON.stringify(value)}` : ''}: `);
    expect(lines[1]).toBe('0 conform, 0 with warnings, 1 fail');
  });

  it('no-author: a record with no author is published with a warning (exit 0)', async () => {
    const r = await runCommand(run, [invalid('no-author')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no-author\.txt: Warning: author: /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 conform, 1 with warnings, 0 fail');
  });

  it('validates every record file in a folder and ends with a summary; warnings alone do not fail', async () => {
    const r = await runCommand(run, [fixturePath('validate', 'records')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 conform, 1 with warnings, 5 fail');

    const dir = tempDir('validate');
    writeFileSync(join(dir, 'a.txt'), (await import('node:fs')).readFileSync(seed, 'utf8'));
    writeFileSync(join(dir, 'b.txt'), (await import('node:fs')).readFileSync(seed, 'utf8').replace(/^Summary:.*$/m, ''));
    writeFileSync(join(dir, 'notes.md'), '# not a record file');
    const ok = await runCommand(run, [dir]);
    expect(ok.stdout).toBe(`${join(dir, 'b.txt')}: Warning: abstract: The record has no abstract: readers and search engines rely on it\n1 conform, 1 with warnings, 0 fail\n`);
    expect(ok.code).toBe(0);
  });

  it('reports an unreadable file on one line, counts it as a failure, and still validates the others', async () => {
    const dir = tempDir('validate');
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = await runCommand(run, [join(dir, 'empty.txt'), join(dir, 'missing.txt'), seed]);
    expect(r.code).toBe(1);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/empty\.txt: .*\[LDPUB_NOT_A_RECORD\]$/);
    expect(errors[1]).toMatch(/missing\.txt: cannot read the file \(ENOENT\) \[LDPUB_IO\]$/);
    expect(r.stdout).toBe('1 conform, 0 with warnings, 2 fail\n');
  });

  it('an empty folder is an error, not a pass', async () => {
    const r = await runCommand(run, [tempDir('validate')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds no record file.*\[LDPUB_IO\]/);
  });

  it('--format turtle writes the sh:ValidationReport of every record', async () => {
    const r = await runCommand(run, ['--format', 'turtle', invalid('issn-check-digit'), seed]);
    expect(r.code).toBe(1);
    const quads = new Parser().parse(r.stdout);
    expect(quads.filter((q) => q.object.value === 'http://www.w3.org/ns/shacl#ValidationReport')).toHaveLength(2);
    expect(quads.some((q) => q.object.value === 'https://w3id.org/ldpub/shapes#ISSNCheckDigitConstraintComponent')).toBe(true);
    expect(r.stderr).toBe('1 conform, 0 with warnings, 1 fail\n');
  });

  it('--format json writes a JSON-LD array of reports, readable without the network', async () => {
    const r = await runCommand(run, ['--format', 'json', invalid('no-author')]);
    const doc = JSON.parse(r.stdout) as Array<{ conforms: boolean; result: Array<{ sourceConstraintComponent: string }> }>;
    expect(doc).toHaveLength(1);
    expect(doc[0]?.conforms).toBe(false);
    expect(doc[0]?.result[0]?.sourceConstraintComponent).toBe('sh:MinCountConstraintComponent');
    const expanded = await jsonld.expand(doc as never);
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/shacl#MinCountConstraintComponent');
  });

  it('uses --base for the record IRIs in the report', async () => {
    const r = await runCommand(run, ['--format', 'turtle', '--base', 'https://data.example.org/', invalid('no-author')]);
    expect(r.stdout).toContain('<https://data.example.org/record/no-author>');
  });

  it.each([
    [['--format', 'xml', seed], /unknown format "xml"/],
    [['--bogus', seed], /Unknown option '--bogus'/],
    [[], /no input files/],
    [['--base', 'ftp://x', seed], /base must be/],
  ])('misuse %j prints usage on stderr and exits 2', async (argv, message) => {
    const r = await runCommand(run, argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: ldpub validate');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help prints usage and exits 0', async () => {
    const r = await runCommand(run, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: ldpub validate FILE|DIR...');
  });
});
