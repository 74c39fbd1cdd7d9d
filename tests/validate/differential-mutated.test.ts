// The compiled engine and rdf-validate-shacl give the same report on records mutated by fast-check: triples dropped,
// duplicated, retyped, relabelled, given other values, and unexpected predicates added.
import type { Quad, Term } from '@rdfjs/types';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapFile } from '../../src/pipeline.js';
import { fixturePath, fixtureText, TEST_BASE } from '../helpers/fixtures.js';
import { bothEngines, reportKeys, type Engines } from './differential.js';
import { BIBO, DCT, LDPUB, S, seedQuads } from './graph-helpers.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Bases: the hand-written seed graph and a few mapped fixture records of different kinds. */
function bases(): Quad[][] {
  const mapped = [
    ['catalog', 'seed-case-report.txt'],
    ['csl-json', 'biorxiv-097196.json'],
    ['bibtex', 'complete-article.bib'],
    ['ris', readdirSync(fixturePath('ris')).sort()[0]!],
  ].flatMap(([dir, file]) => {
    try {
      return mapFile(fixtureText(dir!, file!), fixturePath(dir!, file!), TEST_BASE).map((m) => m.quads);
    } catch {
      return [];
    }
  });
  return [seedQuads(), ...mapped];
}

const PREDICATES = [
  `${S}name`, `${DCT}title`, `${S}author`, `${S}issn`, `${S}isPartOf`, `${S}volumeNumber`, `${S}issueNumber`, `${S}familyName`,
  `${S}datePublished`, `${S}inLanguage`, `${BIBO}doi`, `${S}propertyID`, `${S}value`, `${S}abstract`, RDF_TYPE, 'http://example.org/unexpected',
];
const CLASSES = ['ScholarlyArticle', 'Periodical', 'PublicationVolume', 'PublicationIssue', 'Person', 'Organization', 'PropertyValue', 'Book', 'Thing'].map((c) => `${S}${c}`);
const DATATYPES = ['string', 'integer', 'date', 'gYear', 'boolean', 'anyURI'].map((d) => `${XSD}${d}`);

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '1179-5476', '1179-5475', '0378-5955', '2434-561X', '10.1177/117954762', '10.1/x y', '2021', '2021-13', '2021-02-30', 'en', 'English', 'DOI', 'ISBN', '3'),
);
const object: fc.Arbitrary<(subjects: Term[]) => Term> = fc.oneof(
  text.map((v) => () => literal(v)),
  fc.constantFrom(...CLASSES).map((c) => () => namedNode(c)),
  fc.nat().map((i) => (subjects: Term[]) => subjects[i % subjects.length]!),
  fc.constant(() => blankNode('mutant')),
);

type Mutation = (qs: Quad[]) => Quad[];
const at = (qs: Quad[], i: number) => i % Math.max(1, qs.length);
const withObject = (q: Quad, o: Term) => quad(q.subject as never, q.predicate as never, o as never);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (qs) => qs.filter((_, j) => j !== at(qs, i))),
  fc.nat().map((i): Mutation => (qs) => (qs.length ? [...qs, withObject(qs[at(qs, i)]!, qs[at(qs, i)]!.object)] : qs)),
  fc.tuple(fc.nat(), fc.constantFrom(...DATATYPES)).map(([i, dt]): Mutation => (qs) =>
    qs.map((q, j) => (j === at(qs, i) && q.object.termType === 'Literal' ? withObject(q, literal(q.object.value, namedNode(dt))) : q)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('en', 'de', 'EN-gb', 'fr')).map(([i, lang]): Mutation => (qs) =>
    qs.map((q, j) => (j === at(qs, i) && q.object.termType === 'Literal' ? withObject(q, literal(q.object.value, lang)) : q)),
  ),
  fc.tuple(fc.nat(), object).map(([i, o]): Mutation => (qs) => {
    const subjects = [...new Set(qs.map((q) => q.subject))];
    return qs.map((q, j) => (j === at(qs, i) ? withObject(q, o(subjects)) : q));
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...PREDICATES), object).map(([i, p, o]): Mutation => (qs) => {
    const subjects = [...new Set(qs.map((q) => q.subject))];
    if (subjects.length === 0) return qs;
    return [...qs, quad(subjects[i % subjects.length] as never, namedNode(p), o(subjects) as never)];
  }),
);

let engines: Engines;
let records: Quad[][];
beforeAll(async () => {
  engines = await bothEngines();
  records = bases();
});

describe('compiled and reference engines on mutated records', () => {
  it('start from several records', () => {
    expect(records.length).toBeGreaterThanOrEqual(5);
  });

  it('agree on every mutated record', () => {
    let failing = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        const quads = mutations.reduce((qs, m) => m(qs), records[which % records.length]!);
        const ours = reportKeys(engines.compiled.validate(quads));
        if (!ours.conforms) failing++;
        expect(ours).toEqual(reportKeys(engines.reference.validate(quads)));
      }),
      { numRuns: 600, seed: 20261201 },
    );
    // The mutations do bite: most mutated records draw some result.
    expect(failing).toBeGreaterThan(200);
  }, 120_000);

  it('the ISSN component is among the components the mutations reach', () => {
    const quads = seedQuads().map((q) => (q.predicate.value === `${S}issn` ? withObject(q, literal('1179-5475')) : q));
    const keys = reportKeys(engines.compiled.validate(quads)).results;
    expect(keys.some((k) => k.includes(`${LDPUB}ISSNCheckDigitConstraintComponent`))).toBe(true);
  });
});
