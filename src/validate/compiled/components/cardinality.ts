// Cardinality constraints: sh:minCount and sh:maxCount, on property shapes only.
import type { ComponentEntry, ComponentInput } from '../types.js';
import { SH, label } from '../terms.js';

function count(input: ComponentInput, name: string): number {
  const n = input.value.termType === 'Literal' ? Number(input.value.value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw input.reader.error(`sh:${name} ${label(input.value)} is not a non-negative integer`);
  return n;
}

export const minCountEntry: ComponentEntry = {
  component: `${SH}MinCountConstraintComponent`,
  propertyOnly: true,
  compile(input) {
    const min = count(input, 'minCount');
    const emit = input.emitter(`${SH}MinCountConstraintComponent`, 'Less than {$minCount} values', { minCount: input.value });
    return (ctx, focus, values) => {
      if (values.length < min) emit(ctx, focus);
    };
  },
};

export const maxCountEntry: ComponentEntry = {
  component: `${SH}MaxCountConstraintComponent`,
  propertyOnly: true,
  compile(input) {
    const max = count(input, 'maxCount');
    const emit = input.emitter(`${SH}MaxCountConstraintComponent`, 'More than {$maxCount} values', { maxCount: input.value });
    return (ctx, focus, values) => {
      if (values.length > max) emit(ctx, focus);
    };
  },
};
