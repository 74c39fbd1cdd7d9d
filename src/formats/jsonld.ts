// JSON-LD via jsonld.js: the record's graph framed into one tree rooted at the work, compacted with ldpub's local context.
import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { LDPUB_CONTEXT } from '../rdf/context.js';
import { SCHEMA_CONTEXT_URL, offlineDocumentLoader } from '../rdf/jsonld-loader.js';

export type JsonLdDocument = { [key: string]: unknown };

/**
 * The graph as one framed, compacted JSON-LD object rooted at `rootIri`. Nodes are embedded
 * wherever they are referenced (`@embed: @always`), so `author` lists whole Person objects in order.
 * The `@context` is written inline so the document reads offline with no fetch.
 */
export async function toJsonLdObject(quads: readonly Quad[], rootIri: string): Promise<JsonLdDocument> {
  const expanded = await jsonld.fromRDF(quads as never, { useNativeTypes: false } as never);
  const frame = { '@context': LDPUB_CONTEXT, '@id': rootIri };
  const framed = (await jsonld.frame(expanded as never, frame as never, {
    documentLoader: offlineDocumentLoader as never,
    omitGraph: true,
    embed: '@always',
  } as never)) as unknown as JsonLdDocument;
  return framed;
}

/** The same object with `"@context": "https://schema.org"`, as search engines expect in an HTML page. */
export function withSchemaOrgContext(document: JsonLdDocument): JsonLdDocument {
  return { ...document, '@context': SCHEMA_CONTEXT_URL };
}

export async function writeJsonLd(quads: readonly Quad[], rootIri: string): Promise<string> {
  return `${JSON.stringify(await toJsonLdObject(quads, rootIri), null, 2)}\n`;
}
