import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBibtex, toCslJson, toRis } from '../../src/citation/index.js';
import type { Record } from '../../src/model/record.js';
import { bibtexReader } from '../../src/readers/bibtex.js';
import { cslJsonReader } from '../../src/readers/csl-json.js';
import { risReader } from '../../src/readers/ris.js';
import { project } from './projection.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/citation/seed.record.json', import.meta.url), 'utf8')) as Record;
const ctx = { id: '000_dbb0811b20e3e0e2', uri: 'https://example.org/record/000_dbb0811b20e3e0e2' };

describe('toCslJson', () => {
  it('maps the seed to a CSL item', () => {
    const item = toCslJson(seed, ctx);
    expect(item).toMatchObject({
      id: ctx.id,
      type: 'article-journal',
      'container-title': 'Clinical medicine insights. Case reports',
      ISSN: '1179-5476',
      volume: '16',
      number: '11795476231171891',
      page: '11795476231171891',
      issued: { 'date-parts': [[2023]] },
      language: 'en',
      DOI: '10.1177/11795476231171891',
      URL: ctx.uri,
    });
    expect((item.author as { family: string }[]).map((a) => a.family)).toEqual([
      'Kanda', 'Kakiuchi', 'Yurube', 'Takeoka', 'Miyazaki', 'Kuroda', 'Kakutani',
    ]);
    expect(item.abstract).toMatch(/^Background: Primary spinal .* Case presentation: We report .* Conclusions: Separation surgery/);
    expect(item).not.toHaveProperty('genre');
  });

  it.each([
    ['dataset', 'dataset'],
    ['chapter', 'chapter'],
    ['preprint', 'article'],
    ['conference-paper', 'paper-conference'],
    ['other', 'document'],
  ] as const)('writes type %s as CSL %s', (type, csl) => {
    expect(toCslJson({ ...seed, type }, ctx).type).toBe(csl);
  });
});

describe.each([
  ['BibTeX', toBibtex, bibtexReader],
  ['RIS', toRis, risReader],
  ['CSL-JSON', (r: Record, c: typeof ctx) => JSON.stringify(toCslJson(r, c)), cslJsonReader],
] as const)('%s output of the seed', (_name, write, reader) => {
  it('parses back to the same title, authors, journal, volume, article number and DOI', () => {
    const back = reader.read(write(seed, ctx));
    expect(back).toHaveLength(1);
    expect(project(back[0]!)).toEqual(project(seed));
    expect(back[0]!.locator).toEqual({ kind: 'article-number', value: '11795476231171891' });
    expect(back[0]!.id).toBe(ctx.id);
  });
});

describe('toBibtex and toRis', () => {
  it('key the BibTeX entry with the record id', () => {
    expect(toBibtex(seed, ctx)).toMatch(/^@article\{000_dbb0811b20e3e0e2,\n/);
  });

  it('write a RIS record from TY to ER with the article number as C7', () => {
    const ris = toRis(seed, ctx);
    expect(ris).toMatch(/^TY {2}- JOUR\n/);
    expect(ris).toMatch(/\nER {2}-\s*$/);
    expect(ris).toContain('C7  - 11795476231171891');
    // Every line is a tag line: long values are not broken over lines (citation-js breaks them at 70).
    for (const line of ris.trimEnd().split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-/);
    expect(ris).toContain(`TI  - ${seed.title}\n`);
  });
});

function fixture(name: string): Record {
  return JSON.parse(readFileSync(new URL(`../fixtures/citation/${name}.record.json`, import.meta.url), 'utf8')) as Record;
}
const ctxOf = (r: Record) => ({ id: r.id ?? 'x', uri: `https://example.org/record/${r.id ?? 'x'}` });

describe('types per work type', () => {
  it.each([
    ['article', 'article-journal', 'article', 'JOUR'],
    ['review', 'review', 'article', 'JOUR'],
    ['preprint', 'article', 'misc', 'UNPB'],
    ['conference-paper', 'paper-conference', 'inproceedings', 'CPAPER'],
    ['chapter', 'chapter', 'incollection', 'CHAP'],
    ['book', 'book', 'book', 'BOOK'],
    ['report', 'report', 'techreport', 'RPRT'],
    ['thesis', 'thesis', 'phdthesis', 'THES'],
    ['dataset', 'dataset', 'dataset', 'DATA'],
    ['software', 'software', 'software', 'COMP'],
    ['blog-post', 'post-weblog', 'online', 'BLOG'],
    ['other', 'document', 'misc', 'GEN'],
  ] as const)('%s is CSL %s, BibTeX @%s, RIS %s', (type, csl, bibtex, ris) => {
    const record = { ...seed, type };
    expect(toCslJson(record, ctx).type).toBe(csl);
    expect(toBibtex(record, ctx)).toMatch(new RegExp(`^@${bibtex}\\{`));
    expect(toRis(record, ctx)).toMatch(new RegExp(`^TY {2}- ${ris}\\n`));
  });

  it('a master\'s thesis is @mastersthesis', () => {
    expect(toBibtex({ ...fixture('thesis'), genre: "Master's thesis" }, ctx)).toMatch(/^@mastersthesis\{/);
  });
});

describe('BibTeX dates', () => {
  const article = fixture('article-pages');
  it('writes the month as a month macro and the full date as biblatex date, never "{jun 26}"', () => {
    const bib = toBibtex(article, ctxOf(article));
    expect(bib).toContain('\tmonth = jun,\n');
    expect(bib).toContain('\tdate = {2000-06-26},\n');
    expect(bib).toContain('\tyear = {2000},\n');
    expect(bib).not.toMatch(/month = \{/);
  });

  it('writes no month for a year alone, and reads back the same date', () => {
    expect(toBibtex(seed, ctx)).not.toContain('month');
    expect(bibtexReader.read(toBibtex(article, ctxOf(article)))[0]!.date).toBe('2000-06-26');
  });
});

describe('the new Record fields in CSL-JSON, BibTeX and RIS', () => {
  const book = fixture('book');
  const chapter = fixture('chapter');
  const thesis = fixture('thesis');

  it('editors are editors, other roles their CSL names, organisations given no role are left out', () => {
    const record: Record = {
      ...book,
      contributors: [
        ...book.contributors,
        { kind: 'person', family: 'Lee', given: 'Ann', role: 'translator' },
        { kind: 'person', family: 'Roe', given: 'Rick', role: 'supervisor' },
        { kind: 'organization', name: 'Funder Inc.', role: 'sponsor' },
      ],
    };
    const item = toCslJson(record, ctxOf(record));
    expect(item.editor).toEqual([{ family: 'Wendling', given: 'Dan' }]);
    expect(item.translator).toEqual([{ family: 'Lee', given: 'Ann' }]);
    expect(item.contributor).toEqual([{ family: 'Roe', given: 'Rick' }]);
    expect(JSON.stringify(item)).not.toContain('Funder');
    const bib = toBibtex(record, ctxOf(record));
    expect(bib).toContain('\teditor = {Wendling, Dan},\n');
    expect(bib).toContain('\ttranslator = {Lee, Ann},\n');
    const ris = toRis(record, ctxOf(record));
    expect(ris).toContain('A2  - Wendling, Dan\n');
    expect(ris).toContain('A4  - Lee, Ann\n');
  });

  it('a book carries edition, publisher and place', () => {
    expect(toCslJson(book, ctxOf(book))).toMatchObject({ type: 'book', edition: '2', publisher: 'National Library of Medicine (US)', 'publisher-place': 'Bethesda (MD)' });
    const bib = toBibtex(book, ctxOf(book));
    for (const line of ['edition = {2}', 'publisher = {National Library of Medicine (US)}', 'address = {Bethesda (MD)}']) expect(bib).toContain(line);
    const ris = toRis(book, ctxOf(book));
    for (const line of ['ET  - 2', 'PB  - National Library of Medicine (US)', 'CY  - Bethesda (MD)']) expect(ris).toContain(`${line}\n`);
  });

  it('a chapter names its book as booktitle / T2, with editors and pages', () => {
    const bib = toBibtex(chapter, ctxOf(chapter));
    expect(bib).toMatch(/^@incollection\{aron-2019,/);
    expect(bib).toContain('\tbooktitle = {The psychology of high performance: Developing human potential into domain-specific talent},');
    expect(bib).toContain('\tpages = {345--359},');
    expect(bib).not.toContain('journal');
    const ris = toRis(chapter, ctxOf(chapter));
    for (const line of ['TY  - CHAP', 'T2  - The psychology of high performance: Developing human potential into domain-specific talent', 'SP  - 345', 'EP  - 359', 'A2  - Subotnik, R. F.']) expect(ris).toContain(`${line}\n`);
  });

  it('a thesis names its institution as school / PB, with ISBN, series and genre', () => {
    expect(toCslJson(thesis, ctxOf(thesis))).toMatchObject({ type: 'thesis', publisher: 'Technische Universiteit Eindhoven', genre: 'Doctoral dissertation', ISBN: '9789038645032', 'collection-title': 'Bouwstenen' });
    const bib = toBibtex(thesis, ctxOf(thesis));
    expect(bib).toMatch(/^@phdthesis\{toparlar-2018,/);
    for (const line of ['school = {Technische Universiteit Eindhoven}', 'type = {Doctoral dissertation}', 'isbn = {9789038645032}', 'series = {Bouwstenen}', 'month = apr']) expect(bib).toContain(line);
    const ris = toRis(thesis, ctxOf(thesis));
    for (const line of ['TY  - THES', 'PB  - Technische Universiteit Eindhoven', 'M3  - Doctoral dissertation', 'SN  - 9789038645032', 'T3  - Bouwstenen', 'DA  - 2018/04/25/']) expect(ris).toContain(`${line}\n`);
  });

  it('a report carries its institution and number', () => {
    const report: Record = { ...thesis, type: 'report', genre: 'Technical report', institution: { name: 'CERN' }, isbns: [], series: { title: 'CERN Yellow Reports', number: 'CERN-2018-001' } };
    expect(toCslJson(report, ctxOf(report))).toMatchObject({ type: 'report', publisher: 'CERN', number: 'CERN-2018-001' });
    const bib = toBibtex(report, ctxOf(report));
    for (const line of ['@techreport{', 'institution = {CERN}', 'number = {CERN-2018-001}']) expect(bib).toContain(line);
    const ris = toRis(report, ctxOf(report));
    for (const line of ['TY  - RPRT', 'PB  - CERN', 'SN  - CERN-2018-001']) expect(ris).toContain(`${line}\n`);
  });

  it('ORCIDs go to CSL names and BibLaTeX annotations; the licence to CSL license', () => {
    const record: Record = { ...seed, license: 'https://creativecommons.org/licenses/by/4.0/', authors: [{ kind: 'person', family: 'Kanda', given: 'Yutaro', orcid: '0000-0002-1825-0097' }] };
    expect(toCslJson(record, ctx)).toMatchObject({ license: 'https://creativecommons.org/licenses/by/4.0/', author: [{ family: 'Kanda', ORCID: 'https://orcid.org/0000-0002-1825-0097' }] });
    expect(toBibtex(record, ctx)).toContain('\tauthor+an:orcid = {1="https://orcid.org/0000-0002-1825-0097"},');
    expect(bibtexReader.read(toBibtex(record, ctx))[0]!.authors[0]).toMatchObject({ orcid: '0000-0002-1825-0097' });
  });

  it('RIS writes one KW line per subject, commas kept', () => {
    const ris = toRis({ ...seed, subjects: ['Spine, neoplasms', 'IMRT'] }, ctx);
    expect(ris).toContain('KW  - Spine, neoplasms\nKW  - IMRT\n');
  });
});
