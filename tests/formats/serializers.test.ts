import { describe, expect, it } from 'vitest';
import { mapRecord } from '../../src/rdf/map-record.js';
import { allFormats, rdfFormats } from '../../src/formats/registry.js';
import type { SerializeInput } from '../../src/formats/format.js';
import { fixturePath, fixtureRecord, SEED_ID, SEED_IRI, TEST_BASE } from '../helpers/fixtures.js';
import { canonical, parseAs, parseTurtle } from '../helpers/graph.js';
import { expectGolden } from '../helpers/golden.js';

const record = fixtureRecord('seed', 'record.json');
const quads = mapRecord(record, { iri: SEED_IRI, blankPrefix: `${SEED_ID}-` });
const input: SerializeInput = { id: SEED_ID, iri: SEED_IRI, base: TEST_BASE, record, quads, params: {} };

describe('RDF serializers', () => {
  it('writes the seed as the golden Turtle, exactly', async () => {
    const turtle = await allFormats().find((f) => f.key === 'turtle')!.serialize(input);
    expectGolden(turtle, fixturePath('seed', 'expected.ttl'));
  });

  it.each(rdfFormats().map((f) => [f.label, f] as const))('%s expresses the same graph as the Turtle', async (_, format) => {
    const body = await format.serialize(input);
    const expected = await canonical(parseTurtle(await allFormats()[0]!.serialize(input)));
    expect(await canonical(await parseAs(format.mediaType, body))).toBe(expected);
    expect(await canonical(quads)).toBe(expected);
  });

  it('writes JSON-LD that reads as schema.org', async () => {
    const doc = JSON.parse(await allFormats().find((f) => f.key === 'jsonld')!.serialize(input)) as { [k: string]: unknown };
    expect(doc['@type']).toEqual(['ScholarlyArticle', 'bibo:AcademicArticle']);
    expect(doc['@id']).toBe(SEED_IRI);
    expect(doc.datePublished).toBe('2023');
    const authors = doc.author as { name: string; '@type': string }[];
    expect(authors.map((a) => a.name)).toEqual([
      'Yutaro Kanda', 'Yuji Kakiuchi', 'Takashi Yurube', 'Yoshiki Takeoka', 'Kunihiko Miyazaki', 'Ryosuke Kuroda', 'Kenichiro Kakutani',
    ]);
    expect(authors[0]!['@type']).toBe('Person');
    const partOf = doc.isPartOf as { '@type': string; volumeNumber: string; isPartOf: { '@type': string; issn: string } };
    expect(partOf['@type']).toBe('PublicationVolume');
    expect(partOf.isPartOf).toMatchObject({ '@type': 'Periodical', issn: '1179-5476' });
    expect(doc.identifier).toMatchObject({ '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1177/11795476231171891' });
  });

  it('writes JSON-LD whose inline context means what https://schema.org means', async () => {
    const doc = JSON.parse(await allFormats().find((f) => f.key === 'jsonld')!.serialize(input)) as { [k: string]: unknown };
    const viaSchemaOrg = JSON.stringify({ ...doc, '@context': 'https://schema.org' });
    expect(await canonical(await parseAs('application/ld+json', viaSchemaOrg))).toBe(await canonical(quads));
  });

  it('writes RDF/XML without relative IRIs and with the author list as a collection', async () => {
    const xml = await allFormats().find((f) => f.key === 'rdfxml')!.serialize(input);
    expect(xml).not.toContain('rdf:about=""');
    expect(xml).toContain('rdf:parseType="Collection"');
    expect(xml).not.toContain('rdf:parseType="Resource"');
  });

  it('writes N-Triples with list cells labelled by record', async () => {
    const nt = await allFormats().find((f) => f.key === 'ntriples')!.serialize(input);
    expect(nt).toContain(`_:${SEED_ID}-list1 `);
    expect(nt).not.toContain('rdf:nill');
  });
});
