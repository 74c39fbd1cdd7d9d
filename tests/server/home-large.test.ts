// The home page of a large catalog lists and filters from the index alone, holding no list of every record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/catalog.js';
import { LiveCatalog } from '../../src/catalog/live.js';
import type { CatalogReader, Entry } from '../../src/store/store.js';
import { BASE, listenApp, type Listening } from './harness.js';

const COUNT = 12_000;
let listening: Listening;
let url: string;
let reads = 0;

beforeAll(async () => {
  const entries: Entry[] = Array.from({ length: COUNT }, (_, i) => ({
    id: `r${String(i).padStart(5, '0')}`,
    version: 'v',
    datestamp: 1_700_000_000_000 + i,
    source: `r${i}.txt`,
    title: i % 1000 === 7 ? `Ölfleck ${i}` : `Title ${i}`,
  }));
  // Any read of a record would be counted: the page must come from the index.
  const store: CatalogReader = {
    location: 'memory',
    meta: async () => ({ formatVersion: 2 }),
    entries: async () => entries,
    async *entryBatches() {
      yield entries;
    },
    changesSince: async () => [],
    version: async () => (reads++, undefined),
    representation: async () => undefined,
    refusals: async () => [],
  };
  const catalog = new Catalog(BASE, entries, [], store);
  listening = await listenApp(new LiveCatalog(catalog, async () => catalog));
  url = listening.url;
});

afterAll(() => listening.close());

const items = (page: string) => [...page.matchAll(/<li><a class="title" href="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]);

describe('the home page of a catalog past 5,000 records', () => {
  it('lists the first 200 records by title, and says how to see the rest', async () => {
    const page = await (await fetch(`${url}/`, { headers: { accept: 'text/html' } })).text();
    const listed = items(page);
    expect(listed).toHaveLength(200);
    expect(listed[0]).toEqual([`${BASE}/record/r00000`, 'Title 0']);
    expect(listed[199]).toEqual([`${BASE}/record/r00199`, 'Title 199']);
    expect(page).toContain('12000 records.');
    expect(page).toContain('The first 200 are listed.');
    expect(reads).toBe(0);
  });

  it('filters by title without accents or case, counting exactly when few match', async () => {
    const page = await (await fetch(`${url}/?q=olfleck`, { headers: { accept: 'text/html' } })).text();
    expect(items(page).map((i) => i[1])).toEqual(Array.from({ length: 12 }, (_, k) => `Ölfleck ${k * 1000 + 7}`));
    expect(page).toContain('12 of 12000 records match “olfleck”.');
  });

  it('stops at the first 200 matches when more match, and says so', async () => {
    const page = await (await fetch(`${url}/?q=title`, { headers: { accept: 'text/html' } })).text();
    expect(items(page)).toHaveLength(200);
    expect(page).toContain('More than 200 of 12000 records match “title”.');
    expect(reads).toBe(0);
  });
});
