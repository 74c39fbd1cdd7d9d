// Compiles a shape's targets (sh:targetNode, sh:targetClass, implicit class targets, sh:targetSubjectsOf/ObjectsOf) into one function.
import type { Term } from '@rdfjs/types';
import type { DataIndex } from './data-index.js';
import type { ShapesReader } from './shapes-reader.js';
import { SH, termKey } from './terms.js';

export type TargetFn = (index: DataIndex) => readonly Term[];

export const TARGET_PREDICATES = ['targetNode', 'targetClass', 'targetSubjectsOf', 'targetObjectsOf'].map((l) => SH + l);

function byPredicate(p: string, end: 'subject' | 'object'): TargetFn {
  return (index) => {
    const seen = new Set<string>();
    const out: Term[] = [];
    for (const q of index.triples) {
      if (q.predicate.value !== p) continue;
      const t = q[end];
      const k = termKey(t);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(t);
      }
    }
    return out;
  };
}

/** The target function of a shape, or undefined when it has no target (it is then checked only through other shapes). */
export function compileTargets(reader: ShapesReader, shape: Term): TargetFn | undefined {
  const parts: TargetFn[] = [];
  const nodes = reader.objects(shape, `${SH}targetNode`);
  if (nodes.length > 0) parts.push(() => nodes);
  const classes = reader.objects(shape, `${SH}targetClass`).map(termKey);
  if (reader.isClass(shape)) classes.push(termKey(shape));
  for (const c of new Set(classes)) parts.push((index) => index.instancesOf(c));
  for (const p of reader.objects(shape, `${SH}targetSubjectsOf`)) parts.push(byPredicate(p.value, 'subject'));
  for (const p of reader.objects(shape, `${SH}targetObjectsOf`)) parts.push(byPredicate(p.value, 'object'));
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return (index) => {
    const seen = new Set<string>();
    const out: Term[] = [];
    for (const part of parts) {
      for (const t of part(index)) {
        const k = termKey(t);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(t);
        }
      }
    }
    return out;
  };
}
