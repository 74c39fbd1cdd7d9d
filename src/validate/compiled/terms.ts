// Term identity for the compiled engine: one string key per RDF term, and the vocabulary IRIs it reads.
import type { Literal, Term } from '@rdfjs/types';
import * as n3 from 'n3';

/** n3's term base class (its typings declare it as a type only): every n3 term carries its canonical id. */
const N3Term = (n3 as unknown as { Term: abstract new (...args: never[]) => { id: string } }).Term;

export const SH = 'http://www.w3.org/ns/shacl#';
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const RDF_TYPE = `${RDF}type`;
export const RDF_FIRST = `${RDF}first`;
export const RDF_REST = `${RDF}rest`;
export const RDF_NIL = `${RDF}nil`;
export const RDFS_SUBCLASS_OF = `${RDFS}subClassOf`;
export const XSD_STRING = `${XSD}string`;
export const XSD_BOOLEAN = `${XSD}boolean`;

/**
 * A key that is equal for two terms exactly when the terms are equal, in n3's own id form so that an n3 term (what
 * the mapping and the parsers make) gives its key for free: an IRI is its value, a blank node `_:label`, a literal
 * `"lexical"` (xsd:string), `"lexical"@lang` or `"lexical"^^datatype`. IRIs never start with `_:` or `"`.
 */
export function termKey(t: Term): string {
  if (t instanceof N3Term) return t.id;
  return foreignKey(t);
}

function foreignKey(t: Term): string {
  if (t.termType === 'NamedNode') return t.value;
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  if (t.termType === 'Literal') {
    const l = t as Literal & { direction?: string };
    if (l.language) return `"${l.value}"@${l.language.toLowerCase()}${l.direction ? `--${l.direction.toLowerCase()}` : ''}`;
    return l.datatype.value === XSD_STRING ? `"${l.value}"` : `"${l.value}"^^${l.datatype.value}`;
  }
  return `?${t.termType}:${t.value}`;
}

export function termEquals(a: Term, b: Term): boolean {
  return a === b || (a.termType === b.termType && termKey(a) === termKey(b));
}

/** True for the literal `true` typed xsd:boolean, the only value SHACL reads as true for sh:closed and friends. */
export function isTrue(t: Term | undefined): boolean {
  return t !== undefined && t.termType === 'Literal' && t.value === 'true' && (t as Literal).datatype.value === XSD_BOOLEAN;
}

/** `<iri>` or `_:label`, for messages. */
export function label(t: Term): string {
  return t.termType === 'NamedNode' ? `<${t.value}>` : t.termType === 'BlankNode' ? `_:${t.value}` : JSON.stringify(t.value);
}
