// Sitemaps (sitemaps.org 0.9): one <urlset> of record URIs, or past the per-file limit a <sitemapindex> of numbered pages.
import type { Catalog } from '../catalog/catalog.js';
import { escapeText } from './oai/xml.js';
import type { Sink } from './sink.js';

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** W3C datetime at seconds, UTC. */
function lastmod(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function sitemapPages(catalog: Catalog, limit: number): number {
  return Math.max(1, Math.ceil(catalog.records.length / limit));
}

/** The URL set of records [start, end). */
export async function writeUrlset(catalog: Catalog, start: number, end: number, sink: Sink): Promise<void> {
  await sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n`);
  let i = start;
  for (const r of catalog.records.from(start)) {
    if (i++ >= end) break;
    await sink.write(`  <url><loc>${escapeText(r.iri)}</loc><lastmod>${lastmod(r.lastModified)}</lastmod></url>\n`);
  }
  await sink.write('</urlset>\n');
}

/** The index of `{base}/sitemap-{n}.xml`, each with the newest lastmod of its records. */
export async function writeSitemapIndex(catalog: Catalog, base: string, limit: number, sink: Sink): Promise<void> {
  await sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n`);
  const pages = sitemapPages(catalog, limit);
  for (let n = 1; n <= pages; n++) {
    let newest = new Date(0);
    for (const r of catalog.records.slice((n - 1) * limit, n * limit)) if (r.lastModified > newest) newest = r.lastModified;
    await sink.write(`  <sitemap><loc>${escapeText(`${base}/sitemap-${n}.xml`)}</loc><lastmod>${lastmod(newest)}</lastmod></sitemap>\n`);
  }
  await sink.write('</sitemapindex>\n');
}
