// The home page: the published records with a server-side filter, the harvesting endpoints, and how to ask for RDF.
import type { Inline, Record } from '../model/record.js';
import { displayName } from '../model/text.js';
import { html, join, type SafeHtml } from './escape.js';
import { inlineHtml } from './inline.js';
import { DEFAULT_SITE_NAME, layout } from './layout.js';
import { yearOf } from './record-text.js';
import { lookupTable } from '../model/lookup.js';

export interface IndexEntry {
  id: string;
  url: string;
  title: string;
  /** The title's inline markup, rendered as the landing page renders it. */
  titleInline?: Inline[];
  authors: string[];
  year?: string;
}

export interface Endpoint {
  label: string;
  url: string;
  description: string;
}

export interface IndexPageContext {
  /** The configured base URI, without a trailing slash. */
  base: string;
  /** The filter as typed (`?q=`); the entries given are already filtered. */
  query?: string;
  /** How many records the catalog publishes in all. */
  total: number;
  /** Entries beyond this many are not listed; the paged collection has them all. */
  limit?: number;
  /** The entries given are the first matches only and more match: their number is not known. */
  moreMatch?: boolean;
  endpoints?: Endpoint[];
  siteName?: string;
}

/** An index entry from a catalog record. */
export function indexEntry(id: string, url: string, record: Record): IndexEntry {
  const year = yearOf(record.date);
  const titleInline = record.title && record.titleInline ? { titleInline: record.titleInline } : {};
  return { id, url, title: record.title ?? id, ...titleInline, authors: record.authors.map(displayName), ...(year ? { year } : {}) };
}

/** Letters that carry no combining mark in Unicode but that people type without their stroke or ligature. */
const UNMARKED: { readonly [c: string]: string } = lookupTable({ ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ı: 'i' });

/**
 * Text folded for matching: NFD, combining marks removed, lower-cased, and ß ø ł æ œ … spelt plainly, so that
 * "muller" finds "Müller" and "Muller", and "Müller" finds both too.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøłđðþæœı]/g, (c) => UNMARKED[c] ?? c)
    .normalize('NFC');
}

/** Entries whose title, authors, year or id contain every word of the query, ignoring case and accents. */
export function filterEntries(entries: readonly IndexEntry[], query: string | undefined): IndexEntry[] {
  const words = foldForSearch(query ?? '').split(/\s+/).filter(Boolean);
  if (!words.length) return [...entries];
  return entries.filter((e) => {
    const hay = foldForSearch([e.title, ...e.authors, e.year ?? '', e.id].join(' '));
    return words.every((w) => hay.includes(w));
  });
}

/** The machine-facing endpoints (harvesting and the dataset description), under `base`. */
export function harvestingEndpoints(base: string): Endpoint[] {
  return [
    { label: 'OAI-PMH', url: `${base}/oai?verb=Identify`, description: 'harvest oai_dc and RDF records' },
    { label: 'Sitemap', url: `${base}/sitemap.xml`, description: 'every record URL, for crawlers' },
    { label: 'N-Triples dump', url: `${base}/dump.nt`, description: 'the whole graph in one stream' },
    { label: 'JSON-LD dump', url: `${base}/dump.jsonld`, description: 'the whole graph as one JSON-LD document' },
    { label: 'JSON Lines dump', url: `${base}/dump.jsonl`, description: 'one JSON-LD record per line' },
    { label: 'VoID description', url: `${base}/.well-known/void`, description: 'the dataset, its size and its dumps' },
    { label: 'Record collection', url: `${base}/records`, description: 'every record, paged' },
  ];
}

const DEFAULT_LIMIT = 200;

function entryItem(e: IndexEntry): SafeHtml {
  const meta = join([e.authors.length ? authorList(e.authors) : '', e.year ?? ''], ' · ');
  return html`<li><a class="title" href="${e.url}">${inlineHtml(e.titleInline, e.title)}</a>${meta.value ? html`<p class="meta">${meta}</p>` : ''}</li>\n`;
}

function authorList(authors: readonly string[]): string {
  return authors.length > 4 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
}

export function renderIndexPage(entries: readonly IndexEntry[], context: IndexPageContext): string {
  const siteName = context.siteName ?? DEFAULT_SITE_NAME;
  const limit = context.limit ?? DEFAULT_LIMIT;
  const shown = entries.slice(0, limit);
  const query = context.query?.trim() ?? '';
  const endpoints = context.endpoints ?? harvestingEndpoints(context.base);
  const sample = entries[0]?.url ?? `${context.base}/record/ID`;
  const count = query
    ? context.moreMatch
      ? html`More than ${shown.length} of ${context.total} records match “${query}”.`
      : html`${entries.length} of ${context.total} records match “${query}”.`
    : html`${context.total} ${context.total === 1 ? 'record' : 'records'}.`;
  const more =
    entries.length > shown.length
      ? html`<p>The first ${shown.length} are listed. Narrow the filter, or page through the <a href="${`${context.base}/records`}">record collection</a>.</p>\n`
      : '';
  const main = html`<h1>${siteName}: published records</h1>
<p>Bibliographic records published as linked data. Each record page is also available as Turtle, JSON-LD, N-Triples and RDF/XML.</p>
<form class="filter" method="get" role="search">
<label for="q">Filter records</label>
<input id="q" name="q" type="search" value="${query}" placeholder="title, author or year">
<button type="submit">Filter</button>
</form>
<p class="count" role="status">${count}${query ? html` <a href="${`${context.base}/`}">Show all</a>` : ''}</p>
${shown.length ? html`<ol class="records">\n${shown.map(entryItem)}</ol>\n` : html`<p>No record matches.</p>\n`}${more}<section aria-labelledby="machines"><h2 id="machines">For machines</h2>
<p>Every record URI answers by content negotiation. Ask for RDF with an <code>Accept</code> header, or add an extension (<code>.ttl</code>, <code>.jsonld</code>, <code>.nt</code>, <code>.rdf</code>):</p>
<pre><code>curl -H 'Accept: text/turtle' \\
  ${sample}
curl -H 'Accept: application/ld+json' \\
  ${sample}
curl ${sample}.nt</code></pre>
<h3>Harvesting endpoints</h3>
<ul class="links">
${endpoints.map((e) => html`<li><a href="${e.url}">${e.label}</a>: ${e.description}</li>\n`)}</ul>
</section>`;
  return layout({ lang: 'en', title: query ? `Records matching “${query}” | ${siteName}` : `Published records | ${siteName}`, description: `${context.total} bibliographic records published as linked data by ${siteName}.`, main, home: `${context.base}/`, siteName, isHome: !query });
}
