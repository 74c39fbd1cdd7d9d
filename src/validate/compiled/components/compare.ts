// Orders two literals as the value range and property pair constraints need: null when they are not comparable.
import type { Literal, Term } from '@rdfjs/types';
import { fromRdf } from 'rdf-literal';
import { XSD } from '../terms.js';

const TIMEZONE = /(([+-]\d{2}:\d{2})|Z)$/;

function hasTimezone(l: Literal): boolean {
  return l.datatype.value === `${XSD}dateTime` && TIMEZONE.test(l.value);
}

/** Negative, zero or positive as `a` sorts before, with or after `b`; null when SPARQL would not compare them. */
export function compareLiterals(a: Term, b: Term): number | null {
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return null;
  const la = a as Literal;
  const lb = b as Literal;
  if (hasTimezone(la) !== hasTimezone(lb)) return null;
  let va: unknown;
  let vb: unknown;
  try {
    va = fromRdf(la);
    vb = fromRdf(lb);
  } catch {
    return null;
  }
  if (typeof va !== typeof vb) return null;
  if (typeof va === 'string') return va < (vb as string) ? -1 : va > (vb as string) ? 1 : 0;
  const d = (va as number) - (vb as number);
  return Number.isNaN(d) ? null : d;
}
