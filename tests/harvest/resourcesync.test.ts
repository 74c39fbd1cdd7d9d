// ResourceSync: the Source Description, Capability List, Resource List and Change List are well-formed sitemaps
// with the rs: extension, linked from one another and from the sitemap, and the change list follows changes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RS_NS, SITEMAP_NS, writeChangeList, writeChangeListIndex, type Listing } from '../../src/harvest/resourcesync.js';
import { Sink } from '../../src/harvest/sink.js';
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

/** Parses strictly: any well-formedness error fails the test. */
function strict(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
  return doc.documentElement!;
}

/** The rs:ln links of a document, as rel → href. */
function links(root: Element): Record<string, string | null> {
  return Object.fromEntries(Array.from(root.getElementsByTagNameNS(RS_NS, 'ln')).map((l) => [l.getAttribute('rel'), l.getAttribute('href')]));
}

/** A ResourceSync list document. */
function parse(xml: string) {
  const root = strict(xml);
  expect(root.localName).toBe('urlset');
  expect(root.namespaceURI).toBe(SITEMAP_NS);
  const md = root.getElementsByTagNameNS(RS_NS, 'md');
  const urls = [...Array.from(root.getElementsByTagNameNS(SITEMAP_NS, 'url'))].map((u) => ({
    loc: u.getElementsByTagNameNS(SITEMAP_NS, 'loc')[0]!.textContent,
    lastmod: u.getElementsByTagNameNS(SITEMAP_NS, 'lastmod')[0]?.textContent,
    md: u.getElementsByTagNameNS(RS_NS, 'md')[0],
  }));
  return { capability: md[0]!.getAttribute('capability'), top: md[0]!, urls, root, links: links(root) };
}

/** A Resource List Index or Change List Index: a sitemapindex whose parts carry their rs:md. */
function parseIndex(xml: string) {
  const root = strict(xml);
  expect(root.localName).toBe('sitemapindex');
  expect(root.namespaceURI).toBe(SITEMAP_NS);
  const top = Array.from(root.childNodes).find((n) => n.nodeType === 1 && (n as Element).namespaceURI === RS_NS && (n as Element).localName === 'md') as Element;
  const parts = Array.from(root.getElementsByTagNameNS(SITEMAP_NS, 'sitemap')).map((s) => ({
    loc: s.getElementsByTagNameNS(SITEMAP_NS, 'loc')[0]!.textContent!,
    md: s.getElementsByTagNameNS(RS_NS, 'md')[0]!,
  }));
  return { capability: top.getAttribute('capability'), top, parts, links: links(root) };
}

/** What a list writer writes, as text. */
async function written(write: (sink: Sink) => Promise<void>): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Sink(new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) }));
  await write(sink);
  await sink.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** A catalog as the lists read it, from plain entries in id order. */
function listing(all: { iri: string; lastModified: Date; deleted?: true }[], lastModified: Date): Listing {
  const records = all.filter((e) => !e.deleted);
  return { all, records: { length: records.length, from: (i: number) => records.slice(i)[Symbol.iterator]() }, lastModified };
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

  it('lists a tombstone as deleted', async () => {
    const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
    const catalog = listing([{ iri: `${BASE}/record/a`, lastModified: at(1) }, { iri: `${BASE}/record/gone`, lastModified: at(2), deleted: true }], at(2));
    const text = await written((sink) => writeChangeList(catalog, BASE, sink));
    // Under the limit, one list, exactly as before lists could be split.
    expect(text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:rs="http://www.openarchives.org/rs/terms/">\n' +
        '  <rs:md capability="changelist" from="2024-01-01T01:00:00Z" until="2024-01-01T02:00:00Z"/>\n' +
        `  <rs:ln rel="up" href="${BASE}/resourcesync/capabilitylist.xml"/>\n` +
        `  <url><loc>${BASE}/record/a</loc><lastmod>2024-01-01T01:00:00Z</lastmod><rs:md change="updated" datetime="2024-01-01T01:00:00Z"/></url>\n` +
        `  <url><loc>${BASE}/record/gone</loc><lastmod>2024-01-01T02:00:00Z</lastmod><rs:md change="deleted" datetime="2024-01-01T02:00:00Z"/></url>\n` +
        '</urlset>\n',
    );
    const list = parse(text);
    expect(list.urls.map((u) => [u.loc, u.md!.getAttribute('change')])).toEqual([
      [`${BASE}/record/a`, 'updated'],
      [`${BASE}/record/gone`, 'deleted'],
    ]);
    expect(list.links).toEqual({ up: `${BASE}/resourcesync/capabilitylist.xml` });
  });

  it('orders changes at the same second by IRI, and splits them into parts whose periods follow one another', async () => {
    const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
    const w3c = (h: number) => `${at(h).toISOString().slice(0, 19)}Z`;
    const entries = [
      { iri: `${BASE}/record/a`, lastModified: at(1) },
      { iri: `${BASE}/record/b`, lastModified: at(1) },
      { iri: `${BASE}/record/c`, lastModified: at(0), deleted: true as const },
      { iri: `${BASE}/record/d`, lastModified: at(2) },
      { iri: `${BASE}/record/e`, lastModified: at(1) },
    ];
    const catalog = listing(entries, at(3));
    const whole = parse(await written((sink) => writeChangeList(catalog, BASE, sink)));
    expect(whole.urls.map((u) => u.loc!.slice(-1))).toEqual(['c', 'a', 'b', 'e', 'd']);
    expect([whole.top.getAttribute('from'), whole.top.getAttribute('until')]).toEqual([w3c(0), w3c(3)]);
    const index = parseIndex(await written((sink) => writeChangeListIndex(catalog, BASE, 2, sink)));
    expect(index.parts.map((p) => [p.loc, p.md.getAttribute('from'), p.md.getAttribute('until')])).toEqual([
      [`${BASE}/resourcesync/changelist-1.xml`, w3c(0), w3c(1)],
      [`${BASE}/resourcesync/changelist-2.xml`, w3c(1), w3c(2)],
      [`${BASE}/resourcesync/changelist-3.xml`, w3c(2), w3c(3)],
    ]);
    const parts = await Promise.all([1, 2, 3].map(async (n) => parse(await written((sink) => writeChangeList(catalog, BASE, sink, { n, limit: 2 })))));
    expect(parts.map((p) => p.urls.map((u) => u.loc!.slice(-1)))).toEqual([['c', 'a'], ['b', 'e'], ['d']]);
    expect(parts.map((p) => [p.top.getAttribute('from'), p.top.getAttribute('until')])).toEqual(index.parts.map((p) => [p.md.getAttribute('from'), p.md.getAttribute('until')]));
  });

  it('orders changes the same way when the datestamps span too wide a range for one sort key per entry', async () => {
    // 1,200 entries from 1970 to the year 275,760: (seconds spanned)·entries is past 2^53.
    const entries = Array.from({ length: 1200 }, (_, i) => ({
      iri: `${BASE}/record/r${String(i).padStart(4, '0')}`,
      lastModified: new Date([0, 8.64e15, 1e12][i % 3]!),
    }));
    const catalog = listing(entries, new Date(8.64e15));
    const list = parse(await written((sink) => writeChangeList(catalog, BASE, sink)));
    const expected = [...entries].sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.iri < b.iri ? -1 : 1)).map((e) => e.iri);
    expect(list.urls.map((u) => u.loc)).toEqual(expected);
  });
});

describe('ResourceSync past the list limit', () => {
  let bigDir: string;
  let big: Served;
  const LIMIT = 3;

  beforeAll(async () => {
    bigDir = generateCatalogDir(8);
    big = await serve(await liveCatalog(bigDir), { resourceSyncLimit: LIMIT });
    // A change (the newest datestamp, so out of id order) and a deletion (a tombstone in the change list).
    const file = join(bigDir, 'gen-00001.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^DOI:.*$/m, 'DOI:10.5555/changed'));
    rmSync(join(bigDir, 'gen-00004.txt'));
    await big.live.reload();
  });
  afterAll(async () => {
    await big?.close();
    removeDir(bigDir);
  });

  async function fetchXml(path: string, init?: RequestInit) {
    const res = await fetch(`${big.url}${path}`, init);
    expect(res.headers.get('link')).toBe(`<${BASE}/resourcesync/capabilitylist.xml>; rel="resourcesync"`);
    return res;
  }
  async function text(path: string) {
    const res = await fetchXml(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    return res.text();
  }
  const part = (list: string, n: number) => `/resourcesync/${list}-${n}.xml`;

  it('the Resource List becomes a Resource List Index of parts of at most the limit, every record once in id order', async () => {
    const records = big.live.current.records;
    expect(records.length).toBe(7);
    const index = parseIndex(await text('/resourcesync/resourcelist.xml'));
    expect(index.capability).toBe('resourcelist');
    expect(index.top.getAttribute('at')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(index.links).toEqual({ up: `${BASE}/resourcesync/capabilitylist.xml` });
    expect(index.parts.map((p) => p.loc)).toEqual([1, 2, 3].map((n) => BASE + part('resourcelist', n)));
    const listed: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const list = parse(await text(part('resourcelist', n)));
      expect(list.capability).toBe('resourcelist');
      expect(list.top.getAttribute('at')).toBe(index.top.getAttribute('at'));
      expect(list.links).toEqual({ up: `${BASE}/resourcesync/capabilitylist.xml`, index: `${BASE}/resourcesync/resourcelist.xml` });
      expect(list.urls.length).toBeGreaterThan(0);
      expect(list.urls.length).toBeLessThanOrEqual(LIMIT);
      listed.push(...list.urls.map((u) => u.loc!));
    }
    expect(listed).toEqual(records.map((r) => r.iri));
    expect(listed).not.toContain(`${BASE}/record/gen-00004`);
  });

  it('the Change List becomes a Change List Index of parts in datestamp order, deletions included, each covering its changes', async () => {
    const all = big.live.current.all;
    expect(all.length).toBe(8);
    const w3c = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
    const expected = all
      .map((e) => ({ loc: e.iri, at: w3c(e.lastModified), change: e.deleted ? 'deleted' : 'updated' }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
    // The change and the deletion take the newest datestamp, the second of the last record's: the datestamp order
    // is not the id order, and it has ties, ordered by IRI.
    expect(expected.map((e) => e.loc.slice(-1))).toEqual(['0', '2', '3', '5', '6', '1', '4', '7']);
    const index = parseIndex(await text('/resourcesync/changelist.xml'));
    expect(index.capability).toBe('changelist');
    expect(index.top.getAttribute('from')).toBe(expected[0]!.at);
    expect(index.top.getAttribute('until')).toBe(w3c(big.live.current.lastModified));
    expect(index.links).toEqual({ up: `${BASE}/resourcesync/capabilitylist.xml` });
    expect(index.parts.map((p) => p.loc)).toEqual([1, 2, 3].map((n) => BASE + part('changelist', n)));
    const listed: typeof expected = [];
    for (const [i, entry] of index.parts.entries()) {
      const list = parse(await text(part('changelist', i + 1)));
      expect(list.capability).toBe('changelist');
      expect(list.links).toEqual({ up: `${BASE}/resourcesync/capabilitylist.xml`, index: `${BASE}/resourcesync/changelist.xml` });
      expect(list.urls.length).toBeGreaterThan(0);
      expect(list.urls.length).toBeLessThanOrEqual(LIMIT);
      const [from, until] = [list.top.getAttribute('from')!, list.top.getAttribute('until')!];
      expect([from, until]).toEqual([entry.md.getAttribute('from'), entry.md.getAttribute('until')]);
      for (const u of list.urls) {
        expect(u.md!.getAttribute('datetime')).toBe(u.lastmod);
        expect(u.lastmod! >= from && u.lastmod! <= until).toBe(true);
        listed.push({ loc: u.loc!, at: u.lastmod!, change: u.md!.getAttribute('change')! });
      }
      // The parts' periods follow one another.
      if (i > 0) expect(from).toBe(index.parts[i - 1]!.md.getAttribute('until'));
    }
    expect(listed).toEqual(expected);
    expect(listed.filter((l) => l.change === 'deleted').map((l) => l.loc)).toEqual([`${BASE}/record/gen-00004`]);
  });

  it('a part number outside the index is 404', async () => {
    for (const path of [part('resourcelist', 0), part('resourcelist', 4), part('changelist', 0), part('changelist', 4)]) {
      expect((await fetchXml(path)).status).toBe(404);
    }
  });

  it('each part answers conditional requests by the snapshot', async () => {
    const first = await fetchXml(part('changelist', 2));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('last-modified')).toBe(big.live.current.lastModified.toUTCString());
    expect((await fetchXml(part('changelist', 1))).headers.get('etag')).not.toBe(etag);
    expect((await fetchXml(part('changelist', 2), { headers: { 'if-none-match': etag } })).status).toBe(304);
    const index = await fetchXml('/resourcesync/resourcelist.xml');
    expect((await fetchXml('/resourcesync/resourcelist.xml', { headers: { 'if-none-match': index.headers.get('etag')! } })).status).toBe(304);
  });

  it('at or under the limit the lists are single lists and there are no parts', async () => {
    const small = await serve(big.live, { resourceSyncLimit: 8 });
    try {
      const changes = parse(await (await fetch(`${small.url}/resourcesync/changelist.xml`)).text());
      expect(changes.capability).toBe('changelist');
      expect(changes.urls).toHaveLength(8);
      expect(changes.links).toEqual({ up: `${BASE}/resourcesync/capabilitylist.xml` });
      const resources = parse(await (await fetch(`${small.url}/resourcesync/resourcelist.xml`)).text());
      expect(resources.urls.map((u) => u.loc)).toEqual(big.live.current.records.map((r) => r.iri));
      for (const path of [part('resourcelist', 1), part('changelist', 1)]) expect((await fetch(`${small.url}${path}`)).status).toBe(404);
    } finally {
      await small.close();
    }
  });
});
