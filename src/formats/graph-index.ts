// One record's graph indexed once (subject → predicate → objects, references, lists) for the writers that nest nodes.
import type { BlankNode, Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.js';

const RDF_FIRST = `${PREFIXES.rdf}first`;
const RDF_REST = `${PREFIXES.rdf}rest`;
const RDF_NIL = `${PREFIXES.rdf}nil`;
export const RDF_TYPE = `${PREFIXES.rdf}type`;
export const XSD_STRING = `${PREFIXES.xsd}string`;

export type NodeTerm = NamedNode | BlankNode;
export type ObjectTerm = NodeTerm | Literal;

export interface PredicateEntry {
  predicate: NamedNode;
  /** Distinct objects in order of first appearance. */
  objects: ObjectTerm[];
  /** Their keys, to drop duplicate triples. */
  keys: Set<string>;
}

export interface SubjectEntry {
  term: NodeTerm;
  /** Predicates in order of first appearance. */
  predicates: Map<string, PredicateEntry>;
}

export interface GraphIndex {
  /** Every subject, keyed by `nodeKey`, in order of first appearance; list cells written as lists are left out. */
  subjects: Map<string, SubjectEntry>;
  /** How many triples have the node as object (list cells written as lists not counted). */
  references: Map<string, number>;
  /** The well-formed lists, by the key of their head cell: the items in order. */
  lists: Map<string, ObjectTerm[]>;
  /** The number of distinct triples. */
  size: number;
}

/** `<iri>` is its IRI, a blank node `_:label`: one key space for both. */
export function nodeKey(term: NodeTerm): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function objectKey(term: ObjectTerm): string {
  if (term.termType !== 'Literal') return nodeKey(term);
  // Neither a datatype IRI nor a language tag holds a space, so the value, last, cannot be confused.
  return `\u0000${term.datatype.value} ${term.language} ${term.value}`;
}

/**
 * A literal as a plain object: n3 computes a literal's value, language and datatype from its id on every access,
 * which the writers would otherwise pay several times per literal.
 */
function plainLiteral(term: Literal): Literal {
  const datatype = term.datatype;
  return { termType: 'Literal', value: term.value, language: term.language, datatype, equals: (other) => !!other && term.equals(other) } as Literal;
}

/**
 * Indexes the graph, dropping duplicate triples. Lists are blank-node cells with exactly one rdf:first, one
 * rdf:rest and nothing else, each referenced once, ending in rdf:nil: those can be written as `@list` or
 * `rdf:parseType="Collection"` and the cells vanish; any other cell stays an ordinary node.
 */
export function indexGraph(quads: readonly Quad[]): GraphIndex {
  const subjects = new Map<string, SubjectEntry>();
  const references = new Map<string, number>();
  let size = 0;
  for (const q of quads) {
    const s = q.subject;
    const o = q.object;
    if ((s.termType !== 'NamedNode' && s.termType !== 'BlankNode') || (o.termType !== 'NamedNode' && o.termType !== 'BlankNode' && o.termType !== 'Literal')) {
      throw new Error(`a record's graph holds only IRIs, blank nodes and literals, not ${s.termType} ${o.termType}`);
    }
    const sk = nodeKey(s);
    let entry = subjects.get(sk);
    if (!entry) subjects.set(sk, (entry = { term: s, predicates: new Map() }));
    let p = entry.predicates.get(q.predicate.value);
    if (!p) entry.predicates.set(q.predicate.value, (p = { predicate: q.predicate as NamedNode, objects: [], keys: new Set() }));
    const object = o.termType === 'Literal' ? plainLiteral(o) : o;
    const ok = objectKey(object);
    if (p.keys.has(ok)) continue;
    p.keys.add(ok);
    p.objects.push(object);
    size++;
    if (o.termType !== 'Literal') references.set(ok, (references.get(ok) ?? 0) + 1);
  }
  const lists = findLists(subjects, references);
  return { subjects, references, lists, size };
}

function listCell(entry: SubjectEntry | undefined, references: Map<string, number>): { first: ObjectTerm; rest: ObjectTerm } | undefined {
  if (!entry || entry.term.termType !== 'BlankNode' || entry.predicates.size !== 2) return undefined;
  if ((references.get(nodeKey(entry.term)) ?? 0) !== 1) return undefined;
  const first = entry.predicates.get(RDF_FIRST)?.objects;
  const rest = entry.predicates.get(RDF_REST)?.objects;
  if (first?.length !== 1 || rest?.length !== 1) return undefined;
  return { first: first[0]!, rest: rest[0]! };
}

function findLists(subjects: Map<string, SubjectEntry>, references: Map<string, number>): Map<string, ObjectTerm[]> {
  const restTargets = new Set<string>();
  for (const entry of subjects.values()) {
    for (const o of entry.predicates.get(RDF_REST)?.objects ?? []) if (o.termType === 'BlankNode') restTargets.add(nodeKey(o));
  }
  const lists = new Map<string, ObjectTerm[]>();
  for (const [key, entry] of subjects) {
    // A head is a cell that no rdf:rest points at.
    if (restTargets.has(key) || !listCell(entry, references)) continue;
    const items: ObjectTerm[] = [];
    const cells: string[] = [];
    let cellKey: string | undefined = key;
    let ok = true;
    while (cellKey !== undefined) {
      const cell = listCell(subjects.get(cellKey), references);
      if (!cell || cells.includes(cellKey)) {
        ok = false;
        break;
      }
      items.push(cell.first);
      cells.push(cellKey);
      if (cell.rest.termType === 'NamedNode' && cell.rest.value === RDF_NIL) cellKey = undefined;
      else if (cell.rest.termType === 'BlankNode') cellKey = nodeKey(cell.rest);
      else ok = false;
      if (!ok) break;
    }
    if (ok) lists.set(key, items);
  }
  // The cells of a list are written as the list, never as nodes of their own.
  for (const head of lists.keys()) {
    let cellKey: string | undefined = head;
    while (cellKey !== undefined) {
      const rest: Term | undefined = subjects.get(cellKey)?.predicates.get(RDF_REST)?.objects[0];
      subjects.delete(cellKey);
      cellKey = rest?.termType === 'BlankNode' ? nodeKey(rest as BlankNode) : undefined;
    }
  }
  return lists;
}

/** True for the rdf:nil IRI, the empty list. */
export function isNil(term: Term): boolean {
  return term.termType === 'NamedNode' && term.value === RDF_NIL;
}
