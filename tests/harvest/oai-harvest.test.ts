import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, generateCatalogDir, liveCatalog, removeDir, ResponseLog, schemaErrors, serve, texts, type Served } from './helpers.js';

const log = new ResponseLog();

const N = 2_600;
let dir: string;
let served: Served;

beforeAll(async () => {
  dir = generateCatalogDir(N);
  served = await serve(await liveCatalog(dir), { oaiPageSize: 100 });
}, 120_000);
afterAll(async () => {
  await served?.close();
  removeDir(dir);
});

/** Follows every resumption token; returns the OAI identifiers of each page, in order, and the responses. */
async function harvest(verb: string, first: string): Promise<{ ids: string[]; pages: string[] }> {
  const ids: string[] = [];
  const pages: string[] = [];
  let query = `verb=${verb}&${first}`;
  for (;;) {
    const xml = await (await fetch(`${served.url}/oai?${query}`)).text();
    expect(errorCodes(xml)).toEqual([]);
    pages.push(xml);
    ids.push(...texts(xml, 'identifier').filter((i) => i.startsWith('oai:')));
    const token = texts(xml, 'resumptionToken')[0];
    if (!token) break;
    query = `verb=${verb}&resumptionToken=${encodeURIComponent(token)}`;
  }
  return { ids, pages };
}

describe('a full harvest', () => {
  const expected = Array.from({ length: N }, (_, i) => `oai:data.example.org:gen-${String(i).padStart(5, '0')}`);

  it.each(['ListIdentifiers', 'ListRecords'])('%s returns every record exactly once', async (verb) => {
    const { ids, pages } = await harvest(verb, 'metadataPrefix=oai_dc');
    expect(ids.length).toBe(N);
    expect(new Set(ids).size).toBe(N);
    expect(ids).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(N / 100));
    // Every page is valid, each cursor counts what came before, and the last token is empty.
    for (const [i, xml] of pages.entries()) {
      expect(await schemaErrors(xml)).toBe('');
      expect(xml).toContain(`completeListSize="${N}" cursor="${i * 100}"`);
    }
    expect(pages.at(-1)).toMatch(/<resumptionToken [^>]*><\/resumptionToken>/);
  }, 120_000);

  it('a selective harvest pages over just the matching records', async () => {
    // Records 100..1099 by datestamp (T0 + i hours).
    const from = new Date(Date.UTC(2024, 0, 1, 12) + 100 * 3_600_000).toISOString().slice(0, 19) + 'Z';
    const until = new Date(Date.UTC(2024, 0, 1, 12) + 1099 * 3_600_000).toISOString().slice(0, 19) + 'Z';
    const { ids, pages } = await harvest('ListIdentifiers', `metadataPrefix=oai_dc&from=${from}&until=${until}`);
    expect(ids).toEqual(expected.slice(100, 1100));
    expect(pages[0]).toContain('completeListSize="1000" cursor="0"');
  }, 60_000);

  it('continues after the last identifier when the catalog changed between pages', async () => {
    const first = await log.text(await fetch(`${served.url}/oai?verb=ListIdentifiers&metadataPrefix=oai_dc`));
    const token = texts(first, 'resumptionToken')[0]!;
    await served.live.reload(); // a new snapshot: same records, new catalog object
    const { Catalog } = await import('../../src/catalog/catalog.js');
    const current = served.live.current;
    // Drop the first 50 records: the snapshot identity changes, the index in the token is then meaningless.
    (served.live as unknown as { catalog: unknown }).catalog = new Catalog(current.base, current.records.slice(50), [], current.store, current.cache, current.meta);
    const next = await log.text(await fetch(`${served.url}/oai?verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`));
    expect(texts(next, 'identifier')[0]).toBe(expected[100]);
    expect(next).toContain(`completeListSize="${N}" cursor="100"`);
    (served.live as unknown as { catalog: unknown }).catalog = current;
  });

  it('every OAI-PMH response above not already checked page by page is valid against the OAI-PMH schema and its payloads\' schemas', async () => {
    expect(log.size).toBeGreaterThan(0);
    expect(await log.invalid()).toEqual([]);
  }, 120_000);
});
