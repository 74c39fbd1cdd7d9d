// The DataCite XML writer: valid against the DataCite kernel 4.7 schema for every fixture, corpus, generated and
// arbitrary record, and read back by the DataCite reader to the same Record on every field DataCite carries. The
// fields it has no place for are listed (and in docs/mapping.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Record } from '../../src/model/record.js';
import { writeDataCiteXml } from '../../src/formats/datacite-xml.js';
import { formatByName } from '../../src/formats/registry.js';
import { readRecords } from '../../src/readers/index.js';
import { fixtureRecord, fixtureText } from '../helpers/fixtures.js';
import { DATACITE_SCHEMA, validateEach } from '../harvest/schemas.js';
import { record as arbitraryRecord } from './arbitrary.js';
import { corpusRecords, generatedSamples } from './records.js';

/** Record fields DataCite XML does not carry, or carries differently, and why. */
export const NOT_CARRIED: { [field: string]: string } = {
  id: "ldpub's own id, not metadata",
  titleInline: 'DataCite titles are plain text',
  url: 'the landing page is registered with the DOI, not in the metadata',
  notes: 'free notes have no DataCite property (other descriptions come back as notes)',
  genre: 'written as resourceType, read back as genre, except for blog posts (resourceType BlogPosting)',
  publisherPlace: 'DataCite has no place of publication',
  edition: 'DataCite has edition only inside relatedItem',
  accessRights: 'written as an info:eu-repo rightsURI without text (OpenAIRE data guidelines), not read back as a level',
  abstract: 'one Abstract description: structured headings are joined as "Heading: text"',
};

/** What the reader gives back for a Record that went through DataCite XML. */
function comparable(r: Record) {
  return {
    type: r.type,
    title: r.title,
    authors: r.authors,
    contributors: r.contributors.filter((c) => c.role !== 'contributor'),
    publisher: r.publisher,
    date: r.date,
    language: r.language,
    doi: r.doi,
    subjects: r.subjects,
    license: r.license,
    funding: r.funding,
    relations: r.relations,
    identifiers: r.identifiers,
    isbns: r.isbns,
    version: r.version,
    extent: r.extent,
    container: r.container && { ...r.container, kind: r.container.kind ?? 'periodical' },
    locator: r.locator,
    abstract: r.abstract?.map((s) => (s.heading ? `${s.heading}: ${s.text}` : s.text)).join(' '),
    institution: r.institution,
  };
}

const crossrefMade = readRecords(fixtureText('registry', 'crossref-book-chapter.xml'), 'made.xml');
const cases: [string, Record][] = [
  ['the seed article', fixtureRecord('seed', 'record.json')],
  ['the eLife article from Crossref XML', readRecords(fixtureText('gold', 'elife-01567', 'crossref-unixsd.xml'), 'e.xml')[0]!],
  ['a book chapter with an editor, ORCID, ROR and funding', crossrefMade[0]!],
  ['a conference paper in proceedings', crossrefMade[1]!],
  ['a thesis with its institution', crossrefMade[2]!],
  ['DataCite software with affiliations and rights', readRecords(fixtureText('datacite-xml', 'datacite-example-affiliation.xml'), 'd.xml')[0]!],
  ['a DataCite dataset', readRecords(fixtureText('gold', 'dryad-8515-dataset', 'datacite-api.json'), 'd.json')[0]!],
  ['a DataCite blog post', readRecords(fixtureText('gold', 'datacite-blog-4k3m-nyvg', 'datacite-api.json'), 'b.json')[0]!],
];

/** What the reader should give back: a thesis without a publisher is published by its institution. */
function expected(r: Record) {
  const c = comparable(r);
  return { ...c, publisher: c.publisher ?? (r.type === 'thesis' ? r.institution?.name : undefined) };
}



/** The records whose DataCite XML is checked against the schema, with what each is. */
function schemaCases(): [string, Record][] {
  return [
    ...cases,
    ...corpusRecords(),
    ...generatedSamples(40).map((s): [string, Record] => [s.label, s.record]),
    ...fc.sample(arbitraryRecord, { numRuns: 300, seed: 20261201 }).map((r, i): [string, Record] => [`arbitrary record ${i}`, r]),
  ];
}

const REGISTERED = new Date('2026-03-04T05:06:07Z');

describe('DataCite XML writer', () => {
  it('writes every fixture, corpus, generated and arbitrary record valid against the DataCite kernel 4.7 schema', async () => {
    const all = schemaCases();
    expect(all.length).toBeGreaterThan(400);
    const docs = all.map(([, r]) => writeDataCiteXml(r, 'https://example.org/record/x', { registered: REGISTERED }));
    const errors = await validateEach(docs, DATACITE_SCHEMA);
    const invalid = all.flatMap(([what], i) => (errors[i] ? [`${what}: ${errors[i]}`] : []));
    expect(invalid).toEqual([]);
    for (const xml of docs) expect(xml).toContain('<resource xmlns="http://datacite.org/schema/kernel-4"');
  }, 120_000);

  it('the schema check refuses what the schema refuses: a record without publicationYear, naming the element', async () => {
    const xml = writeDataCiteXml(fixtureRecord('seed', 'record.json'), 'https://example.org/record/x').replace(/<publicationYear>\d+<\/publicationYear>/, '');
    const [error] = await validateEach([xml], DATACITE_SCHEMA);
    expect(error).toMatch(/publicationYear/);
    const [bad] = await validateEach([xml.replace('resourceTypeGeneral="JournalArticle"', 'resourceTypeGeneral="Poem"')], DATACITE_SCHEMA);
    expect(bad).toMatch(/resourceTypeGeneral/);
  });

  it('fills mandatory properties with DataCite\'s standard values for unknown information, and the year of registration', () => {
    const empty: Record = { type: 'other', authors: [], contributors: [], subjects: [], isbns: [], notes: [], funding: [], identifiers: [], relations: [] };
    const xml = writeDataCiteXml(empty, 'https://example.org/record/x', { registered: REGISTERED });
    expect(xml).toContain('<identifier identifierType="URL">https://example.org/record/x</identifier>');
    expect(xml).toContain('<creator><creatorName>:unav</creatorName></creator>');
    expect(xml).toContain('<title>:unas</title>');
    expect(xml).toContain('<publisher>:unav</publisher>');
    expect(xml).toContain('<publicationYear>2026</publicationYear>');
    expect(xml).toContain('<resourceType resourceTypeGeneral="Other"/>');
    expect(xml).not.toContain('<rightsList>');
    expect(writeDataCiteXml(empty, 'x', { defaultAccess: 'restricted' })).toContain('<rights rightsURI="info:eu-repo/semantics/restrictedAccess"/>');
    // A record's own year always wins over the registration.
    expect(writeDataCiteXml({ ...empty, date: '1999-05' }, 'x', { registered: REGISTERED })).toContain('<publicationYear>1999</publicationYear>');
  });

  it('served from a catalog, a record with no date takes the year of its datestamp, not of the request', async () => {
    const empty: Record = { type: 'other', authors: [], contributors: [], subjects: [], isbns: [], notes: [], funding: [], identifiers: [], relations: [] };
    const format = formatByName('datacite')!;
    const input = { id: 'x', iri: 'https://example.org/record/x', base: 'https://example.org', record: empty, quads: [], params: {} };
    expect(await format.serialize({ ...input, modified: new Date('2019-12-31T23:59:59Z') })).toContain('<publicationYear>2019</publicationYear>');
  });

  it.each(cases)('%s: reads back to the same Record on the fields DataCite carries', (_what, record) => {
    const back = readRecords(writeDataCiteXml(record, 'https://example.org/record/x'), 'back.xml');
    expect(back).toHaveLength(1);
    const want = expected(record);
    const got = comparable(back[0]!);
    // Relation types DataCite names differently are written under its name (IsReviewOf → Reviews).
    const aliases: { [t: string]: string } = { IsReviewOf: 'Reviews', HasReview: 'IsReviewedBy', IsPreprintOf: 'IsPreviousVersionOf', HasPreprint: 'IsNewVersionOf' };
    want.relations = want.relations.map((r) => ({ ...r, type: aliases[r.type] ?? r.type }));
    expect(got).toEqual(want);
  });

  it('writes the identifier, creators with ORCID and ROR, funding, rights and the container', () => {
    const xml = writeDataCiteXml(crossrefMade[0]!, 'https://example.org/record/x');
    expect(xml).toContain('<identifier identifierType="DOI">10.5555/handbook.ch7</identifier>');
    expect(xml).toContain('<nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">https://orcid.org/0000-0001-5109-3700</nameIdentifier>');
    expect(xml).toContain('<affiliation affiliationIdentifier="https://ror.org/013meh722" affiliationIdentifierScheme="ROR" schemeURI="https://ror.org">University of Cambridge</affiliation>');
    expect(xml).toContain('<funderIdentifier funderIdentifierType="Crossref Funder ID" schemeURI="https://doi.org">https://doi.org/10.13039/501100000781</funderIdentifier>');
    expect(xml).toContain('<rights rightsURI="https://creativecommons.org/licenses/by/4.0/">https://creativecommons.org/licenses/by/4.0/</rights>');
    expect(xml).toContain('<rights rightsURI="info:eu-repo/semantics/openAccess"/>');
    expect(xml).toContain('<relatedItem relationType="IsPublishedIn" relatedItemType="Book">');
    expect(xml).toContain('<resourceType resourceTypeGeneral="BookChapter"/>');
  });

  it('escapes markup in text and attributes', () => {
    const xml = writeDataCiteXml({ ...fixtureRecord('seed', 'record.json'), title: 'A < B & "C"' }, 'https://example.org/record/x');
    expect(xml).toContain('<title>A &lt; B &amp; "C"</title>');
  });

  it('is registered for DataCite content negotiation', () => {
    const f = formatByName('datacite')!;
    expect(f.mediaType).toBe('application/vnd.datacite.datacite+xml');
    expect(formatByName('datacite-xml')).toBe(f);
  });

  it('indents the markup for embedding and never the text', () => {
    const record = { ...fixtureRecord('seed', 'record.json'), title: 'Two\nlines' };
    const xml = writeDataCiteXml(record, 'https://example.org/record/x', { fragment: true, indent: '        ' });
    expect(xml.startsWith('<resource ')).toBe(true);
    expect(xml).toContain('<title>Two\nlines</title>');
    expect(xml).toMatch(/\n {10}<titles>\n {12}<title>/);
  });
});
