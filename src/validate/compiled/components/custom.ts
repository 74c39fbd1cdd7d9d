// ldpub's own constraint components (src/validate/custom-components.ts), compiled like the core ones: one check per value node.
import type { Term } from '@rdfjs/types';
import type { CustomComponent } from '../../custom-components.js';
import type { ComponentEntry } from '../types.js';

export function customEntry(component: CustomComponent): ComponentEntry {
  return {
    component: component.iri,
    compile({ shape, reader, emitter }) {
      const constraint = { getParameterValue: (param: Term) => reader.one(shape.term, param.value) };
      const params = Object.fromEntries(component.parameters.map((p) => [p.slice(Math.max(p.lastIndexOf('#'), p.lastIndexOf('/')) + 1), reader.one(shape.term, p)]));
      const emit = emitter(component.iri, component.defaultMessage, params);
      return (ctx, focus, values) => {
        for (const v of values) if (!component.check(focus, v, constraint)) emit(ctx, focus, v);
      };
    },
  };
}
