// The catalog as a paged Hydra collection (/records?page=N): JSON-LD, Turtle and an HTML page, with first/previous/next/last.
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Catalog } from '../catalog/catalog.js';
import { writeTurtle } from '../formats/turtle.js';
import { PREFIXES, rdf, schema, xsd } from '../rdf/namespaces.js';
import { renderCollectionPage } from '../html/collection-page.js';

const { quad, namedNode, literal } = DataFactory;

export const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const hydra = (local: string) => namedNode(HYDRA + local);

export interface CollectionPage {
  collection: string;
  view: string;
  /** The page's number counted from the start of the list as it is now (for display; links never use it). */
  page: number;
  pages: number;
  totalItems: number;
  first: string;
  last: string;
  previous?: string;
  next?: string;
  members: Array<{ iri: string; name?: string }>;
}

/**
 * Where a page starts. Pages are reached by a cursor: `after` an id (the page holds the next records in id order)
 * or `before` one (the records just before it), so a record added or removed during a walk never moves another
 * record onto a second page. `page: 1` is the first page and `last` the last; `page: n` (n > 1) counts from the
 * start as the list is now, for addresses written by hand.
 */
export type PagePosition = { page: number } | { page: 'last' } | { after: string } | { before: string };

/** The page, or undefined when a numbered `page` is past the last (an empty catalog has one, empty, page). */
export function collectionPage(catalog: Catalog, base: string, position: PagePosition, size: number): CollectionPage | undefined {
  const records = catalog.records;
  const total = records.length;
  const pages = Math.max(1, Math.ceil(total / size));
  let start: number;
  if ('after' in position) start = firstAfter(records, position.after);
  else if ('before' in position) start = Math.max(0, firstAfter(records, position.before, true) - size);
  else if (position.page === 'last') start = Math.max(0, total - size);
  else if (position.page < 1 || position.page > pages) return undefined;
  else start = (position.page - 1) * size;
  const end = Math.min(total, start + size);
  const collection = `${base}/records`;
  const q = (name: string, value: string) => `${collection}?${name}=${encodeURIComponent(value)}`;
  const view = 'after' in position ? q('after', position.after) : 'before' in position ? q('before', position.before) : q('page', String(position.page));
  return {
    collection,
    view,
    page: Math.min(pages, Math.ceil(start / size) + 1),
    pages,
    totalItems: total,
    first: q('page', '1'),
    last: q('page', 'last'),
    ...(start > 0 ? { previous: start < total ? q('before', records.at(start)!.id) : q('page', 'last') } : {}),
    ...(end < total ? { next: q('after', records.at(end - 1)!.id) } : {}),
    members: records.slice(start, end).map((r) => ({ iri: r.iri, ...(r.title ? { name: r.title } : {}) })),
  };
}

/** The index of the first record whose id is greater than `id` (or, with `orEqual`, not less than it). */
function firstAfter(records: Catalog['records'], id: string, orEqual = false): number {
  return records.rank(id, !orEqual);
}

export function collectionQuads(p: CollectionPage): Quad[] {
  const c = namedNode(p.collection);
  const v = namedNode(p.view);
  const out: Quad[] = [
    quad(c, rdf('type'), hydra('Collection')),
    quad(c, hydra('totalItems'), literal(String(p.totalItems), xsd('integer'))),
    quad(c, hydra('view'), v),
    quad(v, rdf('type'), hydra('PartialCollectionView')),
    quad(v, hydra('first'), namedNode(p.first)),
    quad(v, hydra('last'), namedNode(p.last)),
  ];
  if (p.previous) out.push(quad(v, hydra('previous'), namedNode(p.previous)));
  if (p.next) out.push(quad(v, hydra('next'), namedNode(p.next)));
  for (const m of p.members) {
    out.push(quad(c, hydra('member'), namedNode(m.iri)));
    if (m.name) out.push(quad(namedNode(m.iri), schema('name'), literal(m.name)));
  }
  return out;
}

export function collectionTurtle(p: CollectionPage): string {
  return writeTurtle(collectionQuads(p), { hydra: HYDRA, schema: PREFIXES.schema, xsd: PREFIXES.xsd });
}

/** Compact JSON-LD with an inline context (the Hydra context is never fetched). */
export function collectionJsonLd(p: CollectionPage): string {
  const doc = {
    '@context': {
      hydra: HYDRA,
      schema: PREFIXES.schema,
      xsd: PREFIXES.xsd,
      totalItems: { '@id': 'hydra:totalItems', '@type': 'xsd:integer' },
      member: { '@id': 'hydra:member', '@container': '@set' },
      view: { '@id': 'hydra:view' },
      first: { '@id': 'hydra:first', '@type': '@id' },
      last: { '@id': 'hydra:last', '@type': '@id' },
      previous: { '@id': 'hydra:previous', '@type': '@id' },
      next: { '@id': 'hydra:next', '@type': '@id' },
      name: 'schema:name',
    },
    '@id': p.collection,
    '@type': 'hydra:Collection',
    totalItems: String(p.totalItems),
    view: {
      '@id': p.view,
      '@type': 'hydra:PartialCollectionView',
      first: p.first,
      last: p.last,
      ...(p.previous ? { previous: p.previous } : {}),
      ...(p.next ? { next: p.next } : {}),
    },
    member: p.members.map((m) => ({ '@id': m.iri, ...(m.name ? { name: m.name } : {}) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The page as HTML, on the site's layout. */
export function collectionHtml(p: CollectionPage, base: string): string {
  return renderCollectionPage({ ...p, home: `${base}/` });
}
