// Property pair constraints: sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals (compared with the focus node's values).
import type { Term } from '@rdfjs/types';
import type { ComponentEntry, ComponentInput } from '../types.js';
import { SH, label, termKey } from '../terms.js';
import { compareLiterals } from './compare.js';

function predicate(input: ComponentInput, name: string): string {
  if (input.value.termType !== 'NamedNode') throw input.reader.error(`sh:${name} ${label(input.value)} is not an IRI`);
  input.uses(input.value.value);
  return input.value.value;
}

function keys(terms: readonly Term[]): Set<string> {
  return new Set(terms.map(termKey));
}

export const equalsEntry: ComponentEntry = {
  component: `${SH}EqualsConstraintComponent`,
  compile(input) {
    const p = predicate(input, 'equals');
    const emit = input.emitter(`${SH}EqualsConstraintComponent`, 'Must have same values as {$equals}', { equals: input.value });
    return (ctx, focus, values) => {
      const other = ctx.index.objects(focus, p);
      if (values.length === 1 && other.length === 1 && termKey(values[0]!) === termKey(other[0]!)) return;
      const mine = keys(values);
      const theirs = keys(other);
      for (const v of values) if (!theirs.has(termKey(v))) emit(ctx, focus, v);
      for (const o of other) if (!mine.has(termKey(o))) emit(ctx, focus, o);
    };
  },
};

export const disjointEntry: ComponentEntry = {
  component: `${SH}DisjointConstraintComponent`,
  compile(input) {
    const p = predicate(input, 'disjoint');
    const emit = input.emitter(`${SH}DisjointConstraintComponent`, 'Value node must not also be one of the values of {$disjoint}', { disjoint: input.value });
    return (ctx, focus, values) => {
      const other = ctx.index.objects(focus, p);
      if (other.length === 0) return;
      const theirs = keys(other);
      for (const v of values) if (theirs.has(termKey(v))) emit(ctx, focus, v);
    };
  },
};

function orderEntry(name: 'lessThan' | 'lessThanOrEquals', message: string, ok: (c: number) => boolean): ComponentEntry {
  const component = `${SH}${name[0]!.toUpperCase()}${name.slice(1)}ConstraintComponent`;
  return {
    component,
    propertyOnly: true,
    compile(input) {
      const p = predicate(input, name);
      const emit = input.emitter(component, message, { [name]: input.value });
      return (ctx, focus, values) => {
        const other = ctx.index.objects(focus, p);
        for (const v of values) {
          for (const o of other) {
            const c = compareLiterals(v, o);
            if (c === null || !ok(c)) emit(ctx, focus, v);
          }
        }
      };
    },
  };
}

export const lessThanEntry = orderEntry('lessThan', 'Value is not less than value of {$lessThan}', (c) => c < 0);
export const lessThanOrEqualsEntry = orderEntry('lessThanOrEquals', 'Value is not less than or equal to value of {$lessThanOrEquals}', (c) => c <= 0);
