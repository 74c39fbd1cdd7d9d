import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Record } from '../../src/model/record.js';
import { mapRecord } from '../../src/rdf/map-record.js';
import { readRecords } from '../../src/readers/index.js';

const read = (dir: string, file: string, as = file) =>
  readRecords(readFileSync(new URL(`../fixtures/${dir}/${file}`, import.meta.url), 'utf8'), as);

type Field = 'type' | 'title' | 'authors' | 'container' | 'locator' | 'date' | 'language' | 'doi' | 'abstract' | 'publisher' | 'url' | 'subjects';

/** The Record fields compared across formats; DOIs compare case-insensitively, as DOIs do. */
function comparable(r: Record): { [f in Field]: unknown } {
  return {
    type: r.type,
    title: r.title,
    authors: r.authors,
    container: r.container,
    locator: r.locator,
    date: r.date,
    language: r.language,
    doi: r.doi?.toLowerCase(),
    abstract: r.abstract,
    publisher: r.publisher,
    url: r.url,
    subjects: r.subjects,
  };
}

/**
 * The same eLife article in four formats: what each one cannot carry (or carries differently in the
 * corpus copy), with the reason. The Crossref works JSON is the reference.
 */
const ELIFE: [label: string, dir: string, file: string, excluded: { [f in Field]?: string }][] = [
  ['CSL-JSON', 'csl-json', 'elife-01567.json', {
    container: 'this CSL export leaves out the ISSN (title and volume are compared below)',
    subjects: 'this CSL export has no keywords',
  }],
  ['BibTeX', 'bibtex', 'elife-01567.bib', {
    date: 'year and month only (compared as a prefix below)',
    language: 'the entry has no language field',
    abstract: 'the entry carries only the first two sentences',
    publisher: 'the entry names the publisher differently ("eLife Sciences Organisation, Ltd.")',
    url: 'the entry links to a lookup URL, not the landing page',
    subjects: 'the entry has no keywords',
  }],
  ['RIS', 'ris', 'elife-01567.ris', {
    date: 'year only (compared as a prefix below)',
    language: 'the record has no LA tag',
    abstract: 'the record carries only the first two sentences',
    publisher: 'the record has no PB tag',
    url: 'the record links to a lookup URL, not the landing page',
    subjects: 'the record has no KW tags',
  }],
];

describe('the same article in several formats (gold/elife-01567)', () => {
  const [reference] = read('crossref', 'elife-01567.json');

  it.each(ELIFE)('reading %s yields the Crossref Record apart from the excluded fields', (_label, dir, file, excluded) => {
    const records = read(dir, file);
    expect(records).toHaveLength(1);
    const got = comparable(records[0]!);
    const want = comparable(reference!);
    for (const field of Object.keys(excluded) as Field[]) {
      delete got[field];
      delete want[field];
    }
    expect(got).toEqual(want);
    expect(reference!.date!.startsWith(records[0]!.date!)).toBe(true);
    expect(records[0]!.container?.title).toBe('eLife');
    expect(records[0]!.container?.volume).toBe('3');
  });
});

describe('kinds of work that are not articles', () => {
  it.each([
    ['a dataset in CSL-JSON', 'csl-json', 'dryad-8515-dataset.json', 'dataset'],
    ['a preprint in CSL-JSON', 'csl-json', 'biorxiv-097196.json', 'preprint'],
    ['a book chapter in BibTeX (@inbook)', 'bibtex', 'complete-inbook.bib', 'chapter'],
    ['a chapter in a collection in BibTeX', 'bibtex', 'complete-incollection.bib', 'chapter'],
    ['a thesis in RIS', 'ris', 'bolognese-pure-thesis.ris', 'thesis'],
  ])('maps %s to its own type, never article', (_what, dir, file, type) => {
    const types = read(dir, file).map((r) => r.type);
    expect(types).toEqual([type]);
  });

  it('maps a Crossref book chapter and dataset', () => {
    const work = (type: string) => JSON.stringify({ type, title: ['x'], 'reference-count': 0 });
    expect(readRecords(work('book-chapter'), 'w.json')[0]!.type).toBe('chapter');
    expect(readRecords(work('dataset'), 'w.json')[0]!.type).toBe('dataset');
  });
});

describe('choosing the reader', () => {
  it.each([
    ['by extension .bib', 'bibtex', 'elife-01567.bib', 'x.bib'],
    ['by extension .ris', 'ris', 'elife-01567.ris', 'x.ris'],
    ['by content for BibTeX with an unknown extension', 'bibtex', 'elife-01567.bib', 'x.dat'],
    ['by content for RIS with no extension', 'ris', 'elife-01567.ris', 'record'],
    ['CSL-JSON in a .json file', 'csl-json', 'elife-01567.json', 'x.json'],
    ['Crossref JSON in a .json file', 'crossref', 'elife-01567.json', 'x.json'],
    ['Crossref JSON with no extension', 'crossref', 'elife-01567.json', 'x'],
  ])('reads %s', (_what, dir, file, as) => {
    const [r] = read(dir, file, as);
    expect(r!.title).toBe('Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth');
  });
});

describe('mapping what the format readers produce', () => {
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  const classOf = (r: Record) => {
    const iri = 'https://example.org/record/r1';
    return mapRecord(r, { iri })
      .filter((q) => q.subject.value === iri && q.predicate.value === RDF_TYPE)
      .map((q) => q.object.value)
      .filter((c) => c.startsWith('http://schema.org/'));
  };

  it.each([
    ['csl-json', 'commonmeta-csl-list.json'],
    ['crossref', 'commonmeta-crossref-list_missing_doi.json'],
    ['crossref', 'elife-01567.json'],
    ['bibtex', 'elife-01567.bib'],
    ['ris', 'rispy-example_full.ris'],
  ])('maps every article of %s/%s to a schema:ScholarlyArticle', (dir, file) => {
    const articles = read(dir, file).filter((r) => r.type === 'article');
    expect(articles.length).toBeGreaterThan(0);
    for (const r of articles) expect(classOf(r)).toEqual(['http://schema.org/ScholarlyArticle']);
  });

  it.each([
    ['csl-json', 'dryad-8515-dataset.json', 'http://schema.org/Dataset'],
    ['bibtex', 'complete-inbook.bib', 'http://schema.org/Chapter'],
  ])('maps %s/%s to %s, not to ScholarlyArticle', (dir, file, cls) => {
    expect(classOf(read(dir, file)[0]!)).toEqual([cls]);
  });
});
