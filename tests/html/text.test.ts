import { describe, expect, it } from 'vitest';
import { plainCitation, vancouverName } from '../../src/html/citation.js';
import { displayDate, highwireDate, languageName, pageLanguage, truncate } from '../../src/html/record-text.js';
import { highwireTags } from '../../src/html/meta.js';
import { emptyRecord, type Agent, type Record } from '../../src/model/record.js';

describe('dates', () => {
  it.each([
    ['2023', '2023', '2023'],
    ['2023-05', '2023/05', 'May 2023'],
    ['2023-05-04', '2023/05/04', '4 May 2023'],
    ['Spring 2019', '2019', 'Spring 2019'],
    ['n.d.', undefined, 'n.d.'],
  ])('%s → citation date %s, shown as %s', (date, hw, shown) => {
    expect(highwireDate(date)).toBe(hw);
    expect(displayDate(date)).toBe(shown);
  });
});

describe('names and languages', () => {
  it.each<[Agent, string]>([
    [{ kind: 'person', family: 'Kanda', given: 'Yutaro' }, 'Kanda Y'],
    [{ kind: 'person', family: 'van der Berg', given: 'Simon A. A.' }, 'van der Berg SAA'],
    [{ kind: 'person', family: 'Dupont', given: 'Jean-Pierre' }, 'Dupont JP'],
    [{ kind: 'person', family: 'Plato' }, 'Plato'],
    [{ kind: 'organization', name: 'EFSA Panel' }, 'EFSA Panel'],
  ])('%j in a citation is %s', (agent, expected) => {
    expect(vancouverName(agent)).toBe(expected);
  });

  it.each([
    ['en', 'English', 'en'],
    ['fr', 'French', 'fr'],
    ['pt-BR', 'Brazilian Portuguese', 'pt-BR'],
    ['Klingonese??', 'Klingonese??', 'en'],
  ])('%s is called %s, and the page says lang=%s', (tag, name, lang) => {
    expect(languageName(tag)).toBe(name);
    expect(pageLanguage({ ...emptyRecord(), language: tag })).toBe(lang);
  });
});

describe('the plain citation and page tags', () => {
  const record: Record = {
    ...emptyRecord(),
    title: 'Why ask?',
    authors: [{ kind: 'person', family: 'Smith', given: 'Ann B.' }],
    container: { title: 'J Test', issns: ['1234-5679', '2345-6789'], volume: '3', issue: '2' },
    locator: { kind: 'pages', first: '12', last: '19' },
    date: '2020-01-02',
  };

  it('writes Vancouver-like text', () => {
    expect(plainCitation(record)).toBe('Smith AB. Why ask? J Test. 2020;3(2):12-19.');
    expect(plainCitation(emptyRecord())).toBe('');
  });

  it('gives a page range as firstpage and lastpage, and every ISSN', () => {
    const tags = highwireTags(record, 'http://x/record/r');
    const get = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content);
    expect(get('citation_firstpage')).toEqual(['12']);
    expect(get('citation_lastpage')).toEqual(['19']);
    expect(get('citation_issn')).toEqual(['1234-5679', '2345-6789']);
    expect(get('citation_issue')).toEqual(['2']);
    expect(get('citation_publication_date')).toEqual(['2020/01/02']);
  });

  it('names a chapter\'s book as citation_book_title', () => {
    const tags = highwireTags({ ...record, type: 'chapter' }, 'http://x/record/r');
    expect(tags.map((t) => t.name)).toContain('citation_book_title');
    expect(tags.map((t) => t.name)).not.toContain('citation_journal_title');
  });

  it.each([
    ['short text', 20, 'short text'],
    ['one two three four five', 14, 'one two three…'],
    ['  spaced\n\nout  ', 20, 'spaced out'],
  ])('truncate(%j, %d) = %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });
});
