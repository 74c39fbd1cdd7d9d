// The JSON shape contract of docs/mapping.md: repeatable properties are always arrays, every other key holds one value,
// for every record, so a plain JSON reader needs no "array or not" test.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonLdObject } from '../../src/formats/jsonld.js';
import { LDPUB_CONTEXT } from '../../src/rdf/context.js';
import { record } from './arbitrary.js';
import { fixtureSamples, generatedSamples, sample, seedSample, type Sample } from './records.js';

const SETS = new Set(
  Object.entries(LDPUB_CONTEXT)
    .filter(([, def]) => typeof def === 'object' && (def as { '@container'?: string })['@container'] === '@set')
    .map(([term]) => term),
);

/** Every key of every node object in the tree, with the path to it, whose value breaks the contract. */
function breaches(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => breaches(v, `${path}[${i}]`, out));
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, v] of Object.entries(value as { [k: string]: unknown })) {
    if (key === '@context') continue;
    if (key === '@list') {
      if (!Array.isArray(v)) out.push(`${path}.@list is not an array`);
    } else if (key.startsWith('@')) {
      if (Array.isArray(v)) out.push(`${path}.${key} is an array`);
    } else if (SETS.has(key) !== Array.isArray(v)) {
      out.push(`${path}.${key} is ${Array.isArray(v) ? 'an array' : 'a single value'}`);
    }
    breaches(v, `${path}.${key}`, out);
  }
  return out;
}

function check(s: Sample): void {
  expect(breaches(toJsonLdObject(s.quads, s.iri), '$', []), s.label).toEqual([]);
}

describe('the JSON shape', () => {
  it('is documented in docs/mapping.md: the list of always-array keys is the context’s @set terms', () => {
    const doc = readFileSync(new URL('../../docs/mapping.md', import.meta.url), 'utf8');
    const line = /^- Always arrays[^\n]*$/m.exec(doc)?.[0] ?? '';
    const documented = new Set([...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(documented).toEqual(SETS);
  });

  it('holds for single-author records as for many-author ones: author, issn, keywords, identifier, sameAs are arrays', () => {
    const one = sample('one author', 'one', {
      type: 'article', title: 'T', authors: [{ kind: 'person', family: 'Plato' }], contributors: [], subjects: ['k'], isbns: [],
      notes: [], funding: [], identifiers: [], relations: [], container: { title: 'J', issns: ['1179-5476'] }, doi: '10.1/x',
    });
    const doc = toJsonLdObject(one.quads, one.iri) as { [k: string]: unknown };
    expect(doc.author).toHaveLength(1);
    expect(doc['dcterms:creator']).toHaveLength(1);
    expect(doc.keywords).toEqual(['k']);
    expect(doc.identifier).toHaveLength(1);
    expect(doc.sameAs).toEqual(['https://doi.org/10.1/x']);
    expect((doc.isPartOf as { issn: unknown }).issn).toEqual(['1179-5476']);
    check(one);
  });

  it('holds for the seed, every fixture and corpus record, and generated records', () => {
    for (const s of [seedSample(), ...fixtureSamples(), ...generatedSamples(200, 7)]) check(s);
  });

  it('holds for records of arbitrary strings', () => {
    fc.assert(fc.property(record, (r) => check(sample('any', 'any-1', r))), { numRuns: 200 });
  });
});
