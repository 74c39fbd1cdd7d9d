import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { crossrefReader } from '../../src/readers/crossref.js';
import { readRecords } from '../../src/readers/index.js';
import type { Projection } from '../citation/projection.js';
import { project } from '../citation/projection.js';
import { writtenBack } from '../citation/round-trip.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/crossref/${name}`, import.meta.url), 'utf8');
type Work = { [k: string]: unknown };

/** What the Crossref work itself says, computed without the reader (markup removed from titles). */
function expectedFromWork(w: Work): Projection {
  const first = (v: unknown) => (Array.isArray(v) ? (v[0] as string | undefined) : (v as string | undefined));
  const p: Projection = {
    authors: ((w.author as Work[] | undefined) ?? []).map((a) =>
      a.name ? String(a.name) : a.given ? `${String(a.family)}, ${String(a.given)}` : String(a.family),
    ),
  };
  const title = first(w.title)
    ?.replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
  if (title) p.title = title;
  const journal = first(w['container-title']);
  if (journal) p.journal = journal;
  if (w.volume) p.volume = String(w.volume);
  if (w.issue) p.issue = String(w.issue);
  if (w.page) p.pages = String(w.page);
  else if (w['article-number']) p.pages = String(w['article-number']);
  if (w.DOI) p.doi = String(w.DOI);
  return p;
}

/** Fields an output format cannot carry for a corpus work, with the reason. */
const LOSSES: { [nameAndFormat: string]: { field: keyof Projection; reason: string } } = {
  'commonmeta-list #0 bibtex': { field: 'title', reason: 'BibTeX reads "--" in a title as an en dash' },
  'commonmeta-list #15 bibtex': { field: 'journal', reason: 'the angle brackets 〈 〉 do not survive citation-js BibTeX output' },
  'commonmeta-list #4 ris': { field: 'authors', reason: 'a family name with a comma in it ("Elton E. Rodgers, Bill B. Belt") cannot be written unambiguously in RIS' },
  // BibTeX carries no HTML, so its "&nbsp;" is text and survives; CSL-JSON and RIS carry rich text and decode it again.
  'commonmeta-list #19 csl-json': {
    field: 'title',
    reason: 'the source escapes its markup twice ("&amp;nbsp;"); what is left after one decoding ("&nbsp;") is decoded again on reading back',
  },
  'commonmeta-list #19 ris': {
    field: 'title',
    reason: 'the source escapes its markup twice ("&amp;nbsp;"); what is left after one decoding ("&nbsp;") is decoded again on reading back',
  },
};

/** Every Crossref work in the fixtures, named by file and position. */
function works(): [string, Work][] {
  const out: [string, Work][] = [['elife-01567', JSON.parse(fixture('elife-01567.json')) as Work]];
  const list = JSON.parse(fixture('commonmeta-crossref-list_missing_doi.json')) as { items: Work[] };
  list.items.forEach((w, i) => out.push([`commonmeta-list #${i}`, w]));
  const byDoi = JSON.parse(fixture('citation-js-doi-messages.json')) as { [doi: string]: Work[] };
  for (const [doi, [w]] of Object.entries(byDoi)) if (w && 'indexed' in w) out.push([doi, w]);
  return out;
}

describe('Crossref works JSON reader', () => {
  it.each(works())('reads %s with the fields the work gives, and writes it back', (name, work) => {
    const [record] = crossrefReader.read(JSON.stringify(work));
    const expected = expectedFromWork(work);
    expect(project(record!)).toEqual(expected);
    if (record!.type !== 'article') return;
    for (const [format, back] of Object.entries(writtenBack(record!))) {
      const loss = LOSSES[`${name} ${format}`] ?? LOSSES[`${name} *`];
      if (loss) {
        expect(back[loss.field]).not.toEqual(expected[loss.field]);
        expect({ ...back, [loss.field]: undefined }).toEqual({ ...expected, [loss.field]: undefined });
      } else {
        expect(back, format).toEqual(expected);
      }
    }
  });

  it('reads the `{status, message}` envelope and a list envelope', () => {
    const message = JSON.parse(fixture('elife-01567.json')) as Work;
    const envelope = JSON.stringify({ status: 'ok', 'message-type': 'work', message });
    expect(crossrefReader.read(envelope)).toEqual(crossrefReader.read(JSON.stringify(message)));
    expect(crossrefReader.read(fixture('commonmeta-crossref-list_missing_doi.json'))).toHaveLength(20);
  });

  it('maps the eLife work in full', () => {
    const [r] = crossrefReader.read(fixture('elife-01567.json'));
    expect(r).toMatchObject({
      type: 'article',
      date: '2014-02-11',
      language: 'en',
      doi: '10.7554/elife.01567',
      container: { title: 'eLife', issns: ['2050-084X'], volume: '3' },
      publisher: 'eLife Sciences Publications, Ltd',
      url: 'https://elifesciences.org/articles/01567',
      subjects: ['General Immunology and Microbiology', 'General Biochemistry, Genetics and Molecular Biology', 'General Medicine', 'General Neuroscience'],
    });
    expect(r!.id).toBeUndefined();
    expect(r!.abstract).toHaveLength(1);
    expect(r!.abstract![0]!.text).toMatch(/^Among various advantages, .* phloem pole formation\.$/);
  });

  it.each([
    ['journal-article', 'article'],
    ['proceedings-article', 'conference-paper'],
    ['book-chapter', 'chapter'],
    ['dataset', 'dataset'],
    ['posted-content', 'preprint'],
    ['peer-review', 'review'],
    ['dissertation', 'thesis'],
    ['component', 'other'],
  ])('maps Crossref type %s to %s', (type, expected) => {
    const [r] = crossrefReader.read(JSON.stringify({ type, title: ['x'], 'reference-count': 0 }));
    expect(r!.type).toBe(expected);
  });

  it('takes the article number, typed ISSNs, ORCIDs and structured JATS abstracts', () => {
    const [r] = crossrefReader.read(
      JSON.stringify({
        type: 'journal-article',
        title: ['x'],
        'article-number': '11795476231171891',
        ISSN: ['1179-5476'],
        'issn-type': [{ value: '1179-5476', type: 'electronic' }, { value: '1179-5477', type: 'print' }],
        author: [{ given: 'Yutaro', family: 'Kanda', ORCID: 'http://orcid.org/0000-0002-1825-0097', sequence: 'first' }],
        'published-print': { 'date-parts': [[2023, 5]] },
        abstract: '<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title><jats:p>A.</jats:p></jats:sec><jats:sec><jats:title>Conclusions</jats:title><jats:p>B <jats:italic>c</jats:italic>.</jats:p></jats:sec>',
      }),
    );
    expect(r).toMatchObject({
      locator: { kind: 'article-number', value: '11795476231171891' },
      container: { issns: ['1179-5476', '1179-5477'] },
      authors: [{ kind: 'person', family: 'Kanda', given: 'Yutaro', orcid: '0000-0002-1825-0097' }],
      date: '2023-05',
      abstract: [
        { heading: 'Background', text: 'A.' },
        { heading: 'Conclusions', text: 'B c.' },
      ],
    });
  });

  it('refuses JSON that holds no work', () => {
    expect(() => crossrefReader.read('{"status":"ok","message":{}}')).toThrow(LdpubError);
  });

  it('is chosen by content for a .json file', () => {
    const [viaJson] = readRecords(fixture('elife-01567.json'), 'work.json');
    expect(viaJson!.subjects).toHaveLength(4);
    expect(crossrefReader.sniff(fixture('elife-01567.json'))).toBe(true);
    expect(crossrefReader.sniff(readFileSync(new URL('../fixtures/csl-json/elife-01567.json', import.meta.url), 'utf8'))).toBe(false);
  });
});
