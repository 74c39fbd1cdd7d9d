// Shape-based constraints: sh:node, sh:property, and sh:qualifiedValueShape with its counts and disjointness.
import type { Term } from '@rdfjs/types';
import type { Check, ComponentEntry } from '../types.js';
import { SH, isTrue, label, termKey } from '../terms.js';

export const nodeEntry: ComponentEntry = {
  component: `${SH}NodeConstraintComponent`,
  compile(input) {
    const { links } = input;
    const shape = links.shape(input.value);
    const emit = input.emitter(`${SH}NodeConstraintComponent`, 'Value does not have shape {$node}', { node: input.value });
    return (ctx, focus, values) => {
      for (const v of values) if (!links.conforms(ctx, shape, v)) emit(ctx, focus, v);
    };
  },
};

/** sh:property: each value node is a focus node of the property shape, whose results are reported as they are. */
export const propertyEntry: ComponentEntry = {
  component: `${SH}PropertyConstraintComponent`,
  compile(input) {
    const { links, reader } = input;
    const shape = links.shape(input.value);
    if (!shape.path) throw reader.error(`${label(input.value)}, the sh:property of ${label(input.shape.term)}, has no sh:path`);
    return (ctx, _focus, values) => {
      for (const v of values) links.validate(ctx, shape, v);
    };
  },
};

function count(t: Term | undefined, name: string, error: (m: string) => Error): number | undefined {
  if (!t) return undefined;
  const n = t.termType === 'Literal' ? Number(t.value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw error(`sh:${name} ${label(t)} is not a non-negative integer`);
  return n;
}

export const qualifiedEntry: ComponentEntry = {
  component: `${SH}QualifiedMinCountConstraintComponent`,
  propertyOnly: true,
  compile(input) {
    const { links, reader, shape: self, value } = input;
    const error = (m: string) => reader.error(m);
    const min = count(reader.one(self.term, `${SH}qualifiedMinCount`), 'qualifiedMinCount', error);
    const max = count(reader.one(self.term, `${SH}qualifiedMaxCount`), 'qualifiedMaxCount', error);
    if (min === undefined && max === undefined) return null;
    const qualified = links.shape(value);
    const siblings: ReturnType<typeof links.shape>[] = [];
    if (isTrue(reader.one(self.term, `${SH}qualifiedValueShapesDisjoint`))) {
      const seen = new Set([termKey(value)]);
      for (const parent of reader.withPredicate(`${SH}property`)) {
        if (termKey(parent.object) !== self.key) continue;
        for (const sibling of reader.objects(parent.subject, `${SH}property`)) {
          for (const q of reader.objects(sibling, `${SH}qualifiedValueShape`)) {
            if (!seen.has(termKey(q))) {
              seen.add(termKey(q));
              siblings.push(links.shape(q));
            }
          }
        }
      }
    }
    const params = { qualifiedValueShape: value, qualifiedMinCount: reader.one(self.term, `${SH}qualifiedMinCount`), qualifiedMaxCount: reader.one(self.term, `${SH}qualifiedMaxCount`) };
    const emitMin = input.emitter(`${SH}QualifiedMinCountConstraintComponent`, 'Less than {$qualifiedMinCount} values have shape {$qualifiedValueShape}', params);
    const emitMax = input.emitter(`${SH}QualifiedMaxCountConstraintComponent`, 'More than {$qualifiedMaxCount} values have shape {$qualifiedValueShape}', params);
    const check: Check = (ctx, focus, values) => {
      let n = 0;
      for (const v of values) {
        if (links.conforms(ctx, qualified, v) && !siblings.some((s) => links.conforms(ctx, s, v))) n++;
      }
      if (min !== undefined && n < min) emitMin(ctx, focus);
      if (max !== undefined && n > max) emitMax(ctx, focus);
    };
    return check;
  },
};
