// Compiles a SHACL property path once into a function from a focus node to its value nodes, each once.
import type { Term } from '@rdfjs/types';
import type { DataIndex } from './data-index.js';
import type { ShapesReader } from './shapes-reader.js';
import { RDF_FIRST, SH, label, termKey } from './terms.js';

/** Value nodes of a path from one node; the array may be the index's own and must not be changed. */
export type PathFn = (index: DataIndex, node: Term) => readonly Term[];

interface Walk {
  forward: PathFn;
  backward: PathFn;
}

function unique(terms: Iterable<Term>): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const t of terms) {
    const k = termKey(t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

function sequence(steps: PathFn[]): PathFn {
  return (index, node) => {
    let current: readonly Term[] = [node];
    for (const step of steps) {
      const next: Term[] = [];
      for (const n of current) for (const t of step(index, n)) next.push(t);
      current = unique(next);
    }
    return current;
  };
}

function alternative(branches: PathFn[]): PathFn {
  return (index, node) => unique(branches.flatMap((b) => [...b(index, node)]));
}

/** Nodes reached by one or more steps; with `includeStart`, the start node too (zero or more). */
function closure(step: PathFn, includeStart: boolean): PathFn {
  return (index, node) => {
    const seen = new Set<string>();
    const out: Term[] = [];
    if (includeStart) {
      seen.add(termKey(node));
      out.push(node);
    }
    const queue: Term[] = [node];
    while (queue.length > 0) {
      const n = queue.shift() as Term;
      for (const t of step(index, n)) {
        const k = termKey(t);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(t);
          queue.push(t);
        }
      }
    }
    return out;
  };
}

function compileWalk(shapes: ShapesReader, path: Term, depth: number, uses: (p: string) => void): Walk {
  if (depth > 64) throw shapes.error(`the property path at ${label(path)} is nested too deeply (or refers to itself)`);
  if (path.termType === 'NamedNode') {
    const p = path.value;
    uses(p);
    return { forward: (index, node) => index.objects(node, p), backward: (index, node) => index.subjects(node, p) };
  }
  if (path.termType !== 'BlankNode') throw shapes.error(`${label(path)} is not a property path`);
  const sub = (t: Term) => compileWalk(shapes, t, depth + 1, uses);
  if (shapes.objects(path, RDF_FIRST).length > 0) {
    const steps = shapes.list(path, 'a sequence path').map(sub);
    if (steps.length < 2) throw shapes.error(`the sequence path ${label(path)} has fewer than two members`);
    return {
      forward: sequence(steps.map((s) => s.forward)),
      backward: sequence(steps.map((s) => s.backward).reverse()),
    };
  }
  const alt = shapes.one(path, `${SH}alternativePath`);
  if (alt) {
    const branches = shapes.list(alt, 'an alternative path').map(sub);
    if (branches.length < 2) throw shapes.error(`the alternative path ${label(path)} has fewer than two members`);
    return { forward: alternative(branches.map((b) => b.forward)), backward: alternative(branches.map((b) => b.backward)) };
  }
  for (const [op, includeStart, once] of [
    ['zeroOrMorePath', true, false],
    ['oneOrMorePath', false, false],
    ['zeroOrOnePath', true, true],
  ] as const) {
    const inner = shapes.one(path, SH + op);
    if (!inner) continue;
    const w = sub(inner);
    if (once) {
      const opt = (step: PathFn): PathFn => (index, node) => unique([node, ...step(index, node)]);
      return { forward: opt(w.forward), backward: opt(w.backward) };
    }
    return { forward: closure(w.forward, includeStart), backward: closure(w.backward, includeStart) };
  }
  const inv = shapes.one(path, `${SH}inversePath`);
  if (inv) {
    const w = sub(inv);
    return { forward: w.backward, backward: w.forward };
  }
  throw shapes.error(`${label(path)} is not a SHACL property path`);
}

/** `uses` hears every predicate the path follows. */
export function compilePath(shapes: ShapesReader, path: Term, uses: (p: string) => void): PathFn {
  return compileWalk(shapes, path, 0, uses).forward;
}
