// ResourceSync (ANSI/NISO Z39.99-2017): a Source Description at /.well-known/resourcesync, a Capability List, a
// Resource List of every record and a Change List of every record's last change (deletions included where the
// store keeps tombstones for ever), all sitemaps with the rs: extension. Past the per-list limit (the sitemap
// protocol's 50,000 URLs) the Resource List and the Change List become a Resource List Index and a Change List
// Index of numbered parts. Lists are streamed entry by entry from the catalog's packed index, never built whole.
import type { CatalogEntry } from '../catalog/catalog.js';
import { escapeText } from './oai/xml.js';
import type { Sink } from './sink.js';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const RS_NS = 'http://www.openarchives.org/rs/terms/';

/** Resources per Resource List or Change List before it becomes an index of parts (the specification's maximum). */
export const RS_LIMIT = 50_000;

export const RS_PATHS = {
  description: '/.well-known/resourcesync',
  capabilityList: '/resourcesync/capabilitylist.xml',
  resourceList: '/resourcesync/resourcelist.xml',
  changeList: '/resourcesync/changelist.xml',
} as const;

/** The numbered parts of a Resource List Index and a Change List Index. */
export const RS_PART_PATHS = {
  resourceList: /^\/resourcesync\/resourcelist-(\d{1,9})\.xml$/,
  changeList: /^\/resourcesync\/changelist-(\d{1,9})\.xml$/,
} as const;

export const rsPartPath = (list: 'resourcelist' | 'changelist', n: number) => `/resourcesync/${list}-${n}.xml`;

/** What a list needs of a catalog entry; a deleted one is a tombstone. */
type Listed = Pick<CatalogEntry, 'iri' | 'lastModified' | 'deleted'>;

/** What the lists read of a catalog: its entries in id order, the published ones, and its last change. */
export interface Listing {
  readonly all: { readonly length: number; at(i: number): Listed | undefined } & Iterable<Listed>;
  readonly records: { readonly length: number; from(i: number): Iterator<Listed> & Iterable<Listed> };
  readonly lastModified: Date;
}

function w3c(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function open(capability: string, attributes: string, up?: string, index?: string): string {
  return (
    `${XML_DECL}<urlset xmlns="${SITEMAP_NS}" xmlns:rs="${RS_NS}">\n` +
    `  <rs:md capability="${capability}"${attributes}/>\n` +
    (up ? `  <rs:ln rel="up" href="${escapeText(up)}"/>\n` : '') +
    (index ? `  <rs:ln rel="index" href="${escapeText(index)}"/>\n` : '')
  );
}

const CLOSE = '</urlset>\n';

/** The Source Description: this source has one Capability List. */
export function sourceDescription(base: string): string {
  return (
    open('description', '') +
    `  <rs:ln rel="describedby" href="${escapeText(`${base}/.well-known/void`)}"/>\n` +
    `  <url><loc>${escapeText(base + RS_PATHS.capabilityList)}</loc><rs:md capability="capabilitylist"/></url>\n` +
    CLOSE
  );
}

export function capabilityList(base: string): string {
  return (
    open('capabilitylist', '', base + RS_PATHS.description) +
    `  <url><loc>${escapeText(base + RS_PATHS.resourceList)}</loc><rs:md capability="resourcelist"/></url>\n` +
    `  <url><loc>${escapeText(base + RS_PATHS.changeList)}</loc><rs:md capability="changelist"/></url>\n` +
    CLOSE
  );
}

/** How many parts a list of `length` entries has at `limit` entries a part (one when it is not split). */
export function rsParts(length: number, limit: number): number {
  return Math.max(1, Math.ceil(length / limit));
}

/**
 * The Resource List: every published record with its last modification, `at` the catalog's last change. With
 * `part` (numbered from 1), only that part's records, [(n-1)·limit, n·limit) in id order, linked to the index.
 */
export async function writeResourceList(catalog: Listing, base: string, sink: Sink, part?: { n: number; limit: number }): Promise<void> {
  const start = part ? (part.n - 1) * part.limit : 0;
  const end = part ? Math.min(part.n * part.limit, catalog.records.length) : catalog.records.length;
  await sink.write(open('resourcelist', ` at="${w3c(catalog.lastModified)}"`, base + RS_PATHS.capabilityList, part && base + RS_PATHS.resourceList));
  let i = start;
  if (i < end) {
    for (const r of catalog.records.from(start)) {
      await sink.write(`  <url><loc>${escapeText(r.iri)}</loc><lastmod>${w3c(r.lastModified)}</lastmod></url>\n`);
      // A client gone away stops the list.
      if (++i >= end || sink.aborted) break;
    }
  }
  await sink.write(CLOSE);
}

/** The Resource List Index: every part of the Resource List, each `at` the catalog's last change. */
export async function writeResourceListIndex(catalog: Listing, base: string, limit: number, sink: Sink): Promise<void> {
  const at = w3c(catalog.lastModified);
  await sink.write(
    `${XML_DECL}<sitemapindex xmlns="${SITEMAP_NS}" xmlns:rs="${RS_NS}">\n` +
      `  <rs:md capability="resourcelist" at="${at}"/>\n  <rs:ln rel="up" href="${escapeText(base + RS_PATHS.capabilityList)}"/>\n`,
  );
  const parts = rsParts(catalog.records.length, limit);
  for (let n = 1; n <= parts; n++) {
    await sink.write(`  <sitemap><loc>${escapeText(base + rsPartPath('resourcelist', n))}</loc><rs:md at="${at}"/></sitemap>\n`);
  }
  await sink.write('</sitemapindex>\n');
}

/**
 * The order of the Change List: positions in `catalog.all` sorted by datestamp (whole seconds, as listed), then by
 * IRI (which is id order, the order of `all`). Computed once per catalog and kept as 4 bytes an entry.
 */
export function changeOrder(catalog: Listing): Promise<Uint32Array> {
  let order = orders.get(catalog);
  if (!order) {
    order = computeOrder(catalog);
    orders.set(catalog, order);
    order.catch(() => orders.delete(catalog));
  }
  return order;
}

const orders = new WeakMap<Listing, Promise<Uint32Array>>();

/** Entries decoded between two yields to the event loop while the order is computed. */
const BATCH = 20_000;

async function computeOrder(catalog: Listing): Promise<Uint32Array> {
  const n = catalog.all.length;
  const secs = new Float64Array(n);
  let i = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const e of catalog.all) {
    if (i >= n) break;
    const s = Math.floor(e.lastModified.getTime() / 1000);
    secs[i++] = s;
    if (s < min) min = s;
    if (s > max) max = s;
    // A million entries take a second or two to decode: let other requests through meanwhile.
    if (i % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const order = new Uint32Array(n);
  if (n === 0) return order;
  if ((max - min + 1) * n <= Number.MAX_SAFE_INTEGER) {
    // One exact number per entry, (seconds since the oldest)·n + position, sorted natively: about three times as
    // fast as a comparator at a million entries.
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = (secs[k]! - min) * n + k;
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k]! % n;
  } else {
    for (let k = 0; k < n; k++) order[k] = k;
    order.sort((a, b) => secs[a]! - secs[b]! || a - b);
  }
  return order;
}

/** The datetime a Change List part starts at: its first change's (for the first part, the oldest change). */
function partFrom(catalog: Listing, order: Uint32Array, start: number): Date {
  const e = start < order.length ? catalog.all.at(order[start]!) : undefined;
  return e?.lastModified ?? catalog.lastModified;
}

/**
 * The Change List: each record's last change, oldest first (the order the specification asks for), `updated` for
 * a published record (ldpub cannot tell a creation from an update without a history), `deleted` for a tombstone.
 * With `part` (numbered from 1), the changes [(n-1)·limit, n·limit) of that order, linked to the index: `from`
 * its first change, `until` the next part's first change (the catalog's last change for the last part), so the
 * parts' periods follow one another with no gap.
 */
export async function writeChangeList(catalog: Listing, base: string, sink: Sink, part?: { n: number; limit: number }): Promise<void> {
  const order = await changeOrder(catalog);
  const start = part ? (part.n - 1) * part.limit : 0;
  const end = part ? Math.min(part.n * part.limit, order.length) : order.length;
  const from = partFrom(catalog, order, start);
  const until = end < order.length ? partFrom(catalog, order, end) : catalog.lastModified;
  await sink.write(open('changelist', ` from="${w3c(from)}" until="${w3c(until)}"`, base + RS_PATHS.capabilityList, part && base + RS_PATHS.changeList));
  for (let k = start; k < end && !sink.aborted; k++) {
    const e = catalog.all.at(order[k]!)!;
    const at = w3c(e.lastModified);
    await sink.write(`  <url><loc>${escapeText(e.iri)}</loc><lastmod>${at}</lastmod><rs:md change="${e.deleted ? 'deleted' : 'updated'}" datetime="${at}"/></url>\n`);
  }
  await sink.write(CLOSE);
}

/** The Change List Index: every part of the Change List, oldest first, each with the period it covers. */
export async function writeChangeListIndex(catalog: Listing, base: string, limit: number, sink: Sink): Promise<void> {
  const order = await changeOrder(catalog);
  const until = w3c(catalog.lastModified);
  await sink.write(
    `${XML_DECL}<sitemapindex xmlns="${SITEMAP_NS}" xmlns:rs="${RS_NS}">\n` +
      `  <rs:md capability="changelist" from="${w3c(partFrom(catalog, order, 0))}" until="${until}"/>\n` +
      `  <rs:ln rel="up" href="${escapeText(base + RS_PATHS.capabilityList)}"/>\n`,
  );
  const parts = rsParts(order.length, limit);
  for (let n = 1; n <= parts; n++) {
    const from = w3c(partFrom(catalog, order, (n - 1) * limit));
    const to = n < parts ? w3c(partFrom(catalog, order, n * limit)) : until;
    await sink.write(`  <sitemap><loc>${escapeText(base + rsPartPath('changelist', n))}</loc><rs:md from="${from}" until="${to}"/></sitemap>\n`);
  }
  await sink.write('</sitemapindex>\n');
}
