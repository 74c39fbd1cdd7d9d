import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, errorCodes, generateCatalogDir, liveCatalog, removeDir, ResponseLog, schemaErrors, serve, texts, type Served } from './helpers.js';

const log = new ResponseLog();

let dir: string;
let served: Served;
const ID = 'oai:data.example.org:gen-00003';

beforeAll(async () => {
  dir = generateCatalogDir(12);
  served = await serve(await liveCatalog(dir), { oaiPageSize: 5 });
});
afterAll(async () => {
  await served?.close();
  removeDir(dir);
});

async function oai(query: string): Promise<string> {
  const res = await fetch(`${served.url}/oai${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  return log.text(res);
}

describe('OAI-PMH error cases (the validator table)', () => {
  const cases: Array<[string, string, string]> = [
    ['no verb', '', 'badVerb'],
    ['verb=junk', 'verb=junk', 'badVerb'],
    ['repeated verb', 'verb=Identify&verb=Identify', 'badVerb'],
    ['repeated argument', 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
    ['illegal argument', 'verb=Identify&foo=bar', 'badArgument'],
    ['GetRecord without identifier', 'verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
    ['GetRecord without metadataPrefix', `verb=GetRecord&identifier=${ID}`, 'badArgument'],
    ['GetRecord unknown identifier', 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:data.example.org:nope', 'idDoesNotExist'],
    ['GetRecord identifier of another host', 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:evil.example:gen-00003', 'idDoesNotExist'],
    ['ListMetadataFormats unknown identifier', 'verb=ListMetadataFormats&identifier=oai:data.example.org:nope', 'idDoesNotExist'],
    ['GetRecord unknown metadataPrefix', `verb=GetRecord&metadataPrefix=marc&identifier=${ID}`, 'cannotDisseminateFormat'],
    ['ListRecords unknown metadataPrefix', 'verb=ListRecords&metadataPrefix=marc', 'cannotDisseminateFormat'],
    ['ListIdentifiers without metadataPrefix', 'verb=ListIdentifiers', 'badArgument'],
    ['from not a date', 'verb=ListRecords&metadataPrefix=oai_dc&from=junk', 'badArgument'],
    ['until not a date', 'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2024-13-45', 'badArgument'],
    ['from finer than seconds', 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01T00:00:00.5Z', 'badArgument'],
    ['from with a time zone offset', 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01T00:00:00%2B01:00', 'badArgument'],
    ['mixed granularities', 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01&until=2024-02-01T00:00:00Z', 'badArgument'],
    ['from after until', 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-02-01&until=2024-01-01', 'badArgument'],
    ['resumptionToken=junk', 'verb=ListRecords&resumptionToken=junk', 'badResumptionToken'],
    ['resumptionToken with another argument', 'verb=ListRecords&resumptionToken=junk&metadataPrefix=oai_dc', 'badArgument'],
    ['until before the earliest datestamp', 'verb=ListRecords&metadataPrefix=oai_dc&until=2000-01-01', 'noRecordsMatch'],
    ['from after the latest datestamp', 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2030-01-01T00:00:00Z', 'noRecordsMatch'],
    ['ListRecords with an unknown set', 'verb=ListRecords&metadataPrefix=oai_dc&set=a', 'noRecordsMatch'],
    ['ListRecords with a malformed set', 'verb=ListRecords&metadataPrefix=oai_dc&set=a:', 'badArgument'],
  ];
  it.each(cases)('%s (%s) → %s', async (_name, query, code) => {
    const xml = await oai(query);
    expect(errorCodes(xml)).toEqual([code]);
    expect(await schemaErrors(xml)).toBe('');
    const request = /<request([^>]*)>([^<]*)<\/request>/.exec(xml)!;
    expect(request[2]).toBe(`${BASE}/oai`);
    // badVerb and badArgument echo no arguments (§3.6); other errors echo the verb.
    if (code === 'badVerb' || code === 'badArgument') expect(request[1]).toBe('');
    else expect(request[1]).toContain('verb="');
  });

  it('reports both an unknown format and an unknown identifier', async () => {
    const xml = await oai('verb=GetRecord&metadataPrefix=marc&identifier=oai:data.example.org:nope');
    expect(errorCodes(xml).sort()).toEqual(['cannotDisseminateFormat', 'idDoesNotExist']);
    expect(await schemaErrors(xml)).toBe('');
  });

  it('refuses a token whose signature was altered', async () => {
    const first = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    const token = texts(first, 'resumptionToken')[0]!;
    const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
    payload.cursor = 0;
    payload.index = 0;
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${token.split('.')[1]}`;
    expect(errorCodes(await oai(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(forged)}`))).toEqual(['badResumptionToken']);
    // A token is bound to its verb.
    expect(errorCodes(await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`))).toEqual(['badResumptionToken']);
  });
});

describe('OAI-PMH verbs', () => {
  it('Identify', async () => {
    const xml = await oai('verb=Identify');
    expect(await schemaErrors(xml)).toBe('');
    expect(texts(xml, 'baseURL')).toEqual([`${BASE}/oai`]);
    expect(texts(xml, 'protocolVersion')).toEqual(['2.0']);
    expect(texts(xml, 'earliestDatestamp')).toEqual(['2024-01-01T12:00:00Z']);
    expect(texts(xml, 'deletedRecord')).toEqual(['persistent']);
    expect(texts(xml, 'granularity')).toEqual(['YYYY-MM-DDThh:mm:ssZ']);
    expect(texts(xml, 'adminEmail')).toEqual(['webmaster@data.example.org']);
    // The oai-identifier description: the base's host as repositoryIdentifier, a real record as the sample.
    expect(xml).toContain('<oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier"');
    expect(texts(xml, 'repositoryIdentifier')).toEqual(['data.example.org']);
    expect(texts(xml, 'sampleIdentifier')).toEqual(['oai:data.example.org:gen-00000']);
    const sample = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${texts(xml, 'sampleIdentifier')[0]}`);
    expect(errorCodes(sample)).toEqual([]);
  });

  it('ListMetadataFormats', async () => {
    for (const q of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${ID}`]) {
      const xml = await oai(q);
      expect(await schemaErrors(xml)).toBe('');
      expect(texts(xml, 'metadataPrefix')).toEqual(['oai_dc', 'marc21', 'oai_datacite', 'oai_openaire', 'rdf']);
    }
  });

  it('GetRecord in oai_dc', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${ID}`);
    expect(await schemaErrors(xml)).toBe('');
    expect(texts(xml, 'identifier')).toEqual([ID]);
    expect(texts(xml, 'dc:identifier')).toEqual([`${BASE}/record/gen-00003`, 'https://doi.org/10.5555/gen.3']);
    expect(texts(xml, 'datestamp')).toEqual(['2024-01-01T15:00:00Z']);
    expect(texts(xml, 'dc:title')).toEqual(['Generated record 3 &lt;3&gt; &amp; a spine']);
    expect(texts(xml, 'dc:creator')).toEqual(["O'Neil, Given0", 'Smith &amp; Sons, Given1', 'Nakamura, Given2', 'Da Silva, Given3']);
    expect(texts(xml, 'dc:source')[0]).toMatch(/^Clinical medicine insights\. Case reports, vol\. 16, .*ISSN 1179-5476$/);
    expect(texts(xml, 'dc:language')).toEqual(['en']);
    expect(texts(xml, 'dc:date')).toEqual(['2023']);
  });

  it('GetRecord in rdf embeds the record graph as RDF/XML', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=rdf&identifier=${ID}`);
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<rdf:RDF');
    expect(xml).toContain(`rdf:about="${BASE}/record/gen-00003"`);
    expect(xml).not.toMatch(/<metadata>\s*<\?xml/);
  });

  it('selects by from and until at both granularities', async () => {
    // Records 0..11 are at 12:00 + i hours on 2024-01-01 (i ≤ 11 stays on that day, up to 23:00).
    const ids = async (q: string) => texts(await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&${q}`), 'identifier');
    expect(await ids('from=2024-01-01T20:00:00Z&until=2024-01-01T21:00:00Z')).toEqual(['oai:data.example.org:gen-00008', 'oai:data.example.org:gen-00009']);
    expect((await ids('from=2024-01-01&until=2024-01-01')).length).toBe(5); // first page of 12
    const last = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2024-01-01T12:00:00Z');
    expect(texts(last, 'identifier')).toEqual(['oai:data.example.org:gen-00000']);
    expect(last).not.toContain('resumptionToken');
  });

  it('POST with a form body answers like GET', async () => {
    const body = new URLSearchParams({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID });
    const res = await fetch(`${served.url}/oai`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const posted = (await log.text(res)).replace(/<responseDate>[^<]*/, '');
    const got = (await oai(body.toString())).replace(/<responseDate>[^<]*/, '');
    expect(posted).toBe(got);
    const bad = await fetch(`${served.url}/oai`, { method: 'POST', body: 'verb=Identify&verb=ListSets', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(errorCodes(await log.text(bad))).toEqual(['badVerb']);
  });

  it('pages with cursor and completeListSize, and ends with an empty token', async () => {
    const first = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect(await schemaErrors(first)).toBe('');
    expect(first).toMatch(/<resumptionToken completeListSize="12" cursor="0">[^<]+<\/resumptionToken>/);
    const second = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(texts(first, 'resumptionToken')[0]!)}`);
    expect(second).toMatch(/<resumptionToken completeListSize="12" cursor="5">[^<]+<\/resumptionToken>/);
    const third = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(texts(second, 'resumptionToken')[0]!)}`);
    expect(await schemaErrors(third)).toBe('');
    expect(third).toMatch(/<resumptionToken completeListSize="12" cursor="10"><\/resumptionToken>/);
    expect(texts(third, 'identifier').filter((i) => i.startsWith('oai:'))).toEqual(['oai:data.example.org:gen-00010', 'oai:data.example.org:gen-00011']);
  });

  it('gzips when asked', async () => {
    const res = await fetch(`${served.url}/oai?verb=Identify`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(await log.text(res)).toContain('<Identify>');
  });

  it('every OAI-PMH response above is valid against the OAI-PMH schema and its payloads\' schemas', async () => {
    expect(log.size).toBeGreaterThan(0);
    expect(await log.invalid()).toEqual([]);
  }, 120_000);
});
