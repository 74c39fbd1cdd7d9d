// Other constraints: sh:closed with sh:ignoredProperties, sh:hasValue, sh:in.
import type { ComponentEntry } from '../types.js';
import { SH, isTrue, termEquals, termKey } from '../terms.js';
import { DataFactory } from 'n3';

export const closedEntry: ComponentEntry = {
  component: `${SH}ClosedConstraintComponent`,
  compile({ value, reader, shape, emitter, uses }) {
    if (!isTrue(value)) return null;
    uses('*');
    const allowed = new Set<string>();
    for (const p of reader.objects(shape.term, `${SH}property`)) {
      for (const path of reader.objects(p, `${SH}path`)) if (path.termType === 'NamedNode') allowed.add(path.value);
    }
    const ignored = reader.one(shape.term, `${SH}ignoredProperties`);
    if (ignored) for (const t of reader.list(ignored, 'sh:ignoredProperties')) allowed.add(t.value);
    const emit = emitter(`${SH}ClosedConstraintComponent`, 'Predicate is not allowed (closed shape)', { closed: value, ignoredProperties: ignored });
    return (ctx, focus, values) => {
      for (const v of values) {
        const edges = ctx.index.edges(v);
        if (!edges) continue;
        for (const [p, objects] of edges) {
          if (allowed.has(p)) continue;
          const path = DataFactory.namedNode(p);
          for (const o of objects) emit(ctx, focus, o, { path });
        }
      }
    };
  },
};

export const hasValueEntry: ComponentEntry = {
  component: `${SH}HasValueConstraintComponent`,
  compile({ value, shape, emitter }) {
    const template = shape.path ? 'Missing expected value {$hasValue}' : 'Value must be {$hasValue}';
    const emit = emitter(`${SH}HasValueConstraintComponent`, template, { hasValue: value });
    return (ctx, focus, values) => {
      for (const v of values) if (termEquals(v, value)) return;
      emit(ctx, focus);
    };
  },
};

export const inEntry: ComponentEntry = {
  component: `${SH}InConstraintComponent`,
  compile({ value, reader, emitter }) {
    const allowed = new Set(reader.list(value, 'sh:in').map(termKey));
    const emit = emitter(`${SH}InConstraintComponent`, 'Value is not one of the allowed values: {$in}', { in: value });
    return (ctx, focus, values) => {
      for (const v of values) if (!allowed.has(termKey(v))) emit(ctx, focus, v);
    };
  },
};
