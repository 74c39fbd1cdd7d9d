// MARC files in a data folder are read record by record, never whole: a generated collection of thousands of records
// with one broken record in the middle is published but for that record, refused on its own with file, record and
// field; binary MARC-8 is read as bytes; an unchanged file is hashed, not evaluated again; workers do the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { isStreamedFile } from '../../src/catalog/evaluate-stream.js';
import { loadGate } from '../../src/validate/gate.js';
import { packageRoot } from '../../src/paths.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const COUNT = 3000;
const BAD = 1500;
let dir: string;

function record(i: number): string {
  const id = `gen-${String(i).padStart(5, '0')}`;
  // Record BAD is not well-formed: a 245 subfield is closed by the wrong tag.
  const title = `<subfield code="a">Generated book ${i} :</subfield${i === BAD ? 'x' : ''}><subfield code="b">a test of streaming /</subfield>`;
  return `<record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">${id}</controlfield>` +
    `<controlfield tag="008">200101s2020    enk           000 0 eng d</controlfield>` +
    `<datafield tag="100" ind1="1" ind2=" "><subfield code="a">Author, Number ${i},</subfield><subfield code="e">author.</subfield></datafield>` +
    `<datafield tag="245" ind1="1" ind2="0">${title}</datafield>` +
    `<datafield tag="264" ind1=" " ind2="1"><subfield code="a">London :</subfield><subfield code="b">Test Press,</subfield><subfield code="c">2020.</subfield></datafield>` +
    `</record>\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ldpub-load-marc-'));
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n'];
  for (let i = 1; i <= COUNT; i++) parts.push(record(i));
  parts.push('</collection>\n');
  writeFileSync(join(dir, 'generated.xml'), parts.join(''));
  copyFileSync(fixturePath('marc', 'cataloguer-marc8.mrc'), join(dir, 'cataloguer-marc8.mrc'));
  copyFileSync(fixturePath('crossref-xml', '10.1103_physrevlett.120.117701.xml'), join(dir, 'prl.xml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summary(catalog: Catalog) {
  const bySource = new Map<string, number>();
  for (const e of catalog.records) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1);
  return { bySource: Object.fromEntries([...bySource].sort()), refused: catalog.refused.map((r) => [r.source, r.code, r.field, r.message]) };
}

describe('MARC in the catalog', () => {
  it('tells a MARC file by extension, and a .xml by its content', async () => {
    expect(await isStreamedFile(join(dir, 'generated.xml'))).toBe(true);
    expect(await isStreamedFile(join(dir, 'cataloguer-marc8.mrc'))).toBe(true);
    expect(await isStreamedFile(join(dir, 'prl.xml'))).toBe(false);
    expect(await isStreamedFile(fixturePath('catalog', 'seed-case-report.txt'))).toBe(false);
  });

  let first: ReturnType<typeof summary>;
  it('publishes every record of a large file but the broken one, which is refused on its own', async () => {
    const storePath = tempDir('store');
    const catalog = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: await loadGate(), storePath });
    first = summary(catalog);
    expect(first.bySource['generated.xml']).toBe(COUNT - 1);
    expect(await catalog.get('gen-01499')).toBeDefined();
    expect((await catalog.get('gen-01501'))?.record.title).toBe('Generated book 1501: a test of streaming');
    expect(await catalog.get('gen-01500')).toBeUndefined();
    expect(first.refused).toEqual([['generated.xml', 'LDPUB_BAD_SYNTAX', 'datafield 245', expect.stringMatching(/^record 1500 \(001 gen-01500\): is not well-formed XML/)]]);
    // Binary MARC-8, read as bytes: every record, diacritics decoded (the whole-file text path refuses such a file).
    expect(first.bySource['cataloguer-marc8.mrc']).toBe(6);
    // Crossref XML beside it is read the usual way.
    expect(first.bySource['prl.xml']).toBe(1);

    // The same bytes written again (a new stamp): hashed as a stream, found unchanged, not evaluated again.
    writeFileSync(join(dir, 'generated.xml'), readFileSync(join(dir, 'generated.xml')));
    const logs: { evaluated?: number; unchanged?: number }[] = [];
    const again = await loadCatalog({ dataDir: dir, base: TEST_BASE, gate: await loadGate(), storePath, logger: { info: (o) => logs.push(o), warn() {} } });
    expect(logs.at(-1)).toEqual(expect.objectContaining({ evaluated: 0, unchanged: 3 }));
    expect(summary(again)).toEqual(first);
  });

  it.each([
    ['bad-leader.mrc', 'LDPUB_MARC_BAD_LEADER', /^leader\/00-04/, 2],
    ['bad-directory.mrc', 'LDPUB_MARC_BAD_DIRECTORY', /^directory entry 2/, 2],
    ['truncated.mrc', 'LDPUB_MARC_TRUNCATED', /^leader\/00-04/, 2],
  ] as const)('%s: the broken record is refused on its own, naming it and the field; the others are published', async (file, code, field, published) => {
    const folder = mkdtempSync(join(tmpdir(), 'ldpub-load-marc-'));
    try {
      copyFileSync(fixturePath('marc', file), join(folder, file));
      const catalog = await loadCatalog({ dataDir: folder, base: TEST_BASE, gate: await loadGate(), storePath: join(folder, '.ldpub') });
      const { bySource, refused } = summary(catalog);
      expect(bySource[file]).toBe(published);
      expect(refused).toEqual([[file, code, expect.stringMatching(field), expect.stringMatching(/^record \d/)]]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the same catalog from worker threads', async () => {
    // Workers run the compiled module (npm test builds it first).
    const built = (await import(join(packageRoot(), 'dist', 'src', 'catalog', 'load.js'))) as typeof import('../../src/catalog/load.js');
    const parallel = await built.loadCatalog({
      dataDir: dir, base: TEST_BASE, gate: () => { throw new Error('the workers must validate, not this thread'); },
      workers: 2, parallelThreshold: 0, storePath: tempDir('store'),
    });
    expect(summary(parallel)).toEqual(first);
  });
});
