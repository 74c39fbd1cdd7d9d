// Property-based tests: random and mutated input never makes the catalog reader throw anything but LdpubError.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { catalogReader } from '../../src/readers/catalog.js';

const seed = readFileSync(new URL('../fixtures/catalog/seed-case-report.txt', import.meta.url), 'utf8');
const seedLines = seed.split('\n');

/** Reads the text; returns the record count, or 0 when the reader refused it with an LdpubError. */
function readOrRefuse(text: string): number {
  try {
    const records = catalogReader.read(text);
    for (const r of records) {
      if (r.locator?.kind === 'pages' && r.locator.last !== undefined) expect(r.locator.last).not.toBe(r.locator.first);
      expect(new Set(r.container?.issns ?? []).size).toBe(r.container?.issns.length ?? 0);
    }
    return records.length;
  } catch (e) {
    if (!(e instanceof LdpubError)) throw e;
    expect(e.code).toBe('LDPUB_NOT_A_RECORD');
    return 0;
  }
}

const LABELS = [
  'Published in:', 'Main Authors: ', 'Main Author:', 'Other Authors: ', 'Corporate Author: ', 'Format: ', 'Language:',
  'Subjects: ', 'Summary:', 'ISSN:', 'EISSN: ', 'ISBN:', 'DOI:', 'Published:', 'Physical Description:', 'Notes: ',
  'Online Access:', 'Tags: ', 'Colour:', 'Loading…', 'Description', '',
];
const label = fc.constantFrom(...LABELS);
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'Kanda, Yutaro, Kakiuchi', 'GTEx Consortium', 'x 2023, Vol.(', ', p.-', 'p.1-1', '2021-08-26, Vol.12 (3), p.e1',
    'doi:', 'https://doi.org/', '1179-5476', 'BackgroundX', 'Spanish; Castilian', '...', '<b>', '\u0000',
  ),
);
const line = fc.tuple(label, value).map(([l, v]) => l + v);
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('catalog reader never throws anything but LdpubError', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => { readOrRefuse(s); }), { numRuns: 500 });
  });

  it('on random unicode and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => { readOrRefuse(s); }),
      { numRuns: 300 },
    );
  });

  it('on random mixes of known labels', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), eol, fc.boolean(), (lines, end, bom) => {
        readOrRefuse((bom ? '\uFEFF' : '') + lines.join(end));
      }),
      { numRuns: 500 },
    );
  });

  it('on mutations of the seed (deleted, duplicated, swapped lines, junk, truncation)', () => {
    const mutation = fc.oneof(
      fc.nat().map((i) => (ls: string[]) => ls.filter((_, j) => j !== i % ls.length)),
      fc.nat().map((i) => (ls: string[]) => [...ls.slice(0, (i % ls.length) + 1), ...ls.slice(i % ls.length)]),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (ls: string[]) => {
        const out = [...ls];
        const i = a % out.length;
        const j = b % out.length;
        [out[i], out[j]] = [out[j] as string, out[i] as string];
        return out;
      }),
      fc.tuple(fc.nat(), fc.string({ maxLength: 30 })).map(([i, junk]) => (ls: string[]) => {
        const out = [...ls];
        out.splice(i % (out.length + 1), 0, junk);
        return out;
      }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.nat(), (mutations, cut) => {
        let lines = seedLines;
        for (const m of mutations) lines = m(lines);
        const text = lines.join('\n');
        readOrRefuse(text);
        readOrRefuse(text.slice(0, cut % (text.length + 1)));
      }),
      { numRuns: 400 },
    );
  });

  it('reads the seed with any line ending, a BOM and extra blank lines the same way', () => {
    const expected = catalogReader.read(seed);
    fc.assert(
      fc.property(eol, fc.boolean(), fc.nat({ max: 3 }), (end, bom, blanks) => {
        const text = (bom ? '\uFEFF' : '') + seedLines.join(end.repeat(1 + blanks));
        expect(catalogReader.read(text)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
