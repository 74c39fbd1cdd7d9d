// RDF/XML written by construction: well-formed XML 1.0 for any string, each node described exactly once.
import type { Quad } from '@rdfjs/types';
import { isNil, nodeKey, RDF_TYPE, XSD_STRING, type GraphIndex, type NodeTerm, type ObjectTerm, type SubjectEntry } from './graph-index.js';
import { memoFor, type SerializeMemo } from './memo.js';
import { xmlAttribute, xmlText } from './normal-form.js';
import { Namespaces, RDF_NS } from './xml-names.js';

/** RDF/XML names that cannot be property elements (the syntax's own terms, `rdf:li`, the withdrawn ones). */
const NOT_PROPERTY = new Set(['RDF', 'ID', 'about', 'parseType', 'resource', 'nodeID', 'datatype', 'Description', 'li', 'aboutEach', 'aboutEachPrefix', 'bagID'].map((l) => RDF_NS + l));
/** …nor node elements. */
const NOT_NODE = new Set([...NOT_PROPERTY].filter((iri) => iri !== `${RDF_NS}Description`));

interface Writing {
  index: GraphIndex;
  ns: Namespaces;
  out: string[];
  /** Subjects already described, or being described on the current branch. */
  described: Set<string>;
  /** `rdf:nodeID`s of the blank nodes that need one. */
  nodeIds: Map<string, string>;
}

/**
 * The graph as RDF/XML. Each subject is described once: a node referenced exactly once is nested where it is
 * referenced (typed node elements, no `rdf:parseType="Resource"`), every other one is a top-level element referenced
 * by `rdf:resource` or `rdf:nodeID`. A well-formed list of nodes is `rdf:parseType="Collection"`, any other list
 * explicit `rdf:first`/`rdf:rest` cells. Literals carry `xml:lang` or `rdf:datatype`; every namespace is declared
 * once, on `rdf:RDF`. Text and attributes are escaped (`&`, `<`, `>`, `"`; CR, and tab and LF in attributes, as
 * character references), and characters XML 1.0 forbids are dropped (the normal form, `normal-form.ts`), so the
 * output is well-formed XML 1.0 whatever the strings. IRIs are written absolute: no `xml:base`.
 */
export function writeRdfXml(quads: readonly Quad[], memo?: SerializeMemo): string {
  const index = memoFor(quads, memo).graph();
  const w: Writing = { index, ns: new Namespaces(), out: [], described: new Set(), nodeIds: new Map() };
  const nested = (key: string) => (index.references.get(key) ?? 0) === 1;
  let first = true;
  for (const [key, entry] of index.subjects) {
    // The first subject (the record) is always at the top; a node referenced once waits to be nested.
    if (!first && nested(key)) continue;
    first = false;
    if (!w.described.has(key)) describe(w, entry, 1);
  }
  // Nodes referenced once from nowhere that was written (a cycle of such nodes) go at the top too.
  for (const [key, entry] of index.subjects) if (!w.described.has(key)) describe(w, entry, 1);
  const declarations = w.ns
    .declarations()
    .map(([prefix, ns]) => `\n  xmlns:${prefix}="${xmlAttribute(ns)}"`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n${w.out.join('')}</rdf:RDF>\n`;
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

function qname(w: Writing, iri: string, role: 'property' | 'node'): string | undefined {
  if ((role === 'property' ? NOT_PROPERTY : NOT_NODE).has(iri)) return undefined;
  return w.ns.qname(iri);
}

function propertyName(w: Writing, iri: string): string {
  const name = qname(w, iri, 'property');
  // Only a predicate no vocabulary would mint (one ending in a character no XML name can end with) lands here.
  if (name === undefined) throw new Error(`RDF/XML cannot write the predicate <${iri}>: no XML qualified name ends it`);
  return name;
}

function nodeId(w: Writing, key: string): string {
  let id = w.nodeIds.get(key);
  if (id === undefined) w.nodeIds.set(key, (id = `b${w.nodeIds.size + 1}`));
  return id;
}

/** The identifying attribute of a node element: `rdf:about`, `rdf:nodeID`, or none for a blank node written once. */
function identity(w: Writing, term: NodeTerm, nestedHere: boolean): string {
  if (term.termType === 'NamedNode') return ` rdf:about="${xmlAttribute(term.value)}"`;
  const key = nodeKey(term);
  if (nestedHere && (w.index.references.get(key) ?? 0) <= 1) return '';
  return ` rdf:nodeID="${nodeId(w, key)}"`;
}

/** A node element with all its properties. */
function describe(w: Writing, entry: SubjectEntry, depth: number, nestedHere = false): void {
  const key = nodeKey(entry.term);
  w.described.add(key);
  const types = entry.predicates.get(RDF_TYPE)?.objects ?? [];
  const typeIndex = types.findIndex((t) => t.termType === 'NamedNode' && qname(w, t.value, 'node') !== undefined);
  const element = typeIndex >= 0 ? qname(w, types[typeIndex]!.value, 'node')! : 'rdf:Description';
  const open = `${pad(depth)}<${element}${identity(w, entry.term, nestedHere)}`;
  const body: string[] = [];
  const saved = w.out;
  w.out = body;
  for (const { predicate, objects } of entry.predicates.values()) {
    objects.forEach((o, i) => {
      if (predicate.value === RDF_TYPE && i === typeIndex) return;
      property(w, propertyName(w, predicate.value), o, depth + 1);
    });
  }
  w.out = saved;
  if (body.length === 0) w.out.push(`${open}/>\n`);
  else w.out.push(`${open}>\n`, ...body, `${pad(depth)}</${element}>\n`);
}

function property(w: Writing, name: string, o: ObjectTerm, depth: number): void {
  const at = pad(depth);
  if (o.termType === 'Literal') {
    const lang = o.language ? ` xml:lang="${xmlAttribute(o.language)}"` : '';
    const datatype = !o.language && o.datatype.value !== XSD_STRING ? ` rdf:datatype="${xmlAttribute(o.datatype.value)}"` : '';
    w.out.push(`${at}<${name}${lang}${datatype}>${xmlText(o.value)}</${name}>\n`);
    return;
  }
  const key = nodeKey(o);
  const items = o.termType === 'BlankNode' ? w.index.lists.get(key) : undefined;
  if (items && items.every((i) => i.termType !== 'Literal')) {
    w.out.push(`${at}<${name} rdf:parseType="Collection">\n`);
    for (const item of items) nodeOrReference(w, item as NodeTerm, depth + 1);
    w.out.push(`${at}</${name}>\n`);
    return;
  }
  if (items) {
    w.out.push(`${at}<${name}>\n`);
    cells(w, items, depth + 1);
    w.out.push(`${at}</${name}>\n`);
    return;
  }
  const entry = w.index.subjects.get(key);
  if (entry && !w.described.has(key) && (w.index.references.get(key) ?? 0) === 1 && !isNil(o)) {
    w.out.push(`${at}<${name}>\n`);
    describe(w, entry, depth + 1, true);
    w.out.push(`${at}</${name}>\n`);
    return;
  }
  const ref = o.termType === 'NamedNode' ? ` rdf:resource="${xmlAttribute(o.value)}"` : ` rdf:nodeID="${nodeId(w, key)}"`;
  w.out.push(`${at}<${name}${ref}/>\n`);
}

/** A list item inside a Collection: described there when it is referenced only there, else a bare reference. */
function nodeOrReference(w: Writing, term: NodeTerm, depth: number): void {
  const key = nodeKey(term);
  const entry = w.index.subjects.get(key);
  if (entry && !w.described.has(key) && (w.index.references.get(key) ?? 0) === 1) {
    describe(w, entry, depth, true);
    return;
  }
  const ref = term.termType === 'NamedNode' ? ` rdf:about="${xmlAttribute(term.value)}"` : ` rdf:nodeID="${nodeId(w, key)}"`;
  w.out.push(`${pad(depth)}<rdf:Description${ref}/>\n`);
}

/** A list with a literal in it, as nested `rdf:first`/`rdf:rest` cells (a Collection holds only nodes). */
function cells(w: Writing, items: readonly ObjectTerm[], depth: number): void {
  const [head, ...rest] = items;
  const at = pad(depth);
  w.out.push(`${at}<rdf:Description>\n`);
  property(w, 'rdf:first', head!, depth + 1);
  if (rest.length === 0) w.out.push(`${pad(depth + 1)}<rdf:rest rdf:resource="${RDF_NS}nil"/>\n`);
  else {
    w.out.push(`${pad(depth + 1)}<rdf:rest>\n`);
    cells(w, rest, depth + 2);
    w.out.push(`${pad(depth + 1)}</rdf:rest>\n`);
  }
  w.out.push(`${at}</rdf:Description>\n`);
}
