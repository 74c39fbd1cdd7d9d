// Logical constraints: sh:not, sh:and, sh:or, sh:xone, each over the value nodes' conformance to other shapes.
import type { ComponentEntry, CompiledShape, ComponentInput } from '../types.js';
import { SH } from '../terms.js';

function members(input: ComponentInput, name: string): CompiledShape[] {
  return input.reader.list(input.value, `sh:${name}`).map((t) => input.links.shape(t));
}

export const notEntry: ComponentEntry = {
  component: `${SH}NotConstraintComponent`,
  compile(input) {
    const { links } = input;
    const shape = links.shape(input.value);
    const emit = input.emitter(`${SH}NotConstraintComponent`, 'Value does have shape {$not}', { not: input.value });
    return (ctx, focus, values) => {
      for (const v of values) if (links.conforms(ctx, shape, v)) emit(ctx, focus, v);
    };
  },
};

export const andEntry: ComponentEntry = {
  component: `${SH}AndConstraintComponent`,
  compile(input) {
    const { links } = input;
    const shapes = members(input, 'and');
    const emit = input.emitter(`${SH}AndConstraintComponent`, undefined, { and: input.value });
    return (ctx, focus, values) => {
      for (const v of values) if (!shapes.every((s) => links.conforms(ctx, s, v))) emit(ctx, focus, v);
    };
  },
};

export const orEntry: ComponentEntry = {
  component: `${SH}OrConstraintComponent`,
  compile(input) {
    const { links } = input;
    const shapes = members(input, 'or');
    const emit = input.emitter(`${SH}OrConstraintComponent`, undefined, { or: input.value });
    return (ctx, focus, values) => {
      for (const v of values) if (!shapes.some((s) => links.conforms(ctx, s, v))) emit(ctx, focus, v);
    };
  },
};

export const xoneEntry: ComponentEntry = {
  component: `${SH}XoneConstraintComponent`,
  compile(input) {
    const { links } = input;
    const shapes = members(input, 'xone');
    const emit = input.emitter(`${SH}XoneConstraintComponent`, undefined, { xone: input.value });
    return (ctx, focus, values) => {
      for (const v of values) {
        let n = 0;
        for (const s of shapes) if (links.conforms(ctx, s, v)) n++;
        if (n !== 1) emit(ctx, focus, v);
      }
    };
  },
};
