import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { risReader } from '../../src/readers/ris.js';
import type { Projection } from '../citation/projection.js';
import { project } from '../citation/projection.js';
import { writtenBack } from '../citation/round-trip.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ris/${name}`, import.meta.url), 'utf8');

/** What each article record in the fixtures says, read off the files by hand. */
const EXPECTED: [file: string, index: number, projection: Projection][] = [
  ['elife-01567.ris', 0, {
    title: 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth',
    authors: ['Sankar, Martial', 'Nieminen, Kaisa', 'Ragni, Laura', 'Xenarios, Ioannis', 'Hardtke, Christian S'],
    journal: 'eLife', volume: '3', doi: '10.7554/elife.01567',
  }],
  ['rispy-example_basic.ris', 0, {
    title: 'A Mathematical Theory of Communication', authors: ['Shannon, Claude E.'],
    journal: 'Bell System Technical Journal', volume: '27', pages: '379-423',
  }],
  ['rispy-example_full.ris', 0, {
    title: 'Title of reference', authors: ['Marx, Karl', 'Lindgren, Astrid'], journal: 'Lorem', volume: '9', issue: '3', pages: 'e0815',
  }],
  ['rispy-example_empty_tag.ris', 0, {
    title: 'Outcome Measures After Shoulder Stabilization in the Athletic Population: A Systematic Review of Clinical and Patient-Reported Metrics',
    authors: ['Fanning, E.'], journal: 'Orthopaedic Journal of Sports Medicine', volume: '8', issue: '9', doi: '10.1177/2325967120950040',
  }],
];

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof LdpubError) return e.code;
    throw e;
  }
  return undefined;
}

describe('RIS reader', () => {
  it.each(EXPECTED)('reads %s record %i with the fields of the file, and writes it back', (file, index, expected) => {
    const r = risReader.read(fixture(file))[index]!;
    expect(r.type).toBe('article');
    expect(project(r)).toEqual(expected);
    for (const [format, back] of Object.entries(writtenBack(r))) expect(back, format).toEqual(expected);
  });

  it('normalises ISSNs, RIS dates and keeps keywords and editors', () => {
    const [elife] = risReader.read(fixture('elife-01567.ris'));
    expect(elife!.container?.issns).toEqual(['2050-084X']);
    const [empty] = risReader.read(fixture('rispy-example_empty_tag.ris'));
    expect(empty!.container?.issns).toEqual(['2325-9671']);
    expect(empty!.date).toBe('2020');
    const [full] = risReader.read(fixture('rispy-example_full.ris'));
    expect(full!.subjects).toEqual(['Pippi', 'Nordwind', 'Piraten']);
    expect(full!.contributors).toEqual([{ kind: 'person', family: 'Glattauer', given: 'Daniel' }]);
    expect(risReader.read(fixture('rispy-example_basic.ris'))[0]!.date).toBe('1948-07');
  });

  it('reads every record of a file', () => {
    expect(risReader.read(fixture('rispy-example_full.ris'))).toHaveLength(2);
    expect(risReader.read(fixture('rispy-example_urls.ris'))).toHaveLength(4);
  });

  it('reads a thesis as a thesis', () => {
    expect(risReader.read(fixture('bolognese-pure-thesis.ris'))[0]!.type).toBe('thesis');
  });

  it.each([
    ['rispy-example_utf_chars.ris', 'LDPUB_BAD_SYNTAX'], // TY "Journal Article" is not a RIS type
    ['bolognese-ris_bug.ris', 'LDPUB_NOT_A_RECORD'], // "TY -  BOOK" is not a RIS tag line
  ])('refuses %s with a named reason', (file, code) => {
    expect(codeOf(() => risReader.read(fixture(file)))).toBe(code);
  });

  it('names the bad TY value', () => {
    try {
      risReader.read(fixture('rispy-example_utf_chars.ris'));
    } catch (e) {
      expect((e as LdpubError).field).toBe('TY');
      expect((e as LdpubError).value).toBe('Journal Article');
    }
    expect.assertions(2);
  });

  it('sniffs RIS, with or without a byte-order mark', () => {
    expect(risReader.sniff(fixture('elife-01567.ris'))).toBe(true);
    expect(risReader.sniff(fixture('rispy-example_utf_chars.ris'))).toBe(true);
    expect(risReader.sniff('@article{a, title={x}}')).toBe(false);
  });
});
