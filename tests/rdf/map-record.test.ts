import { describe, expect, it } from 'vitest';
import type { Quad } from '@rdfjs/types';
import { mapRecord } from '../../src/rdf/map-record.js';
import { emptyRecord, type Record } from '../../src/model/record.js';
import { fixtureRecord, SEED_IRI } from '../helpers/fixtures.js';

const S = 'http://schema.org/';
const BIBO = 'http://purl.org/ontology/bibo/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const objects = (quads: Quad[], s: string, p: string) =>
  quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

function authorListOrder(quads: Quad[], iri: string): string[] {
  const out: string[] = [];
  let cell = objects(quads, iri, `${BIBO}authorList`)[0];
  while (cell && cell.value !== `${RDF}nil`) {
    const cellValue = cell.value;
    out.push(objects(quads, cellValue, `${RDF}first`)[0]!.value);
    cell = objects(quads, cellValue, `${RDF}rest`)[0];
  }
  return out;
}

describe('mapRecord', () => {
  const seed = fixtureRecord('seed', 'record.json');
  const quads = mapRecord(seed, { iri: SEED_IRI });

  it('types the record as a ScholarlyArticle and a bibo:AcademicArticle with dcmitype:Text', () => {
    expect(objects(quads, SEED_IRI, `${RDF}type`).map((t) => t.value)).toEqual([`${S}ScholarlyArticle`, `${BIBO}AcademicArticle`]);
    expect(objects(quads, SEED_IRI, 'http://purl.org/dc/terms/type')[0]?.value).toBe('http://purl.org/dc/dcmitype/Text');
  });

  it('keeps the 7 authors in order in bibo:authorList, each a hash IRI', () => {
    const list = authorListOrder(quads, SEED_IRI);
    expect(list).toEqual(Array.from({ length: 7 }, (_, i) => `${SEED_IRI}#author-${i + 1}`));
    expect(objects(quads, list[0]!, `${S}familyName`)[0]?.value).toBe('Kanda');
    expect(objects(quads, list[6]!, `${S}name`)[0]?.value).toBe('Kenichiro Kakutani');
  });

  it('writes an article number as pagination and bibo:locator, never as a page range', () => {
    expect(objects(quads, SEED_IRI, `${S}pagination`).map((o) => o.value)).toEqual(['11795476231171891']);
    expect(objects(quads, SEED_IRI, `${BIBO}locator`).map((o) => o.value)).toEqual(['11795476231171891']);
    expect(objects(quads, SEED_IRI, `${S}pageStart`)).toEqual([]);
    expect(objects(quads, SEED_IRI, `${S}pageEnd`)).toEqual([]);
  });

  it('writes the structured abstract with its headings separated', () => {
    const abstract = objects(quads, SEED_IRI, `${S}abstract`)[0]?.value ?? '';
    expect(abstract).toMatch(/^Background: Primary spinal osteosarcoma/);
    expect(abstract).toContain(' Case presentation: We report');
    expect(abstract).toContain(' Conclusions: Separation surgery');
    expect(abstract).not.toContain('BackgroundPrimary');
  });

  it('links the work to the volume and the volume to the periodical, which carries the ISSN once', () => {
    expect(objects(quads, SEED_IRI, `${S}isPartOf`).map((o) => o.value)).toEqual([`${SEED_IRI}#volume`]);
    expect(objects(quads, `${SEED_IRI}#volume`, `${S}isPartOf`).map((o) => o.value)).toEqual([`${SEED_IRI}#periodical`]);
    expect(objects(quads, `${SEED_IRI}#periodical`, `${S}issn`).map((o) => o.value)).toEqual(['1179-5476']);
  });

  it('gives the DOI as a PropertyValue, a sameAs resolver IRI and bibo:doi', () => {
    expect(objects(quads, `${SEED_IRI}#doi`, `${S}value`)[0]?.value).toBe('10.1177/11795476231171891');
    expect(objects(quads, SEED_IRI, `${S}sameAs`)[0]?.value).toBe('https://doi.org/10.1177/11795476231171891');
    expect(objects(quads, SEED_IRI, `${BIBO}doi`)[0]?.value).toBe('10.1177/11795476231171891');
  });

  it('uses no blank nodes except list cells', () => {
    const blanks = quads.filter((q) => q.subject.termType === 'BlankNode');
    expect(blanks.every((q) => q.predicate.value === `${RDF}first` || q.predicate.value === `${RDF}rest`)).toBe(true);
    expect(blanks.length).toBe(14);
  });

  const cases: [string, Partial<Record>, (q: Quad[]) => void][] = [
    ['a page range', { locator: { kind: 'pages', first: '12', last: '19' } }, (q) => {
      expect(objects(q, SEED_IRI, `${S}pageStart`)[0]?.value).toBe('12');
      expect(objects(q, SEED_IRI, `${S}pageEnd`)[0]?.value).toBe('19');
      expect(objects(q, SEED_IRI, `${S}pagination`)[0]?.value).toBe('12-19');
    }],
    ['a range with equal ends as one page', { locator: { kind: 'pages', first: '7', last: '7' } }, (q) => {
      expect(objects(q, SEED_IRI, `${S}pageEnd`)).toEqual([]);
      expect(objects(q, SEED_IRI, `${S}pagination`)[0]?.value).toBe('7');
    }],
    ['an issue between the work and the volume', { container: { title: 'J', issns: [], volume: '3', issue: '2' } }, (q) => {
      expect(objects(q, SEED_IRI, `${S}isPartOf`)[0]?.value).toBe(`${SEED_IRI}#issue`);
      expect(objects(q, `${SEED_IRI}#issue`, `${S}isPartOf`)[0]?.value).toBe(`${SEED_IRI}#volume`);
    }],
    ['an issue with no volume straight under the periodical', { container: { title: 'J', issns: [], issue: '2' } }, (q) => {
      expect(objects(q, `${SEED_IRI}#issue`, `${S}isPartOf`)[0]?.value).toBe(`${SEED_IRI}#periodical`);
    }],
    ['a full date typed xsd:date', { date: '2021-08-26' }, (q) => {
      const issued = objects(q, SEED_IRI, 'http://purl.org/dc/terms/issued')[0];
      expect(issued?.termType === 'Literal' && issued.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#date');
    }],
    ['a non-ISO date left untyped for validation to catch', { date: 'May 2021' }, (q) => {
      const issued = objects(q, SEED_IRI, 'http://purl.org/dc/terms/issued')[0];
      expect(issued?.termType === 'Literal' && issued.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#string');
    }],
    ['an organisation author', { authors: [{ kind: 'organization', name: 'ENCODE Consortium' }] }, (q) => {
      expect(objects(q, `${SEED_IRI}#author-1`, `${RDF}type`)[0]?.value).toBe(`${S}Organization`);
      expect(objects(q, `${SEED_IRI}#author-1`, `${S}familyName`)).toEqual([]);
    }],
    ['a dataset, never a ScholarlyArticle', { type: 'dataset' }, (q) => {
      expect(objects(q, SEED_IRI, `${RDF}type`)[0]?.value).toBe(`${S}Dataset`);
    }],
    ['a SICI DOI percent-encoded in the resolver IRI but kept in the literal', { doi: '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0' }, (q) => {
      expect(objects(q, SEED_IRI, `${S}sameAs`)[0]?.value).toBe('https://doi.org/10.1002/%28SICI%291097-4571%28199806%2949:8%3C693::AID-ASI4%3E3.0.CO%3B2-0');
      expect(objects(q, SEED_IRI, `${BIBO}doi`)[0]?.value).toBe('10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0');
    }],
    ['no headline past 110 characters', { title: 'x'.repeat(111) }, (q) => {
      expect(objects(q, SEED_IRI, `${S}headline`)).toEqual([]);
      expect(objects(q, SEED_IRI, `${S}name`)[0]?.value).toHaveLength(111);
    }],
  ];
  it.each(cases)('maps %s', (_, patch, check) => {
    check(mapRecord({ ...seed, ...patch }, { iri: SEED_IRI }));
  });

  it('maps an empty record to its types alone', () => {
    const q = mapRecord(emptyRecord(), { iri: SEED_IRI });
    expect(q.map((x) => x.predicate.value).sort()).toEqual(['http://purl.org/dc/terms/type', `${RDF}type`, `${RDF}type`]);
  });

  it('labels list cells with the given prefix so two records never share a cell', () => {
    const a = mapRecord(seed, { iri: SEED_IRI, blankPrefix: 'a-' });
    const cells = a.filter((q) => q.subject.termType === 'BlankNode').map((q) => q.subject.value);
    expect(cells.every((c) => c.startsWith('a-'))).toBe(true);
  });
});
