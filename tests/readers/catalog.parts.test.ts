// Table-driven tests of the catalog reader's parts: Published in, author lists, abstract headings, identifiers.
import { describe, expect, it } from 'vitest';
import { splitAbstract } from '../../src/readers/catalog/abstract.js';
import { issnsFrom, languageCode } from '../../src/readers/catalog/identifiers.js';
import { normalizeDoi } from '../../src/readers/shared/identifiers.js';
import { parseNameList } from '../../src/readers/catalog/names.js';
import { parsePublishedIn } from '../../src/readers/catalog/published-in.js';

describe('Published in', () => {
  it.each([
    ['PLoS ONE 2021-08-26, Vol.12 (3), p.e0229874', { journal: 'PLoS ONE', date: '2021-08-26', volume: '12', issue: '3', locator: { kind: 'article-number', value: 'e0229874' } }],
    ['Heredity 2013-08, Vol.111 (2), p.122-130', { journal: 'Heredity', date: '2013-08', volume: '111', issue: '2', locator: { kind: 'pages', first: '122', last: '130' } }],
    ['Annals 1999, Vol.4, p.233', { journal: 'Annals', date: '1999', volume: '4', locator: { kind: 'pages', first: '233' } }],
    ['Annals 1999, Vol.4, p.xii-xii', { journal: 'Annals', date: '1999', volume: '4', locator: { kind: 'pages', first: 'xii' } }],
    ['X 2017, Vol.284 (1855), p.20170132-20170132', { journal: 'X', date: '2017', volume: '284', issue: '1855', locator: { kind: 'article-number', value: '20170132' } }],
    ['BMC Genomics 2006, Vol.7, p.II42', { journal: 'BMC Genomics', date: '2006', volume: '7', locator: { kind: 'article-number', value: 'II42' } }],
    ['Economia agro-alimentare 2018-05 (1), p.75–92', { journal: 'Economia agro-alimentare', date: '2018-05', issue: '1', locator: { kind: 'pages', first: '75', last: '92' } }],
    ['Nature (London)', { journal: 'Nature (London)' }],
    ['Journal of Physics: Condensed Matter, Vol.3', { journal: 'Journal of Physics: Condensed Matter', volume: '3' }],
    ['Appl. Phys. Lett. 2020', { journal: 'Appl. Phys. Lett.', date: '2020' }],
    ['', {}],
  ])('%s', (value, expected) => {
    expect(parsePublishedIn(value)).toEqual(expected);
  });
});

const person = (family: string, given: string) => ({ kind: 'person', family, given });
const org = (name: string) => ({ kind: 'organization', name });

describe('author lists', () => {
  it.each([
    ['van der Berg, Jan, de la Cruz, María', [person('van der Berg', 'Jan'), person('de la Cruz', 'María')]],
    ['Frisch, Simon A. A., Ali, Q.', [person('Frisch', 'Simon A. A.'), person('Ali', 'Q.')]],
    ['GTEx Consortium, Chiang, Colby', [org('GTEx Consortium'), person('Chiang', 'Colby')]],
    ['Chiang, Colby, The Genome Denmark Consortium', [person('Chiang', 'Colby'), org('The Genome Denmark Consortium')]],
    ['Kanda, Yutaro, Ehtisham-ul-Haq', [person('Kanda', 'Yutaro'), { kind: 'person', family: 'Ehtisham-ul-Haq' }]],
    ['Plato', [{ kind: 'person', family: 'Plato' }]],
    ['Kanda, Yutaro, WHO', [person('Kanda', 'Yutaro'), org('WHO')]],
    ['Kanda, Yutaro, European Food Safety Authority Panel, Li, Xin', [person('Kanda', 'Yutaro'), org('European Food Safety Authority Panel'), person('Li', 'Xin')]],
    ['Kanda, Yutaro; World Health Organization; Li, Xin', [person('Kanda', 'Yutaro'), org('World Health Organization'), person('Li', 'Xin')]],
    ['Group, Anna', [person('Group', 'Anna')]],
    ['', []],
  ])('%s', (value, expected) => {
    expect(parseNameList([value])).toEqual(expected);
  });
});

describe('structured abstracts', () => {
  it.each([
    ['BackgroundA b. MethodsWe c. ResultsThe d. ConclusionsE f.', [['Background', 'A b.'], ['Methods', 'We c.'], ['Results', 'The d.'], ['Conclusions', 'E f.']]],
    ['Materials and methodsWe did. Main outcome measuresThe rate.', [['Materials and methods', 'We did.'], ['Main outcome measures', 'The rate.']]],
    ['Objective: To find. Methods: We ran.', [['Objective', 'To find.'], ['Methods', 'We ran.']]],
    ['Methods were used. The Background of it. ResultsThe end.', [[undefined, 'Methods were used. The Background of it.'], ['Results', 'The end.']]],
    ['We studied DesignPatterns in code. Plain.', [[undefined, 'We studied DesignPatterns in code. Plain.']]],
    ['Just an abstract.', [[undefined, 'Just an abstract.']]],
  ])('%s', (text, expected) => {
    const sections = splitAbstract(text).map((s) => [s.heading, s.text]);
    expect(sections).toEqual(expected);
    expect(JSON.stringify(sections)).not.toMatch(/(Background|Methods|Results|Conclusions)[A-Z]/);
  });
});

describe('identifiers', () => {
  it.each([
    ['10.1177/11795476231171891', '10.1177/11795476231171891'],
    ['https://doi.org/10.1103/PhysRevLett.120.117701', '10.1103/physrevlett.120.117701'],
    ['HTTPS://DX.DOI.ORG/10.1/ABC', '10.1/abc'],
    ['DOI: 10.1890/0012-9658(2006)87[2832:TIOPMA]2.0.CO;2', '10.1890/0012-9658(2006)87[2832:tiopma]2.0.co;2'],
    ['10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM7>3.0.CO;2-D', '10.1002/(sici)1097-4636(199706)35:4<475::aid-jbm7>3.0.co;2-d'],
    ['not a doi', 'not a doi'],
  ])('DOI %s', (value, expected) => {
    expect(normalizeDoi(value)).toBe(expected);
  });


  it.each([
    ['English', 'en'], ['german', 'de'], ['Spanish; Castilian', 'es'], ['Hawaiian', 'haw'], ['Asturian', 'ast'],
    ['English, French', 'en'], ['Japanese', 'ja'], ['Klingonese', 'Klingonese'], ['  Norwegian  Bokmål ', 'nb'],
  ])('language %s', (name, code) => {
    expect(languageCode(name).code).toBe(code);
  });
});

describe('ISSNs', () => {
  it('several per line, compact form, lower-case x, bad values kept for validation', () => {
    expect(issnsFrom(['0018-067x 1365-2540', '18314732', 'not an issn'])).toEqual(['0018-067X', '1365-2540', '1831-4732', 'not an issn']);
  });
});
