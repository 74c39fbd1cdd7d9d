// Value range constraints: sh:minExclusive, sh:minInclusive, sh:maxExclusive, sh:maxInclusive.
import type { ComponentEntry } from '../types.js';
import { SH } from '../terms.js';
import { compareLiterals } from './compare.js';

function rangeEntry(name: string, message: string, ok: (c: number) => boolean): ComponentEntry {
  const component = `${SH}${name[0]!.toUpperCase()}${name.slice(1)}ConstraintComponent`;
  return {
    component,
    compile({ value, emitter }) {
      const emit = emitter(component, message, { [name]: value });
      return (ctx, focus, values) => {
        for (const v of values) {
          const c = compareLiterals(v, value);
          if (c === null || !ok(c)) emit(ctx, focus, v);
        }
      };
    },
  };
}

export const minExclusiveEntry = rangeEntry('minExclusive', 'Value is not greater than {$minExclusive}', (c) => c > 0);
export const minInclusiveEntry = rangeEntry('minInclusive', 'Value is not greater than or equal to {$minInclusive}', (c) => c >= 0);
export const maxExclusiveEntry = rangeEntry('maxExclusive', 'Value is not less than {$maxExclusive}', (c) => c < 0);
export const maxInclusiveEntry = rangeEntry('maxInclusive', 'Value is not less than or equal to {$maxInclusive}', (c) => c <= 0);
