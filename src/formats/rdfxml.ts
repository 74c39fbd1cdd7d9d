// RDF/XML via rdflib. Every node but list cells has an IRI, lists go in as rdflib Collections, and no base is set:
// the three conditions under which rdflib's writer round-trips.
import { createRequire } from 'node:module';
import type { Quad, Term } from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.js';
import { collectLists } from '../rdf/lists.js';

type Rdflib = typeof import('rdflib');
let rdflib: Rdflib | undefined;

/** rdflib is large; load it the first time RDF/XML is asked for, not at start-up. */
function lib(): Rdflib {
  rdflib ??= createRequire(import.meta.url)('rdflib') as Rdflib;
  return rdflib;
}

export function writeRdfXml(quads: readonly Quad[]): string {
  const $rdf = lib();
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
  serializer.setFlags('z'); // no base-relative IRIs
  for (const [prefix, ns] of Object.entries({ schema: PREFIXES.schema, dcterms: PREFIXES.dcterms, bibo: PREFIXES.bibo, dcmitype: PREFIXES.dcmitype })) {
    serializer.setPrefix(prefix, ns);
  }
  return serializer.statementsToXML(graph.statements);
}
