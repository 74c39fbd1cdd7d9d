// The URI scheme: one place that builds record URIs ({base}/record/{id}) and the hash IRIs of nodes inside a record.
import { isValidId } from '../model/ids.js';
import { LdpubError } from '../errors.js';

export { ID_PATTERN, isAbsoluteIri, isValidId, MAX_ID_LENGTH } from '../model/ids.js';

export function assertValidId(id: string, record = id): void {
  if (!isValidId(id)) {
    throw new LdpubError('LDPUB_BAD_ID', 'a record id must match [A-Za-z0-9._-]+ (at most 200 characters)', {
      record,
      field: 'id',
      value: id,
    });
  }
}

/** The base URI without a trailing slash. */
export function normalizeBase(base: string): string {
  return base.replace(/\/+$/, '');
}

export function recordIri(base: string, id: string): string {
  return `${normalizeBase(base)}/record/${id}`;
}

/** The hash IRIs of a record's inner nodes: `#author-1`, `#periodical`, `#volume`, `#issue`, `#doi`. */
export const node = {
  author: (record: string, n: number) => `${record}#author-${n}`,
  contributor: (record: string, n: number) => `${record}#contributor-${n}`,
  periodical: (record: string) => `${record}#periodical`,
  volume: (record: string) => `${record}#volume`,
  issue: (record: string) => `${record}#issue`,
  doi: (record: string) => `${record}#doi`,
  /** The n-th affiliation of an author or contributor node: `#author-1-affiliation-2`. */
  affiliation: (agent: string, n: number) => `${agent}-affiliation-${n}`,
  /** The schema:Role node that carries a contributor's role: `#contributor-2-role`. */
  role: (contributor: string) => `${contributor}-role`,
  publisher: (record: string) => `${record}#publisher`,
  institution: (record: string) => `${record}#institution`,
  /** The book a chapter is in, or the proceedings volume of a paper. */
  book: (record: string) => `${record}#book`,
  /** The series a book, report or thesis (or a chapter's book) belongs to. */
  series: (record: string) => `${record}#series`,
  /** A website or repository container. */
  website: (record: string) => `${record}#website`,
  grant: (record: string, n: number) => `${record}#grant-${n}`,
  funder: (record: string, n: number) => `${record}#grant-${n}-funder`,
  identifier: (record: string, n: number) => `${record}#identifier-${n}`,
};

/** The DOI resolver IRI, with characters that are not allowed in an IRI percent-encoded (SICI DOIs carry `<>;()`). */
export function doiIri(doi: string): string {
  // A lone surrogate has no UTF-8 form to percent-encode (encodeURI throws): it is dropped, as every writer drops it.
  return `https://doi.org/${encodeURI(doi.replace(/\p{Cs}/gu, '')).replace(/[#?;()<>[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;
}

/** The VoID dataset that every published record is `void:inDataset` of. */
export function datasetIri(base: string): string {
  return `${normalizeBase(base)}/.well-known/void#dataset`;
}
