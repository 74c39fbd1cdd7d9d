// A whole graph (not one framed record) as compact JSON-LD with ldpub's prefixes: for reports, shapes and the dataset description.
import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.js';

export async function writeGraphJsonLd(quads: readonly Quad[]): Promise<string> {
  const expanded = await jsonld.fromRDF(quads as never, { useNativeTypes: false } as never);
  const compacted = await jsonld.compact(expanded as never, { ...PREFIXES, sh: PREFIXES.sh } as never);
  return `${JSON.stringify(compacted, null, 2)}\n`;
}
