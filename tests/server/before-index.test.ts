// A restarted server answers single records from the store while it reads its index; listings answer 503 with
// Retry-After until the index is in, then everything answers as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { catalogBeforeIndex, catalogFromStore } from '../../src/catalog/catalog.js';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { closeStores, openStore } from '../../src/store/lmdb-store.js';
import { BASE, dataFolder, listenApp, SEED_ID, acceptAll, type Listening } from './harness.js';

let listening: Listening;
let url: string;
let live: LiveCatalog;
let swapIn: () => Promise<void>;

beforeAll(async () => {
  const dir = dataFolder();
  await loadCatalog({ dataDir: dir, base: BASE, gate: acceptAll });
  const store = await openStore(join(dir, '.ldpub'));
  rmSync(join(dir, `${SEED_ID}.txt`)); // the folder is not read: what the store published is served
  live = new LiveCatalog(await catalogBeforeIndex(store, BASE, (id) => store.entrySync(id)), () => Promise.reject(new Error('not here')));
  swapIn = async () => live.swap(await catalogFromStore(store, BASE));
  listening = await listenApp(live);
  url = listening.url;
});

afterAll(async () => {
  await listening.close();
  await closeStores();
});

describe('before the index is read', () => {
  it('answers a record in every way it will after, and 404 for an unknown one', async () => {
    const ttl = await fetch(`${url}/record/${SEED_ID}`, { headers: { accept: 'text/turtle' } });
    expect(ttl.status).toBe(200);
    expect(await ttl.text()).toContain(`${BASE}/record/${SEED_ID}`);
    expect((await fetch(`${url}/record/${SEED_ID}.nt`)).status).toBe(200);
    expect((await fetch(`${url}/record/${SEED_ID}/validation`)).status).toBe(200);
    expect((await fetch(`${url}/record/nosuch`)).status).toBe(404);
  });

  it.each(['/', '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc', '/dump.nt', '/sitemap.xml', '/records', '/health', '/.well-known/void'])('answers %s with 503 and Retry-After', async (path) => {
    const res = await fetch(`${url}${path}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('answers everything once the index is in', async () => {
    await swapIn();
    for (const path of ['/', '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc', '/dump.nt', '/sitemap.xml', '/health']) expect((await fetch(`${url}${path}`)).status, path).toBe(200);
    expect((await fetch(`${url}/record/${SEED_ID}.nt`)).status).toBe(200);
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', published: 3, reloading: false });
  });
});
