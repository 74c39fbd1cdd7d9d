// The vocabularies ldpub writes, as IRI builders and the prefix map every serializer shares.
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';

const { namedNode } = DataFactory;

export const PREFIXES = {
  schema: 'http://schema.org/',
  dcterms: 'http://purl.org/dc/terms/',
  dcmitype: 'http://purl.org/dc/dcmitype/',
  bibo: 'http://purl.org/ontology/bibo/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
  void: 'http://rdfs.org/ns/void#',
} as const;

export type Prefix = keyof typeof PREFIXES;

type Vocab = (local: string) => NamedNode;

function vocab(prefix: Prefix): Vocab {
  const base = PREFIXES[prefix];
  const cache = new Map<string, NamedNode>();
  return (local) => {
    let node = cache.get(local);
    if (!node) {
      node = namedNode(base + local);
      cache.set(local, node);
    }
    return node;
  };
}

export const schema = vocab('schema');
export const dcterms = vocab('dcterms');
export const dcmitype = vocab('dcmitype');
export const bibo = vocab('bibo');
export const rdf = vocab('rdf');
export const rdfs = vocab('rdfs');
export const xsd = vocab('xsd');
export const sh = vocab('sh');
export const voidNs = vocab('void');
