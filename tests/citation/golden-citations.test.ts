// Formatted citations of an article with pages, one with an article number, a book, a chapter and a thesis, in every
// shipped style, in en-US and de-DE: golden files reviewed against each style's documented examples, plus the rules
// that decide them asserted on their own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCitation, listStyles } from '../../src/citation/index.js';
import { bibliographyOnly, citeprocItem } from '../../src/citation/format-citation.js';
import { localeXml, styleXml } from '../../src/citation/styles.js';
import type { Record } from '../../src/model/record.js';
import { expectGolden } from '../helpers/golden.js';

const FIXTURES = new URL('../fixtures/citation/', import.meta.url);
const RECORDS = ['seed', 'article-pages', 'book', 'chapter', 'thesis'] as const;
const LOCALES = ['en-US', 'de-DE'] as const;

function load(name: string): Record {
  return JSON.parse(readFileSync(new URL(`${name}.record.json`, FIXTURES), 'utf8')) as Record;
}

const records = Object.fromEntries(RECORDS.map((n) => [n, load(n)])) as { [n in (typeof RECORDS)[number]]: Record };

function cite(name: (typeof RECORDS)[number], style: string, locale = 'en-US'): string {
  const record = records[name];
  const id = record.id ?? name;
  return formatCitation(record, { id, uri: `https://example.org/record/${id}` }, { style, locale });
}

describe.each(RECORDS)('%s in every shipped style', (name) => {
  it('matches its golden file (tests/fixtures/citation/<name>.citations.txt)', () => {
    const lines: string[] = [];
    for (const style of listStyles()) for (const locale of LOCALES) lines.push(`## ${style} ${locale}`, cite(name, style, locale), '');
    expectGolden(lines.join('\n'), fileURLToPath(new URL(`${name}.citations.txt`, FIXTURES)));
  });
});

describe('an article number (the seed: 11795476231171891) is never printed as a page', () => {
  it.each(listStyles().flatMap((s) => LOCALES.map((l) => [s, l] as const)))('%s %s', (style, locale) => {
    const text = cite('seed', style, locale);
    expect(text).toContain('11795476231171891');
    expect(text).not.toMatch(/\b(p|S|pp)\. 11795476231171891/);
  });

  it('APA 7 labels it "Article" (APA example 6), German "Artikel"', () => {
    expect(cite('seed', 'apa')).toContain('Case Reports, 16, Article 11795476231171891. https://doi.org/10.1177/11795476231171891');
    expect(cite('seed', 'apa', 'de-DE')).toContain('16, Artikel 11795476231171891.');
  });

  it('IEEE labels it "Art. no." and prints the DOI', () => {
    expect(cite('seed', 'ieee')).toContain('vol. 16, Art. no. 11795476231171891, 2023, doi: 10.1177/11795476231171891.');
  });

  it('MLA gives it as a number after the volume', () => {
    expect(cite('seed', 'mla')).toContain('vol. 16, no. 11795476231171891, 2023, https://doi.org/10.1177/11795476231171891.');
  });

  it('Nature puts it where the pages go, unlabelled', () => {
    expect(cite('seed', 'nature')).toContain('Case reports 16, 11795476231171891 (2023).');
  });

  it('Vancouver and Chicago put it where the pages go', () => {
    expect(cite('seed', 'vancouver')).toContain('2023;16:11795476231171891. doi:10.1177/11795476231171891');
    expect(cite('seed', 'chicago')).toContain('Case Reports 16: 11795476231171891. https://doi.org/');
  });

  it('Harvard (Cite Them Right), which has no place for it, leaves it out rather than print "p."', () => {
    expect(cite('seed', 'harvard')).toContain('Clinical medicine insights. Case reports, 16. Available at: https://doi.org/10.1177/11795476231171891.');
  });
});

describe('page ranges are pages', () => {
  it.each([
    ['apa', 'Deutsche Entomologische Zeitschrift, 47(1), 105–108. https://doi.org/10.1002/mmnd.4800470110'],
    ['ieee', 'vol. 47, no. 1, pp. 105–108, Jun. 2000, doi: 10.1002/mmnd.4800470110.'],
    ['harvard', 'Deutsche Entomologische Zeitschrift, 47(1), pp. 105–108.'],
    ['mla', 'vol. 47, no. 1, June 2000, pp. 105–08'],
    ['vancouver', 'Deutsche Entomologische Zeitschrift. 2000 Jun 26;47(1):105–8.'],
    ['nature', 'Deutsche Entomologische Zeitschrift 47, 105–108 (2000).'],
    ['chicago', 'Deutsche Entomologische Zeitschrift 47 (1): 105–8.'],
  ])('%s: %s', (style, expected) => {
    expect(cite('article-pages', style)).toContain(expected);
  });
});

describe('books, chapters and theses follow their own patterns', () => {
  // CSL never re-cases a title into sentence case: the record's capitalisation is printed as given.
  it('APA 7 book with an editor and an edition', () => {
    expect(cite('book', 'apa')).toBe(
      'Patrias, K. (2007). Citing Medicine: The NLM Style Guide for Authors, Editors, and Publishers (D. Wendling, Ed.; 2nd ed.). National Library of Medicine (US). http://www.nlm.nih.gov/citingmedicine',
    );
  });

  it('Vancouver book as Citing Medicine gives its own entry', () => {
    expect(cite('book', 'vancouver')).toBe(
      'Patrias K. Citing Medicine: The NLM Style Guide for Authors, Editors, and Publishers [Internet]. 2nd ed. Wendling D, editor. Bethesda (MD): National Library of Medicine (US); 2007. Available from: http://www.nlm.nih.gov/citingmedicine',
    );
  });

  it('APA 7 edited-book chapter (APA Style example: Aron, Botella & Lubart, 2019)', () => {
    expect(cite('chapter', 'apa')).toBe(
      'Aron, L., Botella, M., & Lubart, T. (2019). Culinary arts: Talent and their development. In R. F. Subotnik, P. Olszewski-Kubilius, & F. C. Worrell (Eds.), The psychology of high performance: Developing human potential into domain-specific talent (pp. 345–359). American Psychological Association. https://doi.org/10.1037/0000120-016',
    );
  });

  it('APA 7 doctoral dissertation names the degree and the institution in brackets', () => {
    expect(cite('thesis', 'apa')).toContain('[Doctoral dissertation, Technische Universiteit Eindhoven]');
  });

  it('no book, chapter or thesis is printed as a journal article', () => {
    for (const style of listStyles()) {
      expect(cite('book', style)).toContain('National Library of Medicine (US)');
      expect(cite('thesis', style)).toContain('Technische Universiteit Eindhoven');
    }
  });
});

describe('the engine runs each style without its bibliography sort and in-text citation', () => {
  const require = createRequire(import.meta.url);
  const CSL = require('citeproc') as { Engine: new (sys: object, style: string, lang: string, force: boolean) => { updateItems(ids: string[]): void; makeBibliography(): [unknown, string[]]; setOutputFormat(f: string): void } };

  it('keeps the bibliography layout and drops only the sort and the citation layout', () => {
    const xml = styleXml('apa');
    const trimmed = bibliographyOnly(xml);
    expect(trimmed).toContain('<citation><layout><text value="cite"/></layout></citation>');
    const layout = (s: string) => /<bibliography\b[\s\S]*?(<layout[\s\S]*<\/layout>)/.exec(s)?.[1];
    expect(layout(trimmed)).toBe(layout(xml));
    expect(/<bibliography\b[\s\S]*<\/bibliography>/.exec(trimmed)?.[0]).not.toContain('<sort>');
  });

  it.each(listStyles())('%s prints the same entries as the full style', (style) => {
    let current: object | undefined;
    const engine = new CSL.Engine({ retrieveLocale: localeXml, retrieveItem: () => current }, styleXml(style), 'en-US', true);
    engine.setOutputFormat('text');
    for (const name of RECORDS) {
      const record = records[name];
      const id = record.id ?? name;
      current = { ...citeprocItem(record, { id, uri: `https://example.org/record/${id}` }, style), id: name };
      engine.updateItems([name]);
      const full = engine.makeBibliography()[1][0] ?? '';
      const ours = cite(name, style);
      expect(full.replace(/\s+/g, ' ').trim()).toContain(ours.replace(/^(\[1\]|1\.)\s*/, ''));
    }
  });
});
