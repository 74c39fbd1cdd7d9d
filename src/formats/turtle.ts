// Turtle and N-Triples via n3: prefixes, subjects grouped, and the author list written as a Turtle collection.
import { DataFactory, Writer } from 'n3';
import type { Quad, Quad_Object, Term } from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.js';
import { collectLists } from '../rdf/lists.js';
import { plainNTriples } from '../rdf/ntriples.js';
import { isPublishable, publishable } from './normal-form.js';

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

export function writeTurtle(given: readonly Quad[], prefixes: { [p: string]: string } = TURTLE_PREFIXES): string {
  const quads = inNormalForm(given);
  const writer = new Writer({ prefixes: usedPrefixes(quads, prefixes) });
  const { lists, cellQuads } = collectLists(quads);
  for (const q of groupBySubject(quads)) {
    if (cellQuads.has(q)) continue;
    const items = q.object.termType === 'BlankNode' ? lists.get(q.object.value) : undefined;
    writer.addQuad(q.subject, q.predicate, items ? writer.list(items as never[]) : q.object);
  }
  return end(writer);
}

/** Canonical N-Triples (n3's), written directly when every term is plain (src/rdf/ntriples.ts), the usual case. */
export function writeNTriples(quads: readonly Quad[]): string {
  const plain = plainNTriples(quads);
  if (plain !== undefined) return plain;
  const writer = new Writer({ format: 'N-Triples' });
  writer.addQuads(inNormalForm(quads) as Quad[]);
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

/**
 * The quads with their text in the normal form (`normal-form.ts`): n3 writes a lone surrogate raw, which no UTF-8
 * can encode, so it would reach the client as U+FFFD, and control characters the other formats cannot carry. The
 * same array when nothing needs changing (the common case).
 */
function inNormalForm(quads: readonly Quad[]): readonly Quad[] {
  const clean = (t: Term): boolean => t.termType === 'Literal' ? isPublishable(t.value) && isPublishable(t.language) : isPublishable(t.value);
  if (quads.every((q) => clean(q.subject) && clean(q.predicate) && clean(q.object))) return quads;
  const fix = <T extends Term>(t: T): T => {
    if (clean(t)) return t;
    if (t.termType === 'NamedNode') return DataFactory.namedNode(publishable(t.value)) as unknown as T;
    if (t.termType === 'BlankNode') return DataFactory.blankNode(publishable(t.value)) as unknown as T;
    if (t.termType === 'Literal') {
      const l = t as unknown as { value: string; language: string; datatype: { value: string } };
      const tag = publishable(l.language);
      const datatype = l.language ? `${PREFIXES.xsd}string` : publishable(l.datatype.value);
      return DataFactory.literal(publishable(l.value), tag || DataFactory.namedNode(datatype)) as unknown as T;
    }
    return t;
  };
  return quads.map((q) => DataFactory.quad(fix(q.subject), fix(q.predicate), fix(q.object as Quad_Object), q.graph));
}
