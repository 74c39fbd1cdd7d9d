// Read access to the shapes graph at compile time only: objects of a subject and predicate, RDF lists.
import type { Quad, Term } from '@rdfjs/types';
import { LdpubError } from '../../errors.js';
import { RDF_FIRST, RDF_NIL, RDF_REST, RDF_TYPE, RDFS, RDFS_SUBCLASS_OF, label, termKey } from './terms.js';

export class ShapesReader {
  private readonly out = new Map<string, Map<string, Term[]>>();
  private readonly byPredicate = new Map<string, Quad[]>();
  private readonly source: string;

  constructor(readonly quads: readonly Quad[], source: string) {
    this.source = source;
    for (const q of quads) {
      const s = termKey(q.subject);
      let edges = this.out.get(s);
      if (!edges) this.out.set(s, (edges = new Map()));
      const list = edges.get(q.predicate.value);
      if (list) {
        if (!list.some((t) => termKey(t) === termKey(q.object))) list.push(q.object);
      } else edges.set(q.predicate.value, [q.object]);
      const byP = this.byPredicate.get(q.predicate.value);
      if (byP) byP.push(q);
      else this.byPredicate.set(q.predicate.value, [q]);
    }
  }

  objects(node: Term, predicate: string): Term[] {
    return this.out.get(termKey(node))?.get(predicate) ?? [];
  }

  one(node: Term, predicate: string): Term | undefined {
    return this.objects(node, predicate)[0];
  }

  predicates(node: Term): string[] {
    return [...(this.out.get(termKey(node))?.keys() ?? [])];
  }

  /** Triples with this predicate. */
  withPredicate(predicate: string): readonly Quad[] {
    return this.byPredicate.get(predicate) ?? [];
  }

  /** The members of an RDF list; a list that is not well formed is a shapes error. */
  list(head: Term, what: string): Term[] {
    const out: Term[] = [];
    const seen = new Set<string>();
    let node: Term = head;
    while (!(node.termType === 'NamedNode' && node.value === RDF_NIL)) {
      const key = termKey(node);
      const first = this.objects(node, RDF_FIRST);
      const rest = this.objects(node, RDF_REST);
      if (seen.has(key) || first.length !== 1 || rest.length !== 1) {
        throw this.error(`${what} is not a well-formed RDF list at ${label(node)}`);
      }
      seen.add(key);
      out.push(first[0] as Term);
      node = rest[0] as Term;
    }
    return out;
  }

  /** True when the node is an rdfs:Class in the shapes graph (directly or through rdfs:subClassOf): an implicit class target. */
  isClass(node: Term): boolean {
    const classes = new Set([`${RDFS}Class`]);
    const queue = [`${RDFS}Class`];
    while (queue.length > 0) {
      const c = queue.pop() as string;
      for (const q of this.withPredicate(RDFS_SUBCLASS_OF)) {
        const k = termKey(q.subject);
        if (termKey(q.object) === c && !classes.has(k)) {
          classes.add(k);
          queue.push(k);
        }
      }
    }
    return this.objects(node, RDF_TYPE).some((t) => classes.has(termKey(t)));
  }

  error(message: string): LdpubError {
    return new LdpubError('LDPUB_BAD_SHAPES', `the shapes cannot be compiled: ${message}`, { record: this.source });
  }
}
