// The documented normal form of published text (docs/mapping.md), stated code point by code point, independently of the writers.
import type { Literal, Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

/** True for a code point no RDF literal carries: what XML 1.0 forbids (controls but tab/LF/CR, U+FFFE, U+FFFF) and lone surrogates. */
export function unpublishable(cp: number): boolean {
  if (cp <= 0x1f) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d;
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // only lone ones reach here: a pair is read as one code point
  return cp === 0xfffe || cp === 0xffff;
}

export function normalForm(text: string): string {
  let out = '';
  for (const ch of text) if (!unpublishable(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** The graph with every literal and IRI in the normal form: what every writer must express. */
export function normalQuads(quads: readonly Quad[]): Quad[] {
  const term = <T extends Term>(t: T): T => {
    if (t.termType === 'NamedNode') return DataFactory.namedNode(normalForm(t.value)) as unknown as T;
    if (t.termType !== 'Literal') return t;
    const l = t as unknown as Literal;
    return DataFactory.literal(normalForm(l.value), l.language ? normalForm(l.language) : DataFactory.namedNode(normalForm(l.datatype.value))) as unknown as T;
  };
  return quads.map((q) => DataFactory.quad(term(q.subject), term(q.predicate), term(q.object), q.graph));
}
