// Qualified names for RDF/XML: an IRI split into a declared namespace and an NCName, with prefixes declared once.
import { PREFIXES } from '../rdf/namespaces.js';

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** The longest run of name characters at the end of an IRI. */
const TRAILING_NAME_CHARS = new RegExp(`[${NAME_CHAR}]*$`, 'u');
const NAME_START_CHAR = new RegExp(`[${NAME_START}]`, 'u');

/** The namespaces ldpub writes, under their usual prefixes; any other gets `ns1`, `ns2`, … */
const KNOWN: ReadonlyArray<readonly [string, string]> = Object.entries(PREFIXES).map(([p, ns]) => [ns, p] as const);

export const RDF_NS = PREFIXES.rdf;

/** Namespaces no document may declare. */
const RESERVED = new Set(['http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);

/** Splits an IRI into a namespace and the longest NCName that ends it, or undefined when no NCName ends it. */
export function splitIri(iri: string): { namespace: string; local: string } | undefined {
  const tail = TRAILING_NAME_CHARS.exec(iri)?.[0] ?? '';
  // An NCName starts with a name-start character: skip digits, dots and hyphens at the front of the run.
  let offset = 0;
  for (const ch of tail) {
    if (NAME_START_CHAR.test(ch)) break;
    offset += ch.length;
  }
  const local = tail.slice(offset);
  if (local === '') return undefined;
  return { namespace: iri.slice(0, iri.length - local.length), local };
}

/** The prefixes of one document: each namespace declared once, on the root element, in order of first use. */
export class Namespaces {
  private readonly prefixes = new Map<string, string>([[RDF_NS, 'rdf']]);
  private readonly used = new Set<string>(['rdf']);
  private next = 1;

  /** `prefix:local` for an IRI, declaring its namespace; undefined when the IRI cannot be a qualified name. */
  qname(iri: string): string | undefined {
    const split = splitIri(iri);
    if (!split || RESERVED.has(split.namespace)) return undefined;
    let prefix = this.prefixes.get(split.namespace);
    if (prefix === undefined) {
      prefix = KNOWN.find(([ns]) => ns === split.namespace)?.[1];
      while (prefix === undefined || this.used.has(prefix)) prefix = `ns${this.next++}`;
      this.prefixes.set(split.namespace, prefix);
      this.used.add(prefix);
    }
    return `${prefix}:${split.local}`;
  }

  /** The `xmlns:` attributes for every namespace used. */
  declarations(): [prefix: string, namespace: string][] {
    return [...this.prefixes].map(([ns, p]) => [p, ns]);
  }
}
