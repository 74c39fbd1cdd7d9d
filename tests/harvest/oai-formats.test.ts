// The metadata formats written from the Record (marc21, oai_datacite and oai_openaire besides oai_dc and rdf): listed,
// valid inside OAI-PMH responses and on their own against their schemas, and (marc21, oai_datacite) read back by
// ldpub's own readers to the same Record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';
import { writeDataCiteXml } from '../../src/formats/datacite-xml.js';
import { writeMarcXml } from '../../src/formats/marcxml.js';
import { readRecords } from '../../src/readers/index.js';
import { readMarc } from '../../src/readers/marc/index.js';
import { errorCodes, generateCatalogDir, liveCatalog, removeDir, schemaErrors, serve, texts, type Served } from './helpers.js';
import { DATACITE_SCHEMA, OPENAIRE_SCHEMA, validateEach } from './schemas.js';

let dir: string;
let served: Served;
const ID = 'oai:data.example.org:gen-00001';

beforeAll(async () => {
  dir = generateCatalogDir(4);
  served = await serve(await liveCatalog(dir), { oaiPageSize: 3 });
});
afterAll(async () => {
  await served?.close();
  removeDir(dir);
});

async function oai(query: string): Promise<string> {
  const xml = await (await fetch(`${served.url}/oai?${query}`)).text();
  expect(await schemaErrors(xml)).toBe('');
  return xml;
}

/** The single element inside <metadata>. */
function metadataOf(xml: string): string {
  const m = /<metadata>\s*([\s\S]*?)\s*<\/metadata>/.exec(xml);
  expect(m).not.toBeNull();
  return m![1]!;
}

describe('marc21', () => {
  it('is listed, for the repository and for each record', async () => {
    for (const q of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${ID}`]) {
      const xml = await oai(q);
      expect(texts(xml, 'metadataPrefix')).toContain('marc21');
      expect(xml).toContain('<metadataPrefix>marc21</metadataPrefix><schema>http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd</schema><metadataNamespace>http://www.loc.gov/MARC21/slim</metadataNamespace>');
    }
  });

  it('GetRecord gives MARC 21 slim, valid against its schema, that reads back to the same Record', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=marc21&identifier=${ID}`);
    expect(errorCodes(xml)).toEqual([]);
    const marc = metadataOf(xml);
    expect(marc).toMatch(/^<record xmlns="http:\/\/www\.loc\.gov\/MARC21\/slim">/);
    const [back, ...rest] = readMarc(marc, 'gen-00001.xml');
    expect(rest).toEqual([]);
    expect(isLdpubError(back)).toBe(false);
    const record = (await served.live.current.get('gen-00001'))!.record;
    // The same Record the MARC writer's own round trip gives (tests/formats/marcxml.test.ts shows that one keeps
    // every field MARC carries), and the fields that matter here, field by field.
    const [direct] = readMarc(writeMarcXml(record, 'gen-00001'), 'gen-00001.xml');
    expect(back).toEqual(direct);
    const r = back as Record;
    expect(r.id).toBe('gen-00001');
    expect(r.title).toBe(record.title);
    expect(r.doi).toBe(record.doi);
    expect(r.authors.map((a) => (a.kind === 'person' ? a.family : a.name))).toEqual(record.authors.map((a) => (a.kind === 'person' ? a.family : a.name)));
    expect(r.container?.issns).toEqual(record.container?.issns);
  });

  it('ListRecords in marc21 pages and every page is valid', async () => {
    const first = await oai('verb=ListRecords&metadataPrefix=marc21');
    expect((first.match(/<record xmlns="http:\/\/www\.loc\.gov\/MARC21\/slim">/g) ?? []).length).toBe(3);
    const token = texts(first, 'resumptionToken')[0]!;
    const second = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
    expect((second.match(/<record xmlns="http:\/\/www\.loc\.gov\/MARC21\/slim">/g) ?? []).length).toBe(1);
  });
});

describe('oai_datacite', () => {
  it('is listed with the DataCite kernel-4 schema and namespace, for the repository and for each record', async () => {
    for (const q of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${ID}`]) {
      const xml = await oai(q);
      expect(xml).toContain('<metadataPrefix>oai_datacite</metadataPrefix><schema>https://schema.datacite.org/meta/kernel-4/metadata.xsd</schema><metadataNamespace>http://datacite.org/schema/kernel-4</metadataNamespace>');
    }
  });

  it('GetRecord gives a kernel-4 <resource>, valid against the kernel 4.7 schema, that reads back to the same Record', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_datacite&identifier=${ID}`);
    expect(errorCodes(xml)).toEqual([]);
    const resource = metadataOf(xml);
    expect(resource).toMatch(/^<resource xmlns="http:\/\/datacite\.org\/schema\/kernel-4"/);
    expect(await validateEach([resource], DATACITE_SCHEMA)).toEqual(['']);
    const [back, ...rest] = readRecords(resource, 'gen-00001.xml');
    expect(rest).toEqual([]);
    const published = (await served.live.current.get('gen-00001'))!;
    const record = published.record;
    // The same Record the DataCite writer's own round trip gives (tests/formats/datacite-xml.test.ts shows which
    // fields that keeps), and the fields that matter here, field by field.
    const [direct] = readRecords(writeDataCiteXml(record, published.iri, { registered: published.lastModified }), 'gen-00001.xml');
    expect(back).toEqual(direct);
    expect(back!.title).toBe(record.title);
    expect(back!.doi).toBe(record.doi);
    expect(back!.date).toBe(record.date);
    expect(back!.authors).toEqual(record.authors);
    expect(back!.container?.issns).toEqual(record.container?.issns);
    expect(back!.container?.title).toBe(record.container?.title);
    expect(back!.locator).toEqual(record.locator);
  });

  it('ListRecords in oai_datacite pages and every page is valid', async () => {
    const first = await oai('verb=ListRecords&metadataPrefix=oai_datacite');
    expect((first.match(/<resource xmlns="http:\/\/datacite\.org\/schema\/kernel-4"/g) ?? []).length).toBe(3);
    const token = texts(first, 'resumptionToken')[0]!;
    const second = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
    expect((second.match(/<resource xmlns="http:\/\/datacite\.org\/schema\/kernel-4"/g) ?? []).length).toBe(1);
  });

  it('the response check refuses a DataCite payload the kernel schema refuses', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_datacite&identifier=${ID}`);
    expect(await schemaErrors(xml.replace(/<publicationYear>\d+<\/publicationYear>/, '<publicationYear>soon</publicationYear>'))).toMatch(/publicationYear/);
  });
});

describe('oai_openaire', () => {
  it('is listed with the OpenAIRE 4.0 schema and namespace, for the repository and for each record', async () => {
    for (const q of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${ID}`]) {
      const xml = await oai(q);
      expect(xml).toContain('<metadataPrefix>oai_openaire</metadataPrefix><schema>https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd</schema><metadataNamespace>http://namespace.openaire.eu/schema/oaire/</metadataNamespace>');
    }
  });

  it('GetRecord gives an <oaire:resource>, valid against the OpenAIRE 4.0 schema, with the COAR type and the citation', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_openaire&identifier=${ID}`);
    expect(errorCodes(xml)).toEqual([]);
    const resource = metadataOf(xml);
    expect(resource).toMatch(/^<oaire:resource xmlns:oaire="http:\/\/namespace\.openaire\.eu\/schema\/oaire\/"/);
    expect(await validateEach([resource], OPENAIRE_SCHEMA)).toEqual(['']);
    const record = (await served.live.current.get('gen-00001'))!.record;
    expect(resource).toContain('<oaire:resourceType resourceTypeGeneral="literature" uri="http://purl.org/coar/resource_type/c_6501">journal article</oaire:resourceType>');
    expect(resource).toContain(`<datacite:alternateIdentifier alternateIdentifierType="DOI">${record.doi}</datacite:alternateIdentifier>`);
    expect(resource).toContain('<datacite:identifier identifierType="URL">http://data.example.org/record/gen-00001</datacite:identifier>');
    expect(resource).toContain(`<oaire:citationTitle>${record.container!.title}</oaire:citationTitle>`);
    expect(resource).toContain('<oaire:version uri="http://purl.org/coar/version/c_970fb48d4fbd8a85">VoR</oaire:version>');
  });

  it('writes the configured access level as COAR access rights', async () => {
    const dir2 = generateCatalogDir(1);
    const other = await serve(await liveCatalog(dir2), { oaiDefaultAccess: 'open' });
    try {
      const xml = await (await fetch(`${other.url}/oai?verb=GetRecord&metadataPrefix=oai_openaire&identifier=oai:data.example.org:gen-00000`)).text();
      expect(await schemaErrors(xml)).toBe('');
      expect(xml).toContain('<datacite:rights rightsURI="http://purl.org/coar/access_right/c_abf2">open access</datacite:rights>');
    } finally {
      await other.close();
      removeDir(dir2);
    }
  });

  it('ListRecords in oai_openaire pages and every page is valid', async () => {
    const first = await oai('verb=ListRecords&metadataPrefix=oai_openaire');
    expect((first.match(/<oaire:resource /g) ?? []).length).toBe(3);
    const token = texts(first, 'resumptionToken')[0]!;
    const second = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
    expect((second.match(/<oaire:resource /g) ?? []).length).toBe(1);
  });

  it('the response check refuses an OpenAIRE payload its schema refuses', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_openaire&identifier=${ID}`);
    expect(await schemaErrors(xml.replace('resourceTypeGeneral="literature"', 'resourceTypeGeneral="publication"'))).toMatch(/resourceTypeGeneral/);
  });
});
