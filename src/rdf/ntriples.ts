// N-Triples for the common case, written directly: the same bytes as n3's canonical N-Triples writer gives for a
// graph whose every term needs neither escaping nor the normal form of published text. Anything else is left to
// the full writer (src/formats/turtle.ts), which returns undefined from here.
import type { Quad, Term } from '@rdfjs/types';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/**
 * True when `text` is written as it is: no character canonical N-Triples escapes (U+0000–U+001F, `"`, `\`,
 * U+007F, U+FFFE, U+FFFF) and none the normal form of published text drops (controls, lone surrogates). A
 * surrogate of any kind sends the text to the full writer, which decides. (A character class: faster than a loop.)
 */
const NOT_PLAIN = /[^ !#-[\]-~\u0080-\uD7FF\uE000-\uFFFD]/;

function isPlain(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** `<iri>` or `_:label`, or undefined when the term is of another kind or needs escaping. */
function iriOrBlank(term: Term): string | undefined {
  if (term.termType === 'NamedNode') return isPlain(term.value) ? `<${term.value}>` : undefined;
  if (term.termType === 'BlankNode') return isPlain(term.value) ? `_:${term.value}` : undefined;
  return undefined;
}

function object(term: Term): string | undefined {
  if (term.termType !== 'Literal') return iriOrBlank(term);
  const value = term.value;
  if (!isPlain(value)) return undefined;
  if ((term as { direction?: string }).direction) return undefined;
  const language = term.language;
  if (language) return isPlain(language) ? `"${value}"@${language}` : undefined;
  const datatype = term.datatype.value;
  if (datatype === XSD_STRING) return `"${value}"`;
  return isPlain(datatype) ? `"${value}"^^<${datatype}>` : undefined;
}

/**
 * The quads as canonical N-Triples, one line each in the given order, or undefined when some term is not plain
 * (see isPlain), is a quoted triple or a variable, or a quad is in a named graph.
 */
export function plainNTriples(quads: readonly Quad[]): string | undefined {
  let out = '';
  for (const q of quads) {
    if (q.graph && q.graph.termType !== 'DefaultGraph') return undefined;
    const s = iriOrBlank(q.subject);
    if (s === undefined) return undefined;
    if (q.predicate.termType !== 'NamedNode' || !isPlain(q.predicate.value)) return undefined;
    const o = object(q.object);
    if (o === undefined) return undefined;
    out += `${s} <${q.predicate.value}> ${o} .\n`;
  }
  return out;
}
