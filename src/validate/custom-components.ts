// The constraint components ldpub adds to SHACL Core, implemented in TypeScript: declared in shapes/, registered here.
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { issnCheckDigitOk } from './issn.js';

/** The namespace of ldpub's shapes and of its own constraint components. */
export const LDPUB_SHAPES = 'https://w3id.org/ldpub/shapes#';

/** What the engine hands a component's validator: the parameter values of the constraint being checked. */
export interface ConstraintLike {
  getParameterValue(param: Term): Term | undefined;
}

/** True when the value node conforms; called once per value node. */
export type ValueCheck = (focusNode: Term, valueNode: Term, constraint: ConstraintLike) => boolean;

export interface CustomComponent {
  /** The component IRI, as declared (`a sh:ConstraintComponent`) in the shapes graph. */
  iri: string;
  /** The parameter IRIs the shapes graph must declare for it (sh:parameter/sh:path). */
  parameters: string[];
  check: ValueCheck;
  /** Used when the shape carries no sh:message. */
  defaultMessage: string;
}

const issnCheckDigit = `${LDPUB_SHAPES}issnCheckDigit`;
const issnCheckDigitTerm = DataFactory.namedNode(issnCheckDigit);

export const ISSN_CHECK_DIGIT: CustomComponent = {
  iri: `${LDPUB_SHAPES}ISSNCheckDigitConstraintComponent`,
  parameters: [issnCheckDigit],
  defaultMessage: 'The ISSN check digit is wrong',
  check(_focus, value, constraint) {
    const enabled = constraint.getParameterValue(issnCheckDigitTerm);
    if (!enabled || enabled.value !== 'true') return true;
    return value.termType !== 'Literal' || issnCheckDigitOk(value.value);
  },
};

/** Every component ldpub implements; a component the shapes declare but that is missing here is a load error. */
export const CUSTOM_COMPONENTS: readonly CustomComponent[] = [ISSN_CHECK_DIGIT];
