// Turtle and N-Triples via n3: prefixes, subjects grouped, and the author list written as a Turtle collection.
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.js';
import { collectLists } from '../rdf/lists.js';

const TURTLE_PREFIXES = {
  schema: PREFIXES.schema,
  dcterms: PREFIXES.dcterms,
  dcmitype: PREFIXES.dcmitype,
  bibo: PREFIXES.bibo,
  xsd: PREFIXES.xsd,
  sh: PREFIXES.sh,
  void: PREFIXES.void,
  rdfs: PREFIXES.rdfs,
};

export function writeTurtle(quads: readonly Quad[], prefixes: { [p: string]: string } = TURTLE_PREFIXES): string {
  const writer = new Writer({ prefixes: usedPrefixes(quads, prefixes) });
  const { lists, cellQuads } = collectLists(quads);
  for (const q of groupBySubject(quads)) {
    if (cellQuads.has(q)) continue;
    const items = q.object.termType === 'BlankNode' ? lists.get(q.object.value) : undefined;
    writer.addQuad(q.subject, q.predicate, items ? writer.list(items as never[]) : q.object);
  }
  return end(writer);
}

export function writeNTriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  writer.addQuads(quads as Quad[]);
  return end(writer);
}

function end(writer: Writer): string {
  let result = '';
  writer.end((error, out) => {
    if (error) throw error;
    result = out;
  });
  return result;
}

/** Stable grouping by subject, in order of first appearance, so each subject is written once with `;`. */
function groupBySubject(quads: readonly Quad[]): Quad[] {
  const groups = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(q);
  }
  return [...groups.values()].flat();
}

/** Only the prefixes the graph uses, so a record's Turtle does not declare vocabularies it never mentions. */
function usedPrefixes(quads: readonly Quad[], prefixes: { [p: string]: string }): { [p: string]: string } {
  const namespaces = Object.entries(prefixes);
  const used = new Set<string>();
  const visit = (value: string) => {
    for (const [p, ns] of namespaces) if (value.startsWith(ns)) used.add(p);
  };
  for (const q of quads) {
    visit(q.predicate.value);
    if (q.subject.termType === 'NamedNode') visit(q.subject.value);
    if (q.object.termType === 'NamedNode') visit(q.object.value);
    else if (q.object.termType === 'Literal') visit(q.object.datatype.value);
  }
  return Object.fromEntries(namespaces.filter(([p]) => used.has(p)));
}
