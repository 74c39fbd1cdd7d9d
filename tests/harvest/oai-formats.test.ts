// The metadata formats written from the Record (marc21 and oai_datacite besides oai_dc and rdf): listed, valid
// inside OAI-PMH responses, and read back by ldpub's own readers to the same Record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';
import { writeMarcXml } from '../../src/formats/marcxml.js';
import { readMarc } from '../../src/readers/marc/index.js';
import { errorCodes, generateCatalogDir, liveCatalog, removeDir, schemaErrors, serve, texts, type Served } from './helpers.js';

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
