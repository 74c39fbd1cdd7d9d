import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import type { WorkType } from '../../src/model/record.js';
import { bibtexReader } from '../../src/readers/bibtex.js';
import type { Projection } from '../citation/projection.js';
import { project } from '../citation/projection.js';
import { writtenBack } from '../citation/round-trip.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bibtex/${name}`, import.meta.url), 'utf8');

/** What each fixture says, read off the file by hand. */
const EXPECTED: [file: string, type: WorkType, id: string, projection: Projection][] = [
  ['elife-01567.bib', 'article', 'Sankar_2014', {
    title: 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth',
    authors: ['Sankar, Martial', 'Nieminen, Kaisa', 'Ragni, Laura', 'Xenarios, Ioannis', 'Hardtke, Christian S'],
    journal: 'eLife', volume: '3', doi: '10.7554/elife.01567',
  }],
  ['complete-article.bib', 'article', 'Article', {
    title: 'Lorem Ipsum', authors: ['Adams, Alice', 'Brody, Bob'], journal: 'The BibTeX Journal', volume: '5', issue: '6', pages: '200-210',
  }],
  ['orcid.bib', 'article', '10.1111_icad.12730', {
    title: 'Mapping wing morphs of Tetrix subulata using citizen science data: Flightless groundhoppers are more prevalent in grasslands near water',
    authors: ['Willighagen, Lars G.', 'Jongejans, Eelke'], journal: 'Insect Conservation and Diversity', doi: '10.1111/icad.12730',
  }],
];

describe('BibTeX reader', () => {
  it.each(EXPECTED)('reads %s as %s %s with the fields of the file, and writes it back', (file, type, id, expected) => {
    const records = bibtexReader.read(fixture(file));
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect([r.type, r.id]).toEqual([type, id]);
    expect(project(r)).toEqual(expected);
    for (const [format, back] of Object.entries(writtenBack(r))) expect(back, format).toEqual(expected);
  });

  it('keeps ORCIDs, dates and ISSNs', () => {
    const [r] = bibtexReader.read(fixture('orcid.bib'));
    expect(r!.authors.map((a) => (a.kind === 'person' ? a.orcid : undefined))).toEqual(['0000-0002-4751-4637', '0000-0003-1148-7419']);
    expect(r!.date).toBe('2024-03-02');
    const [elife] = bibtexReader.read(fixture('elife-01567.bib'));
    expect(elife!.date).toBe('2014-02');
    expect(elife!.container?.issns).toEqual(['2050-084X']);
    expect(elife!.abstract?.[0]?.text).toMatch(/^Among various advantages/);
  });

  it.each([
    ['complete-inbook.bib', 'chapter'],
    ['complete-incollection.bib', 'chapter'],
    ['bolognese-pure-thesis.bib', 'thesis'],
  ] as const)('reads %s as a %s, not an article', (file, type) => {
    expect(bibtexReader.read(fixture(file)).map((r) => r.type)).toEqual([type]);
  });

  it('reads every entry of a file, in order, with name parts', () => {
    const records = bibtexReader.read(fixture('nameparts.bib'));
    expect(records.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].slice(0, records.length));
    expect(records[0]!.authors).toEqual([{ kind: 'person', family: 'B', given: 'A' }]);
    expect(records.every((r) => r.type === 'other')).toBe(true);
  });

  it('reads a braced family-only name with spaces as an organisation', () => {
    const [r] = bibtexReader.read('@article{k, author = {{The Consortium} and Smith, Jo}, title = {T}}');
    expect(r!.authors).toEqual([{ kind: 'organization', name: 'The Consortium' }, { kind: 'person', family: 'Smith', given: 'Jo' }]);
  });

  it.each([
    ['text with no entry', 'just some words', 'LDPUB_NOT_A_RECORD'],
    ['only a comment entry', '@comment{nothing here}', 'LDPUB_BAD_SYNTAX'],
  ])('refuses %s with a named reason', (_what, text, code) => {
    try {
      bibtexReader.read(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LdpubError);
      expect((e as LdpubError).code).toBe(code);
    }
  });

  it('sniffs BibTeX but not JSON or RIS', () => {
    expect(bibtexReader.sniff(fixture('elife-01567.bib'))).toBe(true);
    expect(bibtexReader.sniff('% comment\n@Book(key, title = "x")')).toBe(true);
    expect(bibtexReader.sniff('{"title": "@article{x"}')).toBe(false);
    expect(bibtexReader.sniff('TY  - JOUR\nER  - ')).toBe(false);
  });
});
