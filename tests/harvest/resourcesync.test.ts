// ResourceSync: the Source Description, Capability List, Resource List and Change List are well-formed sitemaps
// with the rs: extension, linked from one another and from the sitemap, and the change list follows changes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { changeList, RS_NS, SITEMAP_NS } from '../../src/harvest/resourcesync.js';
import { BASE, generateCatalogDir, liveCatalog, removeDir, serve, type Served } from './helpers.js';

let dir: string;
let served: Served;

beforeAll(async () => {
  dir = generateCatalogDir(4);
  served = await serve(await liveCatalog(dir));
});
afterAll(async () => {
  await served?.close();
  removeDir(dir);
});

/** Parses strictly: any well-formedness error throws. */
function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
  const root = doc.documentElement!;
  expect(root.localName).toBe('urlset');
  expect(root.namespaceURI).toBe(SITEMAP_NS);
  const md = root.getElementsByTagNameNS(RS_NS, 'md');
  const urls = [...Array.from(root.getElementsByTagNameNS(SITEMAP_NS, 'url'))].map((u) => ({
    loc: u.getElementsByTagNameNS(SITEMAP_NS, 'loc')[0]!.textContent,
    lastmod: u.getElementsByTagNameNS(SITEMAP_NS, 'lastmod')[0]?.textContent,
    md: u.getElementsByTagNameNS(RS_NS, 'md')[0],
  }));
  return { capability: md[0]!.getAttribute('capability'), top: md[0]!, urls, root };
}

async function get(path: string) {
  const res = await fetch(`${served.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(res.headers.get('link')).toBe(`<${BASE}/resourcesync/capabilitylist.xml>; rel="resourcesync"`);
  return parse(await res.text());
}

describe('ResourceSync', () => {
  it('the Source Description leads to the Capability List, and that to the Resource and Change Lists', async () => {
    const description = await get('/.well-known/resourcesync');
    expect(description.capability).toBe('description');
    expect(description.urls.map((u) => u.loc)).toEqual([`${BASE}/resourcesync/capabilitylist.xml`]);
    const capabilities = await get('/resourcesync/capabilitylist.xml');
    expect(capabilities.capability).toBe('capabilitylist');
    expect(capabilities.urls.map((u) => [u.loc, u.md!.getAttribute('capability')])).toEqual([
      [`${BASE}/resourcesync/resourcelist.xml`, 'resourcelist'],
      [`${BASE}/resourcesync/changelist.xml`, 'changelist'],
    ]);
    const sitemap = await fetch(`${served.url}/sitemap.xml`);
    expect(sitemap.headers.get('link')).toContain('rel="resourcesync"');
  });

  it('the Resource List lists every record with its datestamp', async () => {
    const list = await get('/resourcesync/resourcelist.xml');
    expect(list.capability).toBe('resourcelist');
    expect(list.top.getAttribute('at')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(list.urls.map((u) => u.loc)).toEqual(served.live.current.records.map((r) => r.iri));
    expect(list.urls[0]!.lastmod).toBe('2024-01-01T12:00:00Z');
  });

  it('the Change List follows a change, oldest first', async () => {
    const file = join(dir, 'gen-00000.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^DOI:.*$/m, 'DOI:10.5555/changed'));
    await served.live.reload();
    const list = await get('/resourcesync/changelist.xml');
    expect(list.capability).toBe('changelist');
    // The changed record's new datestamp is the store's newest (never earlier than one already given).
    expect(list.top.getAttribute('from')).toBe('2024-01-01T13:00:00Z');
    const changed = list.urls.find((u) => u.loc === `${BASE}/record/gen-00000`)!;
    expect(changed.lastmod).not.toBe('2024-01-01T12:00:00Z');
    expect(changed.lastmod).toBe([...list.urls.map((u) => u.lastmod!)].sort().at(-1));
    expect(changed.md!.getAttribute('change')).toBe('updated');
    expect(changed.md!.getAttribute('datetime')).toBe(changed.lastmod);
    expect(list.urls.map((u) => u.lastmod)).toEqual([...list.urls.map((u) => u.lastmod!)].sort());
  });

  it('lists a record removed from the data folder as deleted, from the store\'s tombstone', async () => {
    rmSync(join(dir, 'gen-00002.txt'));
    await served.live.reload();
    expect(served.live.current.tombstones.map((t) => t.id)).toEqual(['gen-00002']);
    const list = await get('/resourcesync/changelist.xml');
    const gone = list.urls.filter((u) => u.md!.getAttribute('change') === 'deleted');
    expect(gone.map((u) => u.loc)).toEqual([`${BASE}/record/gen-00002`]);
    expect(gone[0]!.md!.getAttribute('datetime')).toBe(gone[0]!.lastmod);
    const resources = await get('/resourcesync/resourcelist.xml');
    expect(resources.urls.map((u) => u.loc)).not.toContain(`${BASE}/record/gen-00002`);
  });

  it('lists a tombstone as deleted', () => {
    const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
    const catalog = {
      all: [
        { iri: `${BASE}/record/a`, lastModified: at(1) },
        { iri: `${BASE}/record/gone`, lastModified: at(2), deleted: true },
      ],
      lastModified: at(2),
    } as unknown as Catalog;
    const list = parse(changeList(catalog, BASE));
    expect(list.urls.map((u) => [u.loc, u.md!.getAttribute('change')])).toEqual([
      [`${BASE}/record/a`, 'updated'],
      [`${BASE}/record/gone`, 'deleted'],
    ]);
  });
});
