// Highwire tags per work type, as Google Scholar's inclusion guidelines name them, and the other head tags per type.
import { describe, expect, it } from 'vitest';
import { dublinCoreTags, highwireTags, openGraphTags } from '../../src/html/meta.js';
import { emptyRecord, type Record } from '../../src/model/record.js';

const IRI = 'https://example.org/record/r';

function values(record: Record, name: string): string[] {
  return highwireTags(record, IRI).filter((t) => t.name === name).map((t) => t.content);
}
function names(record: Record): string[] {
  return highwireTags(record, IRI).map((t) => t.name ?? '');
}

const base: Record = {
  ...emptyRecord(),
  title: 'A title',
  authors: [
    { kind: 'person', family: 'Smith', given: 'Ann', orcid: '0000-0002-1825-0097', affiliations: [{ name: 'University of Leeds', ror: 'https://ror.org/024mrxd33' }, { name: 'CERN' }] },
    { kind: 'person', family: 'Li', given: 'Bo' },
  ],
  date: '2019-05',
  publisher: 'Springer',
};

describe('Highwire tags per work type', () => {
  it('an article: journal title, ISSN, volume, issue, first and last page', () => {
    const article: Record = { ...base, container: { title: 'J Test', issns: ['1234-5679'], volume: '3', issue: '2' }, locator: { kind: 'pages', first: '12', last: '19' } };
    expect(values(article, 'citation_journal_title')).toEqual(['J Test']);
    expect(values(article, 'citation_issn')).toEqual(['1234-5679']);
    expect(values(article, 'citation_firstpage')).toEqual(['12']);
    expect(values(article, 'citation_lastpage')).toEqual(['19']);
    expect(values(article, 'citation_publisher')).toEqual(['Springer']);
  });

  it('each author is followed by one citation_author_institution per affiliation; no ORCID tag is invented', () => {
    const tags = highwireTags(base, IRI).filter((t) => t.name?.startsWith('citation_author'));
    expect(tags.map((t) => `${t.name}=${t.content}`)).toEqual([
      'citation_author=Smith, Ann',
      'citation_author_institution=University of Leeds',
      'citation_author_institution=CERN',
      'citation_author=Li, Bo',
    ]);
    expect(names(base).some((n) => /orcid/.test(n))).toBe(false);
  });

  it('a book: ISBN and publisher, no journal title', () => {
    const book: Record = { ...base, type: 'book', isbns: ['9780262033848'] };
    expect(values(book, 'citation_isbn')).toEqual(['9780262033848']);
    expect(values(book, 'citation_publisher')).toEqual(['Springer']);
    expect(names(book)).not.toContain('citation_journal_title');
  });

  it('a chapter: the book title and the book\'s ISBN, no journal title', () => {
    const chapter: Record = { ...base, type: 'chapter', container: { kind: 'book', title: 'The Book', issns: [], isbns: ['9780262033848'] }, locator: { kind: 'pages', first: '1', last: '20' } };
    expect(values(chapter, 'citation_book_title')).toEqual(['The Book']);
    expect(values(chapter, 'citation_isbn')).toEqual(['9780262033848']);
    expect(names(chapter)).not.toContain('citation_journal_title');
    expect(names(chapter)).not.toContain('citation_inbook_title');
  });

  it('a conference paper: the conference title', () => {
    const paper: Record = { ...base, type: 'conference-paper', container: { kind: 'proceedings', title: 'Proc. TQC 2013', issns: [] } };
    expect(values(paper, 'citation_conference_title')).toEqual(['Proc. TQC 2013']);
    expect(names(paper)).not.toContain('citation_journal_title');
  });

  it('a thesis: the awarding institution, no journal title even when a reader found a container', () => {
    const thesis: Record = { ...base, type: 'thesis', institution: { name: 'Technische Universiteit Eindhoven' }, container: { title: 'Bouwstenen', issns: [] } };
    expect(values(thesis, 'citation_dissertation_institution')).toEqual(['Technische Universiteit Eindhoven']);
    expect(names(thesis)).not.toContain('citation_journal_title');
    const granted: Record = { ...base, type: 'thesis', contributors: [{ kind: 'organization', name: 'Uni X', role: 'degree-grantor' }] };
    expect(values(granted, 'citation_dissertation_institution')).toEqual(['Uni X']);
  });

  it('a report: the institution and the report number', () => {
    const report: Record = { ...base, type: 'report', institution: { name: 'CERN' }, series: { title: 'CERN Yellow Reports', number: 'CERN-2018-001' } };
    expect(values(report, 'citation_technical_report_institution')).toEqual(['CERN']);
    expect(values(report, 'citation_technical_report_number')).toEqual(['CERN-2018-001']);
    const numbered: Record = { ...report, series: undefined, identifiers: [{ scheme: 'report-number', value: 'TR-7' }] };
    expect(values(numbered, 'citation_technical_report_number')).toEqual(['TR-7']);
    expect(names(report)).not.toContain('citation_journal_title');
  });
});

describe('Dublin Core and Open Graph per work type', () => {
  it.each([
    ['article', 'Text', 'article'],
    ['book', 'Text', 'book'],
    ['dataset', 'Dataset', 'article'],
    ['software', 'Software', 'article'],
  ] as const)('%s is DC.type %s, og:type %s', (type, dc, og) => {
    const record = { ...base, type };
    expect(dublinCoreTags(record, IRI).find((t) => t.name === 'DC.type')?.content).toBe(dc);
    expect(openGraphTags(record, IRI, 'ldpub').find((t) => t.property === 'og:type')?.content).toBe(og);
  });
});
