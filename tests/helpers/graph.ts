// Test helpers: parse any output format back into quads and compare graphs by canonical form (isomorphism).
import { Parser } from 'n3';
import jsonld from 'jsonld';
import canonize from 'rdf-canonize';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';
import { offlineDocumentLoader } from '../../src/rdf/jsonld-loader.js';
import { expect } from 'vitest';
import type { SerializeInput } from '../../src/formats/format.js';
import { formatByName } from '../../src/formats/registry.js';

export function parseTurtle(text: string, format = 'text/turtle'): Quad[] {
  return new Parser({ format }).parse(text) as Quad[];
}

export async function parseJsonLd(text: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text), {
    format: 'application/n-quads',
    documentLoader: offlineDocumentLoader as never,
  } as never)) as unknown as string;
  return parseTurtle(nquads, 'application/n-quads');
}

/** RDF/XML parsed with a parser other than rdflib, so a writer bug cannot hide behind the same reader. */
export async function parseRdfXml(text: string): Promise<Quad[]> {
  const parser = new RdfXmlParser();
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve());
    parser.write(text);
    parser.end();
  });
  return quads;
}

export async function parseAs(mediaType: string, text: string): Promise<Quad[]> {
  switch (mediaType) {
    case 'text/turtle':
      return parseTurtle(text);
    case 'application/n-triples':
      return parseTurtle(text, 'application/n-triples');
    case 'application/ld+json':
      return parseJsonLd(text);
    case 'application/rdf+xml':
      return parseRdfXml(text);
    default:
      throw new Error(`no test parser for ${mediaType}`);
  }
}

/** The canonical N-Quads of a graph (RDFC-1.0), duplicates removed: equal strings mean isomorphic graphs. */
export async function canonical(quads: readonly Quad[]): Promise<string> {
  const text: string = await canonize.canonize(quads as never, { algorithm: 'RDFC-1.0' });
  return [...new Set(text.split('\n').filter(Boolean))].sort().join('\n');
}

export async function isomorphic(a: readonly Quad[], b: readonly Quad[]): Promise<boolean> {
  return (await canonical(a)) === (await canonical(b));
}

/** The record's graph written as JSON-LD and as RDF/XML by ldpub's own writers, and read back by other parsers, is its graph. */
export async function expectWritersKeepGraph(m: SerializeInput, label: string): Promise<void> {
  const expected = await canonical(m.quads);
  for (const key of ['jsonld', 'rdfxml']) {
    const format = formatByName(key)!;
    const body = await format.serialize(m);
    expect(await canonical(await parseAs(format.mediaType, body)), `${label} as ${key}`).toBe(expected);
  }
}

