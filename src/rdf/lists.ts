// Finds the well-formed rdf:Lists in a graph, so writers can print them as collections rather than cells.
import type { BlankNode, Quad, Term } from '@rdfjs/types';
import { PREFIXES } from './namespaces.js';

const RDF_FIRST = `${PREFIXES.rdf}first`;
const RDF_REST = `${PREFIXES.rdf}rest`;
const RDF_NIL = `${PREFIXES.rdf}nil`;

/**
 * Finds well-formed lists: blank-node cells with exactly one rdf:first, one rdf:rest and nothing else,
 * each referenced once. Their items can then be written as `( … )`.
 */
export function collectLists(quads: readonly Quad[]): { lists: Map<string, Term[]>; cellQuads: Set<Quad> } {
  const first = new Map<string, Quad>();
  const rest = new Map<string, Quad>();
  const otherSubjects = new Set<string>();
  const references = new Map<string, number>();
  for (const q of quads) {
    if (q.object.termType === 'BlankNode') references.set(q.object.value, (references.get(q.object.value) ?? 0) + 1);
    if (q.subject.termType !== 'BlankNode') continue;
    const id = q.subject.value;
    if (q.predicate.value === RDF_FIRST && !first.has(id)) first.set(id, q);
    else if (q.predicate.value === RDF_REST && !rest.has(id)) rest.set(id, q);
    else otherSubjects.add(id);
  }
  const lists = new Map<string, Term[]>();
  const cellQuads = new Set<Quad>();
  const restTargets = new Set([...rest.values()].filter((r) => r.object.termType === 'BlankNode').map((r) => r.object.value));
  for (const head of first.keys()) {
    // Heads are cells that no other cell's rdf:rest points at.
    if (restTargets.has(head)) continue;
    const items: Term[] = [];
    const used: Quad[] = [];
    let cell: string | undefined = head;
    let ok = true;
    while (cell !== undefined) {
      const f = first.get(cell);
      const r = rest.get(cell);
      if (!f || !r || otherSubjects.has(cell) || (references.get(cell) ?? 0) !== 1) {
        ok = false;
        break;
      }
      items.push(f.object);
      used.push(f, r);
      if (r.object.termType === 'NamedNode' && r.object.value === RDF_NIL) cell = undefined;
      else if (r.object.termType === 'BlankNode') cell = (r.object as BlankNode).value;
      else {
        ok = false;
        break;
      }
    }
    if (ok) {
      lists.set(head, items);
      for (const q of used) cellQuads.add(q);
    }
  }
  return { lists, cellQuads };
}
