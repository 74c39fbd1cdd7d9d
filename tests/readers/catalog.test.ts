// Table-driven tests of the catalog reader: every tests/fixtures/catalog/<case>.txt against <case>.expected.json.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { catalogReader } from '../../src/readers/catalog.js';
import { readRecords } from '../../src/readers/index.js';

const dir = new URL('../fixtures/catalog/', import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();

/** Set UPDATE_GOLDEN=1 to (re)write the expected files; review the diff before committing. */
const update = process.env.UPDATE_GOLDEN === '1';

describe('catalog reader fixtures', () => {
  it('has the seed and at least eight more cases', () => {
    expect(cases).toContain('seed-case-report');
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases)('%s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const records = catalogReader.read(text);
    expect(records).toHaveLength(1);
    const expectedFile = new URL(`${name}.expected.json`, dir);
    if (update) writeFileSync(expectedFile, `${JSON.stringify(records[0], null, 2)}\n`);
    const expected: unknown = JSON.parse(readFileSync(expectedFile, 'utf8'));
    expect(records[0]).toEqual(expected);
  });
});

describe('catalog reader on the seed', () => {
  const seed = readFileSync(new URL('seed-case-report.txt', dir), 'utf8');
  const [record] = catalogReader.read(seed);

  it('never publishes a glued heading, an equal-ended range or a repeated ISSN', () => {
    expect(JSON.stringify(record)).not.toContain('BackgroundPrimary');
    expect(record?.locator).toEqual({ kind: 'article-number', value: '11795476231171891' });
    expect(record?.container?.issns).toEqual(['1179-5476']);
  });

  it('is chosen by extension and by content', () => {
    expect(readRecords(seed, '000_dbb0811b20e3e0e2.txt')).toEqual([record]);
    expect(catalogReader.sniff(seed)).toBe(true);
    expect(catalogReader.sniff('{"title": "x"}')).toBe(false);
    expect(catalogReader.sniff('TY  - JOUR\nER  -')).toBe(false);
  });
});

const NOT_RECORDS: [string, string, string][] = [
  ['empty', '', ''],
  ['whitespace', ' \r\n\t\n', ''],
  ['binary', '\u0000\u0001\u0002PK\u0003\u0004junk', 'U+0000'],
  ['mostly control characters', 'ab\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f', 'U+0001'],
  ['an HTML page', '<!DOCTYPE html>\n<html><head><title>Record</title></head><body>DOI:10.1/x</body></html>', '<!DOCTYPE html>'],
  ['an HTML fragment', 'Title\n<html lang="en"><body><p>Published in:X</p></body></html>', 'Title'],
  ['an XML document', '\uFEFF  \n<?xml version="1.0"?>\n<record>Published in: X</record>', '<?xml version="1.0"?>'],
  ['no fields', 'Just a title\nand some prose: with a colon', 'Just a title'],
  ['only unknown labels', 'Title\nColour: red\nShape: round', 'Title'],
];

describe('catalog reader refuses what is not a record', () => {
  it.each(NOT_RECORDS)('%s', (_name, text, value) => {
    let caught: unknown;
    try {
      catalogReader.read(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LdpubError);
    const error = caught as LdpubError;
    expect(error.code).toBe('LDPUB_NOT_A_RECORD');
    expect(error.field).toBe('content');
    expect(error.value).toBe(value);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('names the file when read through readRecords', () => {
    expect(() => readRecords('', 'empty.txt')).toThrow(
      expect.objectContaining({ code: 'LDPUB_NOT_A_RECORD', record: 'empty.txt', field: 'content' }),
    );
  });
});
