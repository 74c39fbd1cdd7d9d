// The library writers the direct writers replaced, kept as references: jsonld.js framing and rdflib's RDF/XML writer.
import { createRequire } from 'node:module';
import jsonld from 'jsonld';
import type { Quad, Term } from '@rdfjs/types';
import { LDPUB_CONTEXT } from '../../src/rdf/context.js';
import { offlineDocumentLoader } from '../../src/rdf/jsonld-loader.js';
import { PREFIXES } from '../../src/rdf/namespaces.js';
import { collectLists } from '../../src/rdf/lists.js';

/** jsonld.js: fromRDF, then framed at the root (`@embed: @always`, `omitGraph`) and compacted with ldpub's context. */
export async function referenceJsonLd(quads: readonly Quad[], rootIri: string): Promise<{ [key: string]: unknown }> {
  const expanded = await jsonld.fromRDF(quads as never, { useNativeTypes: false } as never);
  const frame = { '@context': LDPUB_CONTEXT, '@id': rootIri };
  return (await jsonld.frame(expanded as never, frame as never, {
    documentLoader: offlineDocumentLoader as never,
    omitGraph: true,
    embed: '@always',
  } as never)) as unknown as { [key: string]: unknown };
}

type Rdflib = typeof import('rdflib');
const $rdf = createRequire(import.meta.url)('rdflib') as Rdflib;

/** rdflib's RDF/XML writer, as ldpub used it: lists as rdflib Collections, no base IRI. */
export function referenceRdfXml(quads: readonly Quad[]): string {
  const graph = $rdf.graph();
  const { lists, cellQuads } = collectLists(quads);
  const term = (t: Term): ReturnType<typeof $rdf.sym> | ReturnType<typeof $rdf.lit> | ReturnType<typeof $rdf.blankNode> => {
    switch (t.termType) {
      case 'NamedNode':
        return $rdf.sym(t.value);
      case 'BlankNode':
        return $rdf.blankNode(t.value);
      case 'Literal':
        return t.language
          ? $rdf.lit(t.value, t.language)
          : $rdf.lit(t.value, undefined, t.datatype.value === `${PREFIXES.xsd}string` ? undefined : $rdf.sym(t.datatype.value));
      default:
        throw new Error(`RDF/XML cannot carry a ${t.termType}`);
    }
  };
  for (const q of quads) {
    if (cellQuads.has(q)) continue;
    const items = q.object.termType === 'BlankNode' ? lists.get(q.object.value) : undefined;
    const object = items ? new $rdf.Collection(items.map((i) => term(i) as never)) : term(q.object);
    graph.add(term(q.subject) as never, term(q.predicate) as never, object as never);
  }
  const serializer = $rdf.Serializer(graph);
  serializer.setFlags('z');
  for (const [prefix, ns] of Object.entries({ schema: PREFIXES.schema, dcterms: PREFIXES.dcterms, bibo: PREFIXES.bibo, dcmitype: PREFIXES.dcmitype })) {
    serializer.setPrefix(prefix, ns);
  }
  return serializer.statementsToXML(graph.statements);
}
