// OAI-PMH sets: derived by work type, journal ISSN and sub-folder; ListSets, setSpec in headers, selective
// harvesting by set with from/until and resumption tokens, and the errors for sets that are malformed or unknown.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { errorCodes, liveCatalog, removeDir, ResponseLog, schemaErrors, serve, texts, T0, type Served } from './helpers.js';

const log = new ResponseLog();

let dir: string;
let served: Served;
const R = 'oai:data.example.org:';
/** The thesis's id: its BibTeX key. */
const THESIS = 'dbbe66e459a446a0b6fddf42d3401ccb';

/** Hours after T0 at which each record is committed (datestamps are commit times, not file times). */
const HOURS: { [id: string]: number } = { a0: 0, a1: 1, a2: 2, a3: 3, plos: 10, [THESIS]: 20, top: 30 };
const clock = (id: string) => T0 + (HOURS[id] ?? 0) * 3_600_000;

/** articles/2024/a0..a3 (ISSN 1179-5476), articles/plos (ISSN 1932-6203), theses/thesis (a thesis), top.txt. */
function dataFolder(): string {
  const root = tempDir('sets');
  const seed = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (let i = 0; i < 4; i++) put(`articles/2024/a${i}.txt`, seed.replace(/^DOI:.*$/m, `DOI:10.5555/a.${i}`));
  put('articles/plos.txt', readFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), 'utf8'));
  put('theses/thesis.bib', readFileSync(fixturePath('bibtex', 'bolognese-pure-thesis.bib'), 'utf8'));
  put('top.txt', seed.replace(/^DOI:.*$/m, 'DOI:10.5555/top'));
  return root;
}

beforeAll(async () => {
  dir = dataFolder();
  served = await serve(await liveCatalog(dir, undefined, clock), { oaiPageSize: 2, oaiSets: { names: { 'collection:theses': { name: 'Doctoral theses', description: 'Theses of the graduate school.' } } } });
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

/** Every identifier of a list, following resumption tokens. */
async function harvest(verb: string, args: string): Promise<string[]> {
  const ids: string[] = [];
  let xml = await oai(`verb=${verb}&${args}`);
  for (;;) {
    expect(errorCodes(xml)).toEqual([]);
    ids.push(...texts(xml, 'identifier').filter((i) => i.startsWith('oai:')));
    const token = texts(xml, 'resumptionToken')[0];
    if (!token) return ids;
    xml = await oai(`verb=${verb}&resumptionToken=${encodeURIComponent(token)}`);
  }
}

describe('OAI-PMH sets', () => {
  it('ListSets lists every family and derived set with its name and an oai_dc description', async () => {
    const xml = await oai('verb=ListSets');
    const specs = texts(xml, 'setSpec');
    expect(specs).toEqual(['collection', 'collection:articles', 'collection:articles:2024', 'collection:theses', 'issn', 'issn:1179-5476', 'issn:1932-6203', 'type', 'type:article', 'type:thesis']);
    expect(texts(xml, 'setName')).toContain('Theses');
    expect(texts(xml, 'setName')).toContain('Doctoral theses');
    expect(texts(xml, 'setName')).toContain('Clinical medicine insights. Case reports (ISSN 1179-5476)');
    expect(xml).toContain('<setDescription><oai_dc:dc');
    expect(texts(xml, 'dc:description')).toContain('Theses of the graduate school.');
  });

  it('puts every set a record is in into its header', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${R}a0`);
    expect(texts(xml, 'setSpec')).toEqual(['type', 'type:article', 'issn', 'issn:1179-5476', 'collection', 'collection:articles', 'collection:articles:2024']);
    const top = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=issn:1179-5476&from=2024-01-02T18:00:00Z`);
    expect(texts(top, 'identifier')).toEqual([`${R}top`]);
    expect(texts(top, 'setSpec')).toEqual(['type', 'type:article', 'issn', 'issn:1179-5476']);
  });

  it.each([
    ['type:thesis', [THESIS]],
    ['type:article', ['a0', 'a1', 'a2', 'a3', 'plos', 'top']],
    ['collection:articles', ['a0', 'a1', 'a2', 'a3', 'plos']],
    ['collection:articles:2024', ['a0', 'a1', 'a2', 'a3']],
    ['issn:1932-6203', ['plos']],
    ['collection', ['a0', 'a1', 'a2', 'a3', THESIS, 'plos']],
  ])('harvests set %s, across resumption tokens', async (set, ids) => {
    for (const verb of ['ListIdentifiers', 'ListRecords']) {
      expect(await harvest(verb, `metadataPrefix=oai_dc&set=${set}`)).toEqual(ids.map((id) => R + id));
    }
  });

  it('combines a set with from and until, and keeps the set in the token', async () => {
    const ids = await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=collection:articles&from=2024-01-01T13:00:00Z&until=2024-01-01T22:00:00Z');
    expect(ids).toEqual([`${R}a1`, `${R}a2`, `${R}a3`, `${R}plos`]);
    const first = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:articles');
    expect(first).toMatch(/<resumptionToken completeListSize="5" cursor="0">/);
    const token = texts(first, 'resumptionToken')[0]!;
    const state = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { set?: string };
    expect(state.set).toBe('collection:articles');
  });

  it.each([
    ['an unknown, well-formed set', 'set=type:poem', 'noRecordsMatch'],
    ['an unknown family', 'set=series', 'noRecordsMatch'],
    ['a malformed setSpec', 'set=type%3A%3Aarticle', 'badArgument'],
    ['a setSpec with a space', 'set=type%20article', 'badArgument'],
  ])('%s: %s → %s', async (_name, q, code) => {
    for (const verb of ['ListIdentifiers', 'ListRecords']) expect(errorCodes(await oai(`verb=${verb}&metadataPrefix=oai_dc&${q}`))).toEqual([code]);
  });

  it('ListSets takes no resumption token', async () => {
    expect(errorCodes(await oai('verb=ListSets&resumptionToken=x'))).toEqual(['badResumptionToken']);
  });

  it('with every family turned off, declares no set hierarchy', async () => {
    const none = await serve(served.live, { oaiSets: { families: [] } });
    try {
      for (const q of ['verb=ListSets', 'verb=ListRecords&metadataPrefix=oai_dc&set=type:article']) {
        const xml = await (await fetch(`${none.url}/oai?${q}`)).text();
        expect(errorCodes(xml)).toEqual(['noSetHierarchy']);
        expect(await schemaErrors(xml)).toBe('');
      }
      const plain = await log.text(await fetch(`${none.url}/oai?verb=ListIdentifiers&metadataPrefix=oai_dc`));
      expect(plain).not.toContain('<setSpec>');
    } finally {
      await none.close();
    }
  });

  it('a tombstone keeps the collection sets of its file, and a collection harvest sees the deletion', async () => {
    rmSync(join(dir, 'articles', '2024', 'a3.txt'));
    await served.live.reload();
    expect(await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=collection:articles:2024')).toEqual([`${R}a0`, `${R}a1`, `${R}a2`, `${R}a3`]);
    // a3 is committed last: its deletion is the only change since the last record came.
    const since = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:articles:2024&from=2024-01-02T18:00:01Z');
    expect(texts(since, 'identifier')).toEqual([`${R}a3`]);
    expect(since).toContain(`<header status="deleted"><identifier>${R}a3</identifier>`);
    const gone = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${R}a3`);
    expect(texts(gone, 'setSpec')).toEqual(['collection', 'collection:articles', 'collection:articles:2024']);
    expect(await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=type:article')).toEqual(['a0', 'a1', 'a2', 'plos', 'top'].map((id) => R + id));
  });

  it('every OAI-PMH response above not already checked is valid against the OAI-PMH schema and its payloads\' schemas', async () => {
    expect(log.size).toBeGreaterThan(0);
    expect(await log.invalid()).toEqual([]);
  }, 120_000);
});
