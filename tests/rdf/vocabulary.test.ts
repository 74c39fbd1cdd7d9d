import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { mapRecord } from '../../src/rdf/map-record.js';
import type { Record } from '../../src/model/record.js';
import { fixturePath, fixtureRecord, fixtureText, SEED_IRI } from '../helpers/fixtures.js';
import { readRecords } from '../../src/readers/index.js';

const S = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SUBCLASS = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

function load(file: string, format: string): Quad[] {
  return new Parser({ format }).parse(readFileSync(fixturePath('vocab', file), 'utf8')) as Quad[];
}

const schemaVocab = load('schemaorg-current-http.ttl', 'text/turtle');
const types = new Map<string, Set<string>>();
const superclasses = new Map<string, Set<string>>();
const domains = new Map<string, Set<string>>();
for (const q of schemaVocab) {
  const bucket = q.predicate.value === RDF_TYPE ? types : q.predicate.value === SUBCLASS ? superclasses : q.predicate.value === `${S}domainIncludes` ? domains : undefined;
  if (!bucket) continue;
  let set = bucket.get(q.subject.value);
  if (!set) bucket.set(q.subject.value, (set = new Set()));
  set.add(q.object.value);
}
const otherTerms = new Set(
  [...load('dcterms.nq', 'application/n-quads'), ...load('bibo.nq', 'application/n-quads')].map((q) => q.subject.value),
);

const isClass = (iri: string) => types.get(iri)?.has('http://www.w3.org/2000/01/rdf-schema#Class') ?? false;
const isProperty = (iri: string) => types.get(iri)?.has('http://www.w3.org/1999/02/22-rdf-syntax-ns#Property') ?? false;
function ancestors(cls: string): Set<string> {
  const seen = new Set<string>([cls]);
  const stack = [cls];
  while (stack.length) for (const sup of superclasses.get(stack.pop()!) ?? []) if (!seen.has(sup)) seen.add(sup) && stack.push(sup);
  return seen;
}

const seed = fixtureRecord('seed', 'record.json');
const variants: [string, Record][] = [
  ['the seed', seed],
  ['an article with pages, issue, subjects and contributors', {
    ...seed,
    locator: { kind: 'pages', first: '12', last: '19' },
    container: { title: 'J', issns: ['0028-0836', '1476-4687'], volume: '3', issue: '2' },
    subjects: ['Spine'],
    contributors: [{ kind: 'person', family: 'Doe', given: 'J.' }],
    authors: [...seed.authors, { kind: 'organization', name: 'A Consortium' }, { kind: 'person', family: 'Roe', orcid: '0000-0002-1825-0097' }],
    url: 'https://example.org/a',
  }],
  ['a dataset', { ...seed, type: 'dataset' }],
  ['a book with an ISBN', { ...seed, type: 'book', isbns: ['9780306406157'], container: undefined, locator: undefined }],
  ['a chapter', { ...seed, type: 'chapter' }],
  ...readRecords(fixtureText('registry', 'crossref-book-chapter.xml'), 'made.xml').map(
    (r): [string, Record] => [`a Crossref ${r.type} with roles, affiliations, funding, licence and relations`, r],
  ),
  ['a book with publisher, ISBN, edition, series, extent and identifiers', {
    ...seed, type: 'book', container: undefined, locator: undefined, isbns: ['9780306406157'], publisher: 'P', publisherPlace: 'London',
    edition: '2', series: { title: 'S', number: '4', issns: ['0028-0836'] }, extent: '300 p.', version: '1.1', rights: 'All rights reserved',
    identifiers: [{ scheme: 'pmid', value: '123' }, { scheme: 'local', value: 'x1' }], accessRights: 'open',
    contributors: [{ kind: 'person', family: 'Doe', role: 'supervisor' }, { kind: 'person', family: 'Roe', role: 'contributor' }],
  }],
  ['DataCite software with ROR affiliations and rights', readRecords(fixtureText('datacite-xml', 'datacite-example-affiliation.xml'), 'd.xml')[0]!],
  ['a Crossref peer review', readRecords(fixtureText('gold', 'elife-55167-sa2-peer-review', 'crossref-unixsd.xml'), 'r.xml')[0]!],
  ['a preprint on a server', readRecords(fixtureText('gold', 'biorxiv-097196', 'crossref-unixsd.xml'), 'p.xml')[0]!],
];

describe('the output uses the vocabularies as they are defined', () => {
  it.each(variants)('%s: every schema.org class and property exists and is used within its domain', (_, record) => {
    const quads = mapRecord(record, { iri: SEED_IRI });
    const typeOf = new Map<string, string[]>();
    for (const q of quads) if (q.predicate.value === RDF_TYPE) typeOf.set(q.subject.value, [...(typeOf.get(q.subject.value) ?? []), q.object.value]);
    const problems: string[] = [];
    for (const q of quads) {
      const p = q.predicate.value;
      if (p === RDF_TYPE) {
        if (q.object.value.startsWith(S) && !isClass(q.object.value)) problems.push(`unknown class ${q.object.value}`);
        continue;
      }
      if (p.startsWith(S)) {
        if (!isProperty(p)) {
          problems.push(`unknown property ${p}`);
          continue;
        }
        const subjectTypes = typeOf.get(q.subject.value) ?? [];
        const allowed = domains.get(p) ?? new Set();
        // The schema.org Role pattern: a Role node repeats the property that points to it (work contributor → Role
        // → contributor person), as https://schema.org/Role documents; that use is in the domain by design.
        const rolePattern = subjectTypes.includes(`${S}Role`) && quads.some((o) => o.predicate.value === p && o.object.value === q.subject.value);
        const ok = rolePattern || subjectTypes.some((t) => [...ancestors(t)].some((a) => allowed.has(a)));
        if (!ok) problems.push(`${p} used on ${subjectTypes.join(', ') || 'an untyped node'}, outside its domain`);
      } else if (p.startsWith('http://purl.org/dc/terms/') || p.startsWith('http://purl.org/ontology/bibo/')) {
        if (!otherTerms.has(p)) problems.push(`unknown term ${p}`);
      }
      if (q.object.termType === 'Literal' && q.object.datatype.value.startsWith('http://purl.org/dc/terms/') && !otherTerms.has(q.object.datatype.value)) {
        problems.push(`unknown datatype ${q.object.datatype.value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('detects a property outside its domain (the check can fail)', () => {
    expect(domains.get(`${S}issn`)?.has(`${S}ScholarlyArticle`)).toBe(false);
    expect(isProperty(`${S}noSuchProperty`)).toBe(false);
  });
});
