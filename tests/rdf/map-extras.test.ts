// What the registries add to the graph: people's ORCID and affiliations, roles, publisher, licence, funding,
// identifiers, relations, series, ISBN, and each kind of work with its classes and container.
import { describe, expect, it } from 'vitest';
import type { Quad } from '@rdfjs/types';
import { mapRecord } from '../../src/rdf/map-record.js';
import { emptyRecord, type Record, type WorkType } from '../../src/model/record.js';
import { readRecords } from '../../src/readers/index.js';
import { loadValidator } from '../../src/validate/index.js';
import { isPublishable } from '../../src/validate/report.js';
import { fixtureText } from '../helpers/fixtures.js';

const I = 'https://example.org/record/r';
const S = 'http://schema.org/';
const BIBO = 'http://purl.org/ontology/bibo/';
const DCT = 'http://purl.org/dc/terms/';
const TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const values = (q: Quad[], s: string, p: string) => q.filter((x) => x.subject.value === s && x.predicate.value === p).map((x) => x.object.value);

const [chapter, paper, thesis] = readRecords(fixtureText('registry', 'crossref-book-chapter.xml'), 'made.xml');
const ch = mapRecord(chapter!, { iri: I });

describe('people and organisations', () => {
  it('writes ORCID as schema:sameAs on the person, and affiliations as Organizations with their ROR', () => {
    const babbage = `${I}#author-1`;
    expect(values(ch, babbage, `${S}sameAs`)).toEqual(['https://orcid.org/0000-0001-5109-3700']);
    const aff = values(ch, babbage, `${S}affiliation`);
    expect(aff).toEqual([`${I}#author-1-affiliation-1`]);
    expect(values(ch, aff[0]!, TYPE)).toEqual([`${S}Organization`]);
    expect(values(ch, aff[0]!, `${S}sameAs`)).toEqual(['https://ror.org/013meh722']);
  });

  it('writes editors as schema:editor and bibo:editor, translators as schema:translator, other roles through a schema:Role', () => {
    const editor = chapter!.contributors.findIndex((c) => c.role === 'editor') + 1;
    expect(values(ch, I, `${S}editor`)).toEqual([`${I}#contributor-${editor}`]);
    expect(values(ch, I, `${BIBO}editor`)).toEqual([`${I}#contributor-${editor}`]);
    expect(values(ch, I, `${S}translator`)).toHaveLength(1);
    const q = mapRecord({ ...emptyRecord(), contributors: [{ kind: 'person', family: 'Doe', role: 'supervisor' }] }, { iri: I });
    expect(values(q, I, `${S}contributor`)).toEqual([`${I}#contributor-1-role`]);
    expect(values(q, `${I}#contributor-1-role`, `${S}roleName`)).toEqual(['supervisor']);
    expect(values(q, `${I}#contributor-1-role`, `${S}contributor`)).toEqual([`${I}#contributor-1`]);
    expect(values(q, I, `${DCT}contributor`)).toEqual([`${I}#contributor-1`]);
  });

  it('writes the publisher as a schema:Organization, for schema:publisher and dcterms:publisher', () => {
    expect(values(ch, I, `${S}publisher`)).toEqual([`${I}#publisher`]);
    expect(values(ch, I, `${DCT}publisher`)).toEqual([`${I}#publisher`]);
    expect(values(ch, `${I}#publisher`, `${S}name`)).toEqual(['Example Press']);
    expect(values(ch, `${I}#publisher`, `${S}location`)).toEqual(['London']);
  });
});

describe('licence, funding, identifiers and relations', () => {
  it('writes the licence as an IRI for schema:license and dcterms:license', () => {
    expect(values(ch, I, `${S}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    expect(values(ch, I, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
  });

  it('writes funding as a schema:Grant with its award number and its funder with the Funder ID', () => {
    expect(values(ch, I, `${S}funding`)).toEqual([`${I}#grant-1`]);
    expect(values(ch, `${I}#grant-1`, TYPE)).toEqual([`${S}Grant`]);
    expect(values(ch, `${I}#grant-1`, `${S}identifier`)).toEqual(['ERC-2020-123']);
    expect(values(ch, `${I}#grant-1-funder`, `${S}sameAs`)).toEqual(['https://doi.org/10.13039/501100000781']);
  });

  it('writes relations with the schema.org property where one means the same, and Dublin Core', () => {
    expect(values(ch, I, `${S}translationOfWork`)).toEqual(['https://doi.org/10.5555/original']);
    const q = mapRecord({ ...emptyRecord(), relations: [
      { type: 'References', identifier: { scheme: 'doi', value: '10.1/a' } },
      { type: 'IsSupplementedBy', identifier: { scheme: 'url', value: 'https://x.org/d' } },
      { type: 'IsBasedOn', identifier: { scheme: 'arxiv', value: '2101.00001' } },
      { type: 'Cites', identifier: { scheme: 'local', value: 'no resolver' } },
    ] }, { iri: I });
    expect(values(q, I, `${S}citation`)).toEqual(['https://doi.org/10.1/a']);
    expect(values(q, I, `${DCT}references`)).toEqual(['https://doi.org/10.1/a']);
    expect(values(q, I, `${DCT}relation`)).toEqual(['https://x.org/d']);
    expect(values(q, I, `${S}isBasedOn`)).toEqual(['https://arxiv.org/abs/2101.00001']);
  });

  it('writes other identifiers as PropertyValues with their propertyID', () => {
    const q = mapRecord({ ...emptyRecord(), identifiers: [{ scheme: 'pmid', value: '123' }] }, { iri: I });
    expect(values(q, I, `${S}identifier`)).toEqual([`${I}#identifier-1`]);
    expect(values(q, `${I}#identifier-1`, `${S}propertyID`)).toEqual(['PMID']);
    expect(values(q, I, `${DCT}identifier`)).toEqual(['https://pubmed.ncbi.nlm.nih.gov/123']);
    expect(values(q, I, `${BIBO}pmid`)).toEqual(['123']);
  });
});

describe('kinds of work', () => {
  it.each([
    ['article', 'ScholarlyArticle', 'AcademicArticle', 'Text'],
    ['chapter', 'Chapter', 'Chapter', 'Text'],
    ['book', 'Book', 'Book', 'Text'],
    ['thesis', 'Thesis', 'Thesis', 'Text'],
    ['report', 'Report', 'Report', 'Text'],
    ['dataset', 'Dataset', undefined, 'Dataset'],
    ['software', 'SoftwareSourceCode', undefined, 'Software'],
    ['blog-post', 'BlogPosting', 'Article', 'Text'],
    ['review', 'Review', 'Article', 'Text'],
  ] as [WorkType, string, string | undefined, string][])('%s: schema:%s, bibo:%s, dcmitype:%s', (type, schemaClass, biboClass, dcmi) => {
    const q = mapRecord(emptyRecord(type), { iri: I });
    expect(values(q, I, TYPE)).toEqual([`${S}${schemaClass}`, ...(biboClass ? [`${BIBO}${biboClass}`] : [])]);
    expect(values(q, I, `${DCT}type`)).toEqual([`http://purl.org/dc/dcmitype/${dcmi}`]);
  });

  it("puts a chapter in a schema:Book with the book's ISBN, never in a Periodical", () => {
    expect(values(ch, I, `${S}isPartOf`)).toEqual([`${I}#book`]);
    expect(values(ch, `${I}#book`, TYPE)).toEqual([`${S}Book`]);
    expect(values(ch, `${I}#book`, `${S}isbn`)).toEqual(['9780306406157']);
    expect(ch.some((x) => x.object.value === `${S}Periodical`)).toBe(false);
  });

  it('puts a conference paper in its proceedings, a schema:Book and bibo:Proceedings', () => {
    const q = mapRecord(paper!, { iri: I });
    expect(values(q, `${I}#book`, TYPE)).toEqual([`${S}Book`, `${BIBO}Proceedings`]);
  });

  it('names the institution of a thesis as schema:sourceOrganization and bibo:issuer', () => {
    const q = mapRecord(thesis!, { iri: I });
    expect(values(q, I, `${S}sourceOrganization`)).toEqual([`${I}#institution`]);
    expect(values(q, I, `${BIBO}issuer`)).toEqual([`${I}#institution`]);
    expect(values(q, `${I}#institution`, `${S}sameAs`)).toEqual(['https://ror.org/011vxgd24']);
  });

  it('writes ISBN, edition and the series of a book', () => {
    const book: Record = { ...emptyRecord('book'), title: 'B', isbns: ['9780306406157'], edition: '2', series: { title: 'Lecture Notes', number: '12', issns: ['0302-9743'] } };
    const q = mapRecord(book, { iri: I });
    expect(values(q, I, `${S}isbn`)).toEqual(['9780306406157']);
    expect(values(q, I, `${BIBO}isbn13`)).toEqual(['9780306406157']);
    expect(values(q, I, `${S}bookEdition`)).toEqual(['2']);
    expect(values(q, I, `${S}isPartOf`)).toEqual([`${I}#series`]);
    expect(values(q, `${I}#series`, TYPE)).toEqual([`${S}BookSeries`]);
    expect(values(q, I, `${S}position`)).toEqual(['12']);
  });
});

describe('the per-type shapes', () => {
  const base = (type: WorkType): Record => ({ ...emptyRecord(type), title: 'T', authors: [{ kind: 'person', family: 'A' }], date: '2020' });
  const results = async (r: Record) => (await loadValidator()).validate(mapRecord(r, { iri: I }));

  it('refuses a book in a journal', async () => {
    const q = mapRecord(base('book'), { iri: I });
    // The mapping never writes one; a graph that says so is refused.
    q.push(...mapRecord({ ...base('article'), container: { title: 'J', issns: [] } }, { iri: I }).filter((x) => x.subject.value === `${I}#periodical` || x.predicate.value === `${S}isPartOf`));
    const report = (await loadValidator()).validate(q);
    expect(isPublishable(report)).toBe(false);
    expect(report.results.filter((r) => r.severity === 'Violation').map((r) => r.field)).toContain('journal');
  });

  it('warns when a thesis names no institution, and not when it does', async () => {
    expect((await results(base('thesis'))).results.map((r) => [r.severity, r.field])).toContainEqual(['Warning', 'institution']);
    const withInst = await results({ ...base('thesis'), institution: { name: 'U' } });
    expect(withInst.results.map((r) => r.field)).not.toContain('institution');
  });

  it('warns when a chapter names no book, and publishes it', async () => {
    const report = await results(base('chapter'));
    expect(report.results.map((r) => [r.severity, r.field])).toContainEqual(['Warning', 'book title']);
    expect(isPublishable(report)).toBe(true);
  });

  it('warns when a book has no ISBN', async () => {
    expect((await results(base('book'))).results.map((r) => [r.severity, r.field])).toContainEqual(['Warning', 'ISBN']);
  });
});
