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
  page: number;
  pages: number;
  totalItems: number;
  first: string;
  last: string;
  previous?: string;
  next?: string;
  members: Array<{ iri: string; name?: string }>;
}

/** The page, or undefined when `page` is past the last (an empty catalog has one, empty, page). */
export function collectionPage(catalog: Catalog, base: string, page: number, size: number): CollectionPage | undefined {
  const pages = Math.max(1, Math.ceil(catalog.size / size));
  if (page < 1 || page > pages) return undefined;
  const collection = `${base}/records`;
  const at = (n: number) => `${collection}?page=${n}`;
  return {
    collection,
    view: at(page),
    page,
    pages,
    totalItems: catalog.size,
    first: at(1),
    last: at(pages),
    ...(page > 1 ? { previous: at(page - 1) } : {}),
    ...(page < pages ? { next: at(page + 1) } : {}),
    members: catalog.records.slice((page - 1) * size, page * size).map((r) => ({ iri: r.iri, ...(r.title ? { name: r.title } : {}) })),
  };
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
