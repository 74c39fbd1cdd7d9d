// Bad input: every refusal is one line naming the file, the entry (line or item), the field and the value, with a
// stable code and never a stack trace; the good entries of the same file and the other files are still published.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { run as convert } from '../../src/commands/convert.js';
import { run as validate } from '../../src/commands/validate.js';
import { ErrorCodes, type LdpubError } from '../../src/errors.js';
import { formatByExtension, negotiableFormats } from '../../src/formats/registry.js';
import { FORMAT_EXTENSIONS, mapFileEntries } from '../../src/pipeline.js';
import { readFile } from '../../src/readers/index.js';
import { DEFAULT_LIMITS, limitsFromEnv } from '../../src/readers/shared/limits.js';
import { WarningCodes } from '../../src/readers/warnings.js';
import { loadGate } from '../../src/validate/gate.js';
import { runCommand } from '../helpers/cli.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(files: { [name: string]: string | Uint8Array }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ldpub-recovery-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** One line, a known code at the end, the parts named, no parser-internal path, no stack. */
function expectOneLine(e: LdpubError, parts: { record: string; field: string; value?: string; code: string }): void {
  const line = e.toLine();
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(/\bat \S+:\d+|Main->|\(\w+->\w+\)/);
  expect(Object.keys(ErrorCodes)).toContain(e.code);
  expect(e).toMatchObject({ code: parts.code, record: parts.record, field: parts.field, ...(parts.value !== undefined ? { value: parts.value } : {}) });
  expect(line.endsWith(`[${parts.code}]`)).toBe(true);
}

const GOOD_BIB = (key: string, title: string) => `@article{${key},\n  title = {${title}},\n  author = {Kanda, Yutaro},\n  journal = {J},\n  year = {2020}\n}\n`;

describe('per-entry recovery', () => {
  it('BibTeX: a broken entry is refused with its line, field and value; the entries before and after are read', () => {
    const text = `${GOOD_BIB('first', 'First')}\n@article{broken,\n  title = {Unbalanced {brace},\n  year = {2020}\n}\n\n${GOOD_BIB('last', 'Last')}`;
    const r = readFile(text, 'refs.bib');
    expect(r.records.map((x) => x.title)).toEqual(['First', 'Last']);
    expect(r.errors).toHaveLength(1);
    expectOneLine(r.errors[0]!, { record: 'refs.bib line 8 (broken)', field: 'title', value: '{Unbalanced {brace}', code: 'LDPUB_BAD_SYNTAX' });
    expect(r.errors[0]!.toLine()).toBe(
      'refs.bib line 8 (broken): title "{Unbalanced {brace}": the BibTeX entry does not parse: a brace in this value is never closed [LDPUB_BAD_SYNTAX]',
    );
  });

  it('BibTeX: a bad value names its field; @string macros still apply to the other entries', () => {
    const text = `@string{jn = {Macro Journal}}\n@article{d, title = {x}, year = 20x1 }\n@article{e,\n title = {ok},\n author = {A, B},\n journal = jn,\n year = 2020\n}\n`;
    const r = readFile(text, 'refs.bib');
    expect(r.records.map((x) => x.container?.title)).toEqual(['Macro Journal']);
    expectOneLine(r.errors[0]!, { record: 'refs.bib line 2 (d)', field: 'year', value: '20x1', code: 'LDPUB_BAD_SYNTAX' });
  });

  it('RIS: a record with an unknown TY is refused with its line; the others are read, ids stay those of the entries', () => {
    const text = 'TY  - JOUR\nTI  - one\nER  - \nTY  - XXXX\nTI  - two\nER  - \nTY  - JOUR\nTI  - three\nER  - \n';
    const r = readFile(text, 'refs.ris');
    expect(r.records.map((x) => x.title)).toEqual(['one', 'three']);
    expectOneLine(r.errors[0]!, { record: 'refs.ris line 4', field: 'TY', value: 'XXXX', code: 'LDPUB_BAD_SYNTAX' });
    expect(mapFileEntries(text, 'refs.ris', TEST_BASE).mapped.map((m) => m.id)).toEqual(['refs-1', 'refs-3']);
  });

  it('CSL-JSON: a bad item is refused with its index, field and value; the others are read', () => {
    const items = [
      { id: 'a', type: 'book', title: 'Good one' },
      { id: 'b', type: 'book', title: 'Bad author', author: 'Smith, John' },
      42,
      { id: 'c', type: 'book', title: 'Good two' },
    ];
    const r = readFile(JSON.stringify(items), 'items.json');
    expect(r.records.map((x) => x.title)).toEqual(['Good one', 'Good two']);
    expect(r.errors.map((e) => e.toLine())).toEqual([
      'items.json item 2 (b): author "Smith, John": the CSL "author" must be a list of name objects [LDPUB_BAD_SYNTAX]',
      'items.json item 3: item "42": a CSL item must be a JSON object, not a number [LDPUB_BAD_SYNTAX]',
    ]);
  });

  it('Crossref: a list with one bad work publishes the others', () => {
    const message = JSON.parse(readFileSync(fixturePath('crossref', 'elife-01567.json'), 'utf8')) as object;
    const text = JSON.stringify({ status: 'ok', message: { items: [message, { ...message, DOI: '10.1/bad', author: 'nobody' }] } });
    const r = readFile(text, 'works.json');
    expect(r.records).toHaveLength(1);
    expectOneLine(r.errors[0]!, { record: 'works.json item 2 (10.1/bad)', field: 'author', value: 'nobody', code: 'LDPUB_BAD_SYNTAX' });
  });

  it('bad JSON is one line with the reason (and its line and column when the parser gives a position), not the JSON text', () => {
    expect(() => readFile('[\n  {"type": "book",\n   "title": }\n]', 'bad.json')).toThrow(
      expect.objectContaining({ code: 'LDPUB_BAD_SYNTAX', message: "not valid JSON for CSL-JSON: Unexpected token '}'" }),
    );
    expect(() => readFile('[\n  {"type": "book",\n   "title": "x"\n', 'cut.json')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^not valid JSON for CSL-JSON at line 4, column 1: [^\n]+$/) }),
    );
  });
});

describe('refusals and warnings reach the user', () => {
  const bib = `${GOOD_BIB('first', 'First')}\n@article{broken,\n  title = {Unbalanced {brace},\n  year = {2020}\n}\n${GOOD_BIB('last', 'Last')}`;
  const latin1 = Buffer.from('Über Müller\nMain Authors: Müller, Jürgen\nPublished in: Zeitschrift 2020, Vol.1 (2), p.3-4\n', 'latin1');
  const binary = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256));

  it('convert: good entries are written, the bad one and the binary file are one line each, warnings one line each', async () => {
    const dir = folder({ 'refs.bib': bib, 'latin1.txt': latin1, 'image.txt': binary });
    const r = await runCommand(convert, [join(dir, 'refs.bib'), join(dir, 'image.txt'), join(dir, 'latin1.txt'), '--to', 'csl-json', '--no-validate']);
    expect(r.code).toBe(1);
    // Several records are one CSL-JSON array, in input order.
    const out = JSON.parse(r.stdout) as { title: string }[];
    expect(out.map((item) => item.title)).toEqual(['First', 'Last', 'Über Müller']);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `ldpub convert: ${join(dir, 'refs.bib')} line 8 (broken): title "{Unbalanced {brace}": the BibTeX entry does not parse: a brace in this value is never closed [LDPUB_BAD_SYNTAX]`,
      `ldpub convert: ${join(dir, 'image.txt')}: bytes "0x00 at offset 0": is neither UTF-8 nor plausible Windows-1252 text: it looks binary [LDPUB_BAD_ENCODING]`,
      `ldpub convert: warning: ${join(dir, 'latin1.txt')}: not UTF-8 (first bad byte 0xDC at offset 0): read as Windows-1252 [LDPUB_ENCODING_FALLBACK]`,
    ]);
  });

  it('validate: the bad entry fails, the good ones are validated, the warning is on stderr', async () => {
    const dir = folder({ 'refs.bib': bib, 'latin1.txt': latin1 });
    const r = await runCommand(validate, [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refs.bib line 8 (broken): title "{Unbalanced {brace}"');
    expect(r.stderr).toMatch(/warning: .*latin1\.txt: not UTF-8 .*\[LDPUB_ENCODING_FALLBACK\]/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 conform, 3 with warnings, 1 fail');
  });

  it('the catalog publishes the good entries, refuses the bad one, and logs the warnings', async () => {
    const dir = folder({ 'refs.bib': bib, 'latin1.txt': latin1, 'image.txt': binary });
    const warned: object[] = [];
    const catalog = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: await loadGate(), logger: { info() {}, warn: (o) => warned.push(o) } });
    expect(catalog.records.map((r) => r.id).sort()).toEqual(['first', 'last', 'latin1']);
    expect(catalog.refused.map((r) => [r.source, r.code, r.field, r.value])).toEqual([
      ['image.txt', 'LDPUB_BAD_ENCODING', 'bytes', '0x00 at offset 0'],
      ['refs.bib', 'LDPUB_BAD_SYNTAX', 'title', '{Unbalanced {brace}'],
    ]);
    expect(catalog.refused[1]?.message).toMatch(/^line 8 \(broken\): /);
    expect(warned).toContainEqual(expect.objectContaining({ record: 'latin1.txt', code: 'LDPUB_ENCODING_FALLBACK' }));
  });
});

describe('ids: /record/a.b.ttl means one thing', () => {
  it('an id that ends in a format extension is refused, naming the file; a.b itself is published', () => {
    const seed = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
    expect(mapFileEntries(seed, 'a.b.txt', TEST_BASE).mapped.map((m) => m.id)).toEqual(['a.b']);
    const refused = mapFileEntries(seed, 'a.b.ttl.txt', TEST_BASE);
    expect(refused.mapped).toEqual([]);
    expect(refused.errors[0]?.toLine()).toBe(
      'a.b.ttl.txt: id "a.b.ttl": a record id must not end in .ttl: /record/a.b.ttl would also name the ttl format of record a.b [LDPUB_BAD_ID]',
    );
  });

  it('the list of refused extensions is every extension a record is served at', () => {
    const served = negotiableFormats().map((f) => f.extension).filter(Boolean);
    for (const ext of served) expect(FORMAT_EXTENSIONS).toContain(ext);
    for (const ext of FORMAT_EXTENSIONS) expect(formatByExtension(ext), ext).toBeDefined();
  });
});

describe('limits', () => {
  const limits = { ...DEFAULT_LIMITS, maxEntries: 3, maxAuthors: 4, maxFileBytes: 1000 };

  it('entries per file past the limit: one line, before the entries are mapped', () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ type: 'book', title: `t${i}` }));
    expect(() => readFile(JSON.stringify(items), 'big.json', undefined, limits)).toThrow(
      expect.objectContaining({ code: 'LDPUB_TOO_LARGE', record: 'big.json', field: 'entries', value: '5' }),
    );
    const bib = Array.from({ length: 4 }, (_, i) => GOOD_BIB(`k${i}`, `t${i}`)).join('\n');
    expect(() => readFile(bib, 'big.bib', undefined, { ...limits, maxFileBytes: 1e6 })).toThrow(expect.objectContaining({ code: 'LDPUB_TOO_LARGE' }));
  });

  it('authors per record past the limit refuse that record only', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ family: `F${i}`, given: 'G' }));
    const r = readFile(JSON.stringify([{ id: 'many', type: 'book', title: 'x', author: many }, { type: 'book', title: 'y' }]), 'a.json', undefined, limits);
    expect(r.records.map((x) => x.title)).toEqual(['y']);
    expect(r.errors[0]?.toLine()).toBe(
      'a.json many: authors "5": more authors and contributors than the limit of 4 per record (set LDPUB_MAX_AUTHORS) [LDPUB_TOO_LARGE]',
    );
  });

  it('file size past the limit, for bytes and for text', () => {
    expect(() => readFile(new Uint8Array(1001).fill(0x41), 'big.txt', undefined, limits)).toThrow(
      expect.objectContaining({ code: 'LDPUB_TOO_LARGE', field: 'size', value: '1001 bytes' }),
    );
    expect(() => readFile('A'.repeat(1001), 'big.txt', undefined, limits)).toThrow(expect.objectContaining({ code: 'LDPUB_TOO_LARGE' }));
  });

  it('a 100,000-item CSL file is refused at once by the default entry limit', () => {
    const items = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ type: 'book', title: `t${i}` })));
    expect(() => readFile(items, 'huge.json')).toThrow(expect.objectContaining({ code: 'LDPUB_TOO_LARGE', value: '100000' }));
  });

  it('limits are set from the environment; bad values keep the default', () => {
    expect(limitsFromEnv({ LDPUB_MAX_ENTRIES: '50', LDPUB_MAX_AUTHORS: 'many', LDPUB_MAX_FILE_BYTES: '0' })).toEqual({ ...DEFAULT_LIMITS, maxEntries: 50 });
  });

  it('every warning code is documented in the README', () => {
    const readme = readFileSync(fixturePath('..', '..', 'README.md'), 'utf8');
    for (const code of [...Object.keys(WarningCodes), 'LDPUB_BAD_ENCODING', 'LDPUB_TOO_LARGE']) expect(readme, code).toContain(code);
  });
});
