// An identifier of another work (or an agent) as an IRI, where its scheme has a resolver; undefined otherwise.
import type { Identifier } from '../model/record.js';
import { doiIri, isAbsoluteIri } from './iris.js';
import { lookupTable } from '../model/lookup.js';

/** The resolver of each scheme (lower-case, as the Record keeps schemes). */
const RESOLVERS: { [scheme: string]: (value: string) => string | undefined } = lookupTable({
  doi: (v) => {
    const doi = v.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
    return /^10\.\S/.test(doi) ? doiIri(doi) : undefined;
  },
  url: (v) => (isAbsoluteIri(v) ? v : undefined),
  uri: (v) => (isAbsoluteIri(v) ? v : undefined),
  purl: (v) => (isAbsoluteIri(v) ? v : undefined),
  w3id: (v) => (isAbsoluteIri(v) ? v : undefined),
  arxiv: (v) => `https://arxiv.org/abs/${encodeURI(v.replace(/^arxiv:/i, ''))}`,
  pmid: (v) => (/^\d+$/.test(v) ? `https://pubmed.ncbi.nlm.nih.gov/${v}` : undefined),
  pmcid: (v) => (/^(PMC)?\d+$/i.test(v) ? `https://www.ncbi.nlm.nih.gov/pmc/articles/${v.toUpperCase().startsWith('PMC') ? v.toUpperCase() : `PMC${v}`}` : undefined),
  handle: (v) => (isAbsoluteIri(v) && /^https?:/.test(v) ? v : /^\d[\w.]*\/\S+$/.test(v) ? `https://hdl.handle.net/${encodeURI(v)}` : undefined),
  issn: (v) => (/^\d{4}-?\d{3}[\dX]$/i.test(v) ? `https://portal.issn.org/resource/ISSN/${v.toUpperCase().replace(/^(\d{4})(\d{3}[\dX])$/, '$1-$2')}` : undefined),
  isbn: (v) => (/^[\d-]{10,17}X?$/i.test(v) ? `urn:isbn:${v.replace(/-/g, '')}` : undefined),
  urn: (v) => (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(v) ? v : undefined),
  ark: (v) => (/^ark:\/?\d+\/\S+$/.test(v) ? `https://n2t.net/${v}` : isAbsoluteIri(v) ? v : undefined),
  orcid: (v) => (/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/i.test(v) ? `https://orcid.org/${v.slice(-19).toUpperCase()}` : undefined),
  ror: (v) => (/0[a-z0-9]{6}\d{2}$/.test(v) ? `https://ror.org/${v.slice(-9)}` : undefined),
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function identifierIri(id: Identifier): string | undefined {
  const resolve = RESOLVERS[id.scheme.toLowerCase()];
  // A lone surrogate cannot be percent-encoded: such a value (only a Record built by hand has one) gets no IRI.
  if (LONE_SURROGATE.test(id.value)) return undefined;
  const value = id.value.trim();
  if (resolve) {
    const iri = resolve(value);
    return iri && isAbsoluteIri(iri) ? iri : undefined;
  }
  // An unknown scheme whose value is an http(s) IRI is linked as it is.
  return /^https?:\/\//i.test(value) && isAbsoluteIri(value) ? value : undefined;
}

/** The propertyID written for a scheme: the upper-case acronyms the schemes are known by. */
export function propertyId(scheme: string): string {
  const known: { [s: string]: string } = { pmid: 'PMID', pmcid: 'PMCID', arxiv: 'arXiv', doi: 'DOI', issn: 'ISSN', isbn: 'ISBN', urn: 'URN', ark: 'ARK', handle: 'Handle', url: 'URL', pii: 'PII', sici: 'SICI' };
  return known[scheme.toLowerCase()] ?? scheme;
}
