// ldpub's JSON-LD context: small (fast to compact with) and term-for-term compatible with the official schema.org context.
import { PREFIXES } from './namespaces.js';

/**
 * Every term here means what the schema.org context (release 30.0) says it means, so a document
 * compacted with this context expands to the same graph under `"@context": "https://schema.org"`
 * (tests check this). Unlike the official context, it aliases neither `id` nor `type`, so
 * documents read as schema.org's own examples do: `"@type": "ScholarlyArticle"`.
 */
export const LDPUB_CONTEXT = {
  '@vocab': PREFIXES.schema,
  schema: PREFIXES.schema,
  dcterms: PREFIXES.dcterms,
  dcmitype: PREFIXES.dcmitype,
  bibo: PREFIXES.bibo,
  xsd: PREFIXES.xsd,
  void: PREFIXES.void,
  datePublished: { '@id': 'schema:datePublished', '@type': 'schema:Date' },
  dateModified: { '@id': 'schema:dateModified', '@type': 'schema:Date' },
  isPartOf: { '@id': 'schema:isPartOf', '@type': '@id' },
  sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
  url: { '@id': 'schema:url', '@type': '@id' },
  license: { '@id': 'schema:license', '@type': '@id' },
  isBasedOn: { '@id': 'schema:isBasedOn', '@type': '@id' },
} as const;
