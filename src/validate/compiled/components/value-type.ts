// Value type constraints: sh:class, sh:datatype (with ill-typed literal checks), sh:nodeKind.
import type { Literal, Term } from '@rdfjs/types';
import { validateTerm } from 'rdf-validate-datatype';
import type { ComponentEntry } from '../types.js';
import { SH, label, termKey } from '../terms.js';
import { lookupTable } from '../../../model/lookup.js';

export const classEntry: ComponentEntry = {
  component: `${SH}ClassConstraintComponent`,
  compile({ value, emitter }) {
    const emit = emitter(`${SH}ClassConstraintComponent`, 'Value does not have class {$class}', { class: value });
    const cls = termKey(value);
    return (ctx, focus, values) => {
      for (const v of values) if (!ctx.index.isInstanceOf(v, cls)) emit(ctx, focus, v);
    };
  },
};

export const datatypeEntry: ComponentEntry = {
  component: `${SH}DatatypeConstraintComponent`,
  compile({ value, emitter, reader }) {
    if (value.termType !== 'NamedNode') throw reader.error(`sh:datatype ${label(value)} is not an IRI`);
    const emit = emitter(`${SH}DatatypeConstraintComponent`, 'Value does not have datatype {$datatype}', { datatype: value });
    const dt = value.value;
    return (ctx, focus, values) => {
      for (const v of values) {
        const ok = v.termType === 'Literal' && (v as Literal).datatype.value === dt && validateTerm(v);
        if (!ok) emit(ctx, focus, v);
      }
    };
  },
};

const KINDS: { [kind: string]: readonly Term['termType'][] } = lookupTable({
  BlankNode: ['BlankNode'],
  IRI: ['NamedNode'],
  Literal: ['Literal'],
  BlankNodeOrIRI: ['BlankNode', 'NamedNode'],
  BlankNodeOrLiteral: ['BlankNode', 'Literal'],
  IRIOrLiteral: ['NamedNode', 'Literal'],
});

export const nodeKindEntry: ComponentEntry = {
  component: `${SH}NodeKindConstraintComponent`,
  compile({ value, emitter, reader }) {
    const kinds = value.termType === 'NamedNode' && value.value.startsWith(SH) ? KINDS[value.value.slice(SH.length)] : undefined;
    if (!kinds) throw reader.error(`sh:nodeKind ${label(value)} is not one of SHACL's node kinds`);
    const emit = emitter(`${SH}NodeKindConstraintComponent`, 'Value does not have node kind {$nodeKind}', { nodeKind: value });
    const allowed = new Set<string>(kinds);
    return (ctx, focus, values) => {
      for (const v of values) if (!allowed.has(v.termType)) emit(ctx, focus, v);
    };
  },
};
