// The OpenAIRE Guidelines for Literature Repositories 4 writer (oai_openaire): valid against the 4.0 schema for every
// fixture, corpus, generated and arbitrary record, and each field as docs/harvesting.md maps it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Record, WorkType } from '../../src/model/record.js';
import { coarResourceType, writeOpenAireXml } from '../../src/formats/openaire.js';
import { readRecords } from '../../src/readers/index.js';
import { fixtureRecord, fixtureText } from '../helpers/fixtures.js';
import { OPENAIRE_SCHEMA, validateEach } from '../harvest/schemas.js';
import { record as arbitraryRecord } from './arbitrary.js';
import { corpusRecords, generatedSamples } from './records.js';

const IRI = 'https://data.example.org/record/x';
const REGISTERED = new Date('2026-03-04T05:06:07Z');

/** The element wrapped in a document of its own, as a harvester validates it. */
const doc = (xml: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;

function allRecords(): [string, Record][] {
  const out = corpusRecords();
  out.push(...generatedSamples(40).map((s): [string, Record] => [s.label, s.record]));
  out.push(...fc.sample(arbitraryRecord, { numRuns: 300, seed: 20261201 }).map((r, i): [string, Record] => [`arbitrary record ${i}`, r]));
  return out;
}

const crossrefMade = readRecords(fixtureText('registry', 'crossref-book-chapter.xml'), 'made.xml');
const empty: Record = { type: 'article', authors: [], contributors: [], subjects: [], isbns: [], notes: [], funding: [], identifiers: [], relations: [] };

describe('OpenAIRE Guidelines 4 writer', () => {
  it('writes every fixture, corpus, generated and arbitrary record valid against the OpenAIRE 4.0 schema', async () => {
    const all = allRecords();
    expect(all.length).toBeGreaterThan(400);
    const xmls = all.map(([, r]) => doc(writeOpenAireXml(r, IRI, { registered: REGISTERED, defaultAccess: 'metadata-only' })));
    const errors = await validateEach(xmls, OPENAIRE_SCHEMA);
    expect(all.flatMap(([what], i) => (errors[i] ? [`${what}: ${errors[i]}`] : []))).toEqual([]);
  }, 120_000);

  it('the schema check refuses what the schema refuses (a resource type outside the COAR list)', async () => {
    const xml = doc(writeOpenAireXml(fixtureRecord('seed', 'record.json'), IRI)).replace('resource_type/c_6501', 'resource_type/c_9999');
    expect((await validateEach([xml], OPENAIRE_SCHEMA))[0]).toMatch(/uri/);
  });

  it.each<[WorkType, string | undefined, string, string]>([
    ['article', undefined, 'c_6501', 'journal article'],
    ['preprint', undefined, 'c_816b', 'preprint'],
    ['conference-paper', undefined, 'c_5794', 'conference paper'],
    ['chapter', undefined, 'c_3248', 'book part'],
    ['book', undefined, 'c_2f33', 'book'],
    ['report', undefined, 'c_93fc', 'report'],
    ['thesis', 'Doctoral dissertation', 'c_db06', 'doctoral thesis'],
    ['thesis', "Master's thesis", 'c_bdcc', 'master thesis'],
    ['thesis', 'Bachelor thesis', 'c_7a1f', 'bachelor thesis'],
    ['thesis', undefined, 'c_46ec', 'thesis'],
    ['dataset', undefined, 'c_ddb1', 'dataset'],
    ['review', undefined, 'c_efa0', 'review'],
    ['software', undefined, 'c_5ce6', 'software'],
    ['blog-post', undefined, 'c_18cf', 'text'],
    ['other', undefined, 'c_1843', 'other'],
  ])('a %s (%s) is the COAR resource type %s', (type, genre, id, label) => {
    const t = coarResourceType({ ...empty, type, genre });
    expect(t.uri).toBe(`http://purl.org/coar/resource_type/${id}`);
    expect(t.label).toBe(label);
    expect(t.general).toBe(type === 'dataset' ? 'dataset' : type === 'software' ? 'software' : 'literature');
  });

  it('writes COAR access rights from accessRights, from an open licence, or from the configured default, and none otherwise', () => {
    const rights = (r: Record, defaultAccess?: 'restricted') => /<datacite:rights rightsURI="([^"]+)">([^<]+)</.exec(writeOpenAireXml(r, IRI, { defaultAccess }))?.slice(1);
    expect(rights({ ...empty, accessRights: 'embargoed' })).toEqual(['http://purl.org/coar/access_right/c_f1cf', 'embargoed access']);
    expect(rights({ ...empty, license: 'https://creativecommons.org/licenses/by/4.0/' })).toEqual(['http://purl.org/coar/access_right/c_abf2', 'open access']);
    expect(rights({ ...empty, accessRights: 'metadata-only' })).toEqual(['http://purl.org/coar/access_right/c_14cb', 'metadata only access']);
    expect(rights(empty, 'restricted')).toEqual(['http://purl.org/coar/access_right/c_16ec', 'restricted access']);
    expect(rights(empty)).toBeUndefined();
  });

  it('writes creators with ORCID and ROR affiliations, the editor, funding with award, the licence and the book', () => {
    const xml = writeOpenAireXml(crossrefMade[0]!, IRI);
    expect(xml).toContain('<datacite:nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">https://orcid.org/0000-0001-5109-3700</datacite:nameIdentifier>');
    expect(xml).toContain('<datacite:affiliation affiliationIdentifier="https://ror.org/013meh722" affiliationIdentifierScheme="ROR" schemeURI="https://ror.org">University of Cambridge</datacite:affiliation>');
    expect(xml).toMatch(/<datacite:contributor contributorType="Editor">/);
    expect(xml).toMatch(/<oaire:fundingReference>\s*<oaire:funderName>[^<]+<\/oaire:funderName>\s*<oaire:funderIdentifier funderIdentifierType="Crossref Funder ID">https:\/\/doi\.org\/10\.13039\/501100000781<\/oaire:funderIdentifier>\s*<oaire:awardNumber>/);
    expect(xml).toContain('<oaire:licenseCondition uri="https://creativecommons.org/licenses/by/4.0/">https://creativecommons.org/licenses/by/4.0/</oaire:licenseCondition>');
    expect(xml).toContain('<datacite:rights rightsURI="http://purl.org/coar/access_right/c_abf2">open access</datacite:rights>');
    expect(xml).toContain('<oaire:resourceType resourceTypeGeneral="literature" uri="http://purl.org/coar/resource_type/c_3248">book part</oaire:resourceType>');
    expect(xml).toContain('<datacite:alternateIdentifier alternateIdentifierType="DOI">10.5555/handbook.ch7</datacite:alternateIdentifier>');
  });

  it('writes the seed article: identifier, date, language, journal citation, ISSNs as IsPartOf, version, no article number as a page', () => {
    const xml = writeOpenAireXml(fixtureRecord('seed', 'record.json'), IRI);
    expect(xml).toContain(`<datacite:identifier identifierType="URL">${IRI}</datacite:identifier>`);
    expect(xml).toContain('<datacite:date dateType="Issued">2023</datacite:date>');
    expect(xml).toContain('<dc:language>en</dc:language>');
    expect(xml).toContain('<oaire:citationTitle>Clinical medicine insights. Case reports</oaire:citationTitle>');
    expect(xml).toContain('<oaire:citationVolume>16</oaire:citationVolume>');
    expect(xml).toContain('<datacite:relatedIdentifier relatedIdentifierType="ISSN" relationType="IsPartOf">1179-5476</datacite:relatedIdentifier>');
    expect(xml).toContain('<oaire:version uri="http://purl.org/coar/version/c_970fb48d4fbd8a85">VoR</oaire:version>');
    expect(xml).not.toContain('citationStartPage');
  });

  it('gives a record without a date, language or title the date of registration, "und" and ":unas"', () => {
    const xml = writeOpenAireXml(empty, IRI, { registered: REGISTERED });
    expect(xml).toContain('<datacite:date dateType="Issued">2026-03-04</datacite:date>');
    expect(xml).toContain('<dc:language>und</dc:language>');
    expect(xml).toContain('<datacite:title>:unas</datacite:title>');
    expect(xml).not.toContain('<datacite:creators>');
  });

  it('writes a preprint as the submitted version and a dataset\'s own version label', () => {
    expect(writeOpenAireXml({ ...empty, type: 'preprint' }, IRI)).toContain('<oaire:version uri="http://purl.org/coar/version/c_71e4c1898caa6e32">SMUR</oaire:version>');
    expect(writeOpenAireXml({ ...empty, type: 'dataset', version: '2.1.0' }, IRI)).toContain('<oaire:version>2.1.0</oaire:version>');
  });

  it('indents the markup for embedding and never the text', () => {
    const r: Record = { ...empty, title: 'Two\nlines', abstract: [{ heading: 'Aim', text: 'one' }, { heading: 'Result', text: 'two\nthree' }] };
    const xml = writeOpenAireXml(r, IRI, { indent: '        ' });
    expect(xml).toContain('<dc:description>Aim: one\nResult: two\nthree</dc:description>');
    expect(xml).toContain('<datacite:title>Two\nlines</datacite:title>');
    expect(xml).toMatch(/\n {10}<datacite:titles>\n {12}<datacite:title>/);
    expect(xml.endsWith('\n        </oaire:resource>')).toBe(true);
  });
});
