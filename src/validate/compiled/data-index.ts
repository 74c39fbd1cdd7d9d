// The per-record index the compiled checks read: subject → predicate → objects, built once from a record's quads.
import type { Quad, Term } from '@rdfjs/types';
import { RDF_TYPE, RDFS_SUBCLASS_OF, termKey } from './terms.js';

type Edges = Map<string, Term[]>;
const NONE: readonly Term[] = Object.freeze([]);

/**
 * A record's graph as plain maps. Duplicate triples count once (a graph is a set); graph names are ignored, as a
 * SHACL data graph is one graph. The reverse edges are built on first use: most shapes never follow a path backwards.
 */
export class DataIndex {
  private readonly out = new Map<string, Edges>();
  private reverse: Map<string, Edges> | undefined;
  /** class key → its instances (subjects of rdf:type), in data order. */
  private readonly types = new Map<string, Term[]>();
  /** Each distinct triple once, for targets that scan by predicate. */
  readonly triples: Quad[] = [];
  /** True when the data says rdfs:subClassOf anywhere: then class membership follows the subclass chain. */
  hasSubclasses = false;
  private superCache: Map<string, Set<string>> | undefined;

  /** `keep`: the predicates the shapes read; the others' triples are skipped (undefined keeps every triple). */
  constructor(quads: Iterable<Quad>, keep?: ReadonlySet<string>) {
    if (keep) {
      for (const q of quads) if (keep.has(q.predicate.value)) this.add(q);
    } else for (const q of quads) this.add(q);
  }

  // The mapping writes a node's triples together: the last subject's edges are kept at hand.
  private lastSubject: Term | undefined;
  private lastEdges: Edges | undefined;

  private add(q: Quad): void {
    const p = q.predicate.value;
    let edges: Edges | undefined;
    if (q.subject === this.lastSubject) edges = this.lastEdges as Edges;
    else {
      const s = termKey(q.subject);
      edges = this.out.get(s);
      if (!edges) {
        edges = new Map();
        this.out.set(s, edges);
      }
      this.lastSubject = q.subject;
      this.lastEdges = edges;
    }
    const objects = edges.get(p);
    if (!objects) edges.set(p, [q.object]);
    else {
      const o = q.object;
      const k = termKey(o);
      for (const other of objects) if (other.termType === o.termType && termKey(other) === k) return;
      objects.push(o);
    }
    this.triples.push(q);
    if (p === RDF_TYPE) {
      const c = termKey(q.object);
      const list = this.types.get(c);
      if (list) list.push(q.subject);
      else this.types.set(c, [q.subject]);
    } else if (p === RDFS_SUBCLASS_OF) this.hasSubclasses = true;
  }

  /** Objects of (node, predicate): never copied, so callers must not change the array. */
  objects(node: Term, predicate: string): readonly Term[] {
    return this.out.get(termKey(node))?.get(predicate) ?? NONE;
  }

  /** Every predicate and its objects on `node`. */
  edges(node: Term): ReadonlyMap<string, readonly Term[]> | undefined {
    return this.out.get(termKey(node));
  }

  /** Subjects of (?, predicate, node). */
  subjects(node: Term, predicate: string): readonly Term[] {
    if (!this.reverse) this.reverse = this.buildReverse();
    return this.reverse.get(termKey(node))?.get(predicate) ?? NONE;
  }

  private buildReverse(): Map<string, Edges> {
    const rev = new Map<string, Edges>();
    for (const q of this.triples) {
      const o = termKey(q.object);
      let edges = rev.get(o);
      if (!edges) {
        edges = new Map();
        rev.set(o, edges);
      }
      const list = edges.get(q.predicate.value);
      if (list) list.push(q.subject);
      else edges.set(q.predicate.value, [q.subject]);
    }
    return rev;
  }

  /** Direct instances of the class with this key (no subclass reasoning). */
  instancesOfKey(classKey: string): readonly Term[] {
    return this.types.get(classKey) ?? NONE;
  }

  /** The class with this key and every class the data makes a subclass of it, transitively. */
  subclassesOf(classKey: string): Set<string> {
    this.superCache ??= new Map();
    let found = this.superCache.get(classKey);
    if (found) return found;
    found = new Set([classKey]);
    if (this.hasSubclasses) {
      if (!this.reverse) this.reverse = this.buildReverse();
      const queue = [classKey];
      while (queue.length > 0) {
        const c = queue.pop() as string;
        for (const sub of this.reverse.get(c)?.get(RDFS_SUBCLASS_OF) ?? NONE) {
          const k = termKey(sub);
          if (!found.has(k)) {
            found.add(k);
            queue.push(k);
          }
        }
      }
    }
    this.superCache.set(classKey, found);
    return found;
  }

  /** SHACL instance-of: the node has an rdf:type that is the class or a subclass of it in the data. */
  isInstanceOf(node: Term, classKey: string): boolean {
    if (node.termType === 'Literal') return false;
    const types = this.objects(node, RDF_TYPE);
    if (types.length === 0) return false;
    if (!this.hasSubclasses) {
      for (const t of types) if (termKey(t) === classKey) return true;
      return false;
    }
    const classes = this.subclassesOf(classKey);
    for (const t of types) if (classes.has(termKey(t))) return true;
    return false;
  }

  /** Every instance of the class, through subclasses, each once. */
  instancesOf(classKey: string): Term[] {
    if (!this.hasSubclasses) return this.instancesOfKey(classKey) as Term[];
    const seen = new Set<string>();
    const out: Term[] = [];
    for (const c of this.subclassesOf(classKey)) {
      for (const i of this.instancesOfKey(c)) {
        const k = termKey(i);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(i);
        }
      }
    }
    return out;
  }
}
