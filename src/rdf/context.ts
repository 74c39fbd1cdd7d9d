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
  sameAs: { '@id': 'schema:sameAs', '@type': '@id', '@container': '@set' },
  url: { '@id': 'schema:url', '@type': '@id' },
  license: { '@id': 'schema:license', '@type': '@id' },
  isBasedOn: { '@id': 'schema:isBasedOn', '@type': '@id' },
  // Repeatable properties are always arrays (`@container: @set`), one value or many, so a plain JSON reader sees
  // one shape for every record (docs/mapping.md, "The JSON shape"). Containers change no triple.
  author: { '@id': 'schema:author', '@container': '@set' },
  creator: { '@id': 'schema:creator', '@container': '@set' },
  contributor: { '@id': 'schema:contributor', '@container': '@set' },
  editor: { '@id': 'schema:editor', '@container': '@set' },
  translator: { '@id': 'schema:translator', '@container': '@set' },
  funder: { '@id': 'schema:funder', '@container': '@set' },
  funding: { '@id': 'schema:funding', '@container': '@set' },
  affiliation: { '@id': 'schema:affiliation', '@container': '@set' },
  identifier: { '@id': 'schema:identifier', '@container': '@set' },
  issn: { '@id': 'schema:issn', '@container': '@set' },
  isbn: { '@id': 'schema:isbn', '@container': '@set' },
  keywords: { '@id': 'schema:keywords', '@container': '@set' },
  about: { '@id': 'schema:about', '@container': '@set' },
  citation: { '@id': 'schema:citation', '@container': '@set' },
  alternateName: { '@id': 'schema:alternateName', '@container': '@set' },
  'dcterms:creator': { '@id': 'dcterms:creator', '@container': '@set' },
  'dcterms:contributor': { '@id': 'dcterms:contributor', '@container': '@set' },
  'dcterms:subject': { '@id': 'dcterms:subject', '@container': '@set' },
  'dcterms:identifier': { '@id': 'dcterms:identifier', '@container': '@set' },
} as const;
