// What registries and catalogs add to a work: publisher, institution, licence, funding, identifiers, relations,
// series, ISBN, edition, version and extent.
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import type { Record, Relation } from '../model/record.js';
import { bibo, dcterms, rdf, schema, xsd } from './namespaces.js';
import { isAbsoluteIri, node } from './iris.js';
import { mapOrganization } from './map-agents.js';
import { identifierIri, propertyId } from './identifier-iris.js';
import { lookupTable } from '../model/lookup.js';

const { namedNode, literal, quad } = DataFactory;

type Add = (s: NamedNode, p: NamedNode, o: Quad_Object) => void;

/** COAR access rights IRIs for dcterms:accessRights. */
const COAR: { [k in NonNullable<Record['accessRights']>]: string } = {
  open: 'http://purl.org/coar/access_right/c_abf2',
  embargoed: 'http://purl.org/coar/access_right/c_f1cf',
  restricted: 'http://purl.org/coar/access_right/c_16ec',
  'metadata-only': 'http://purl.org/coar/access_right/c_14cb',
};

/**
 * A relation type (DataCite relationType names) → the schema.org property, where one means the same, and the
 * Dublin Core term; relations with neither are `dcterms:relation`. schema.org properties with a narrower domain
 * (itemReviewed on Review) are used only on that class.
 */
const RELATIONS: { [type: string]: { schema?: string; dcterms: string; only?: string } } = lookupTable({
  IsPartOf: { schema: 'isPartOf', dcterms: 'isPartOf' },
  HasPart: { schema: 'hasPart', dcterms: 'hasPart' },
  Cites: { schema: 'citation', dcterms: 'references' },
  References: { schema: 'citation', dcterms: 'references' },
  IsCitedBy: { dcterms: 'isReferencedBy' },
  IsReferencedBy: { dcterms: 'isReferencedBy' },
  IsBasedOn: { schema: 'isBasedOn', dcterms: 'source' },
  IsDerivedFrom: { schema: 'isBasedOn', dcterms: 'source' },
  IsSourceOf: { dcterms: 'relation' },
  IsVersionOf: { dcterms: 'isVersionOf' },
  HasVersion: { dcterms: 'hasVersion' },
  IsNewVersionOf: { dcterms: 'isVersionOf' },
  IsPreviousVersionOf: { dcterms: 'hasVersion' },
  IsReplacedBy: { dcterms: 'isReplacedBy' },
  Replaces: { dcterms: 'replaces' },
  IsFormatOf: { dcterms: 'isFormatOf' },
  HasFormat: { dcterms: 'hasFormat' },
  IsRequiredBy: { dcterms: 'isRequiredBy' },
  Requires: { dcterms: 'requires' },
  IsTranslationOf: { schema: 'translationOfWork', dcterms: 'relation' },
  HasTranslation: { schema: 'workTranslation', dcterms: 'relation' },
  IsReviewOf: { schema: 'itemReviewed', dcterms: 'relation', only: 'review' },
});

export function relationProperties(rel: Relation, type: Record['type']): { schema?: string; dcterms: string } {
  const known = RELATIONS[rel.type];
  if (!known) return { dcterms: 'relation' };
  if (known.only && known.only !== type) return { dcterms: known.dcterms };
  return known;
}

export function mapExtras(record: Record, iri: string, subject: NamedNode, out: Quad[]): void {
  const add: Add = (s, p, o) => out.push(quad(s, p, o));
  const text = (s: NamedNode, p: NamedNode, v: string | undefined) => {
    if (v !== undefined && v !== '') add(s, p, literal(v));
  };

  if (record.publisher) {
    const p = mapOrganization({ name: record.publisher }, namedNode(node.publisher(iri)), out);
    text(p, schema('location'), record.publisherPlace);
    add(subject, schema('publisher'), p);
    add(subject, dcterms('publisher'), p);
  }

  // The institution of a thesis or report: schema:sourceOrganization (as schema.org's Thesis examples do) and bibo:issuer.
  if (record.institution) {
    const inst = mapOrganization(record.institution, namedNode(node.institution(iri)), out);
    add(subject, schema('sourceOrganization'), inst);
    add(subject, bibo('issuer'), inst);
  }

  if (record.license && isAbsoluteIri(record.license)) {
    add(subject, schema('license'), namedNode(record.license));
    add(subject, dcterms('license'), namedNode(record.license));
  }
  text(subject, dcterms('rights'), record.rights);
  if (record.accessRights) {
    add(subject, dcterms('accessRights'), namedNode(COAR[record.accessRights]));
    add(subject, schema('isAccessibleForFree'), literal(String(record.accessRights === 'open'), xsd('boolean')));
  }

  (record.funding ?? []).forEach((f, i) => {
    const grant = namedNode(node.grant(iri, i + 1));
    add(subject, schema('funding'), grant);
    add(grant, rdf('type'), schema('Grant'));
    text(grant, schema('identifier'), f.awardNumber);
    text(grant, schema('name'), f.awardTitle);
    if (f.awardUri && isAbsoluteIri(f.awardUri)) add(grant, schema('url'), namedNode(f.awardUri));
    add(grant, schema('funder'), mapOrganization(f.funder, namedNode(node.funder(iri, i + 1)), out));
  });

  // schema:isbn and schema:bookEdition are properties of Book; BIBO's isbn13/isbn10 and edition apply to any document.
  for (const isbn of record.isbns ?? []) {
    if (record.type === 'book') text(subject, schema('isbn'), isbn);
    const digits = isbn.replace(/[-\s]/g, '');
    text(subject, digits.length === 10 ? bibo('isbn10') : bibo('isbn13'), isbn);
  }
  if (record.edition) {
    if (record.type === 'book') text(subject, schema('bookEdition'), record.edition);
    text(subject, bibo('edition'), record.edition);
  }
  text(subject, schema('version'), record.version);
  if (record.extent) {
    text(subject, dcterms('extent'), record.extent);
    const pages = /(\d+)\s*(?:p\b|pp\b|pages?\b|S\.|Seiten)/i.exec(record.extent);
    if (pages && record.type === 'book') add(subject, schema('numberOfPages'), literal(pages[1]!, xsd('integer')));
    if (pages) add(subject, bibo('numPages'), literal(pages[1]!));
  }

  if (record.series) {
    const s = namedNode(node.series(iri));
    const bookLike = record.type === 'book' || record.type === 'chapter';
    add(s, rdf('type'), schema(bookLike ? 'BookSeries' : 'CreativeWorkSeries'));
    text(s, schema('name'), record.series.title);
    for (const issn of record.series.issns ?? []) text(s, schema('issn'), issn);
    // A chapter's series is the series of its book, when the book is a node of its own.
    const member = record.type === 'chapter' && record.container ? namedNode(node.book(iri)) : subject;
    add(member, schema('isPartOf'), s);
    add(member, dcterms('isPartOf'), s);
    text(member, schema('position'), record.series.number);
  }

  (record.identifiers ?? []).forEach((id, i) => {
    const n = namedNode(node.identifier(iri, i + 1));
    add(subject, schema('identifier'), n);
    add(n, rdf('type'), schema('PropertyValue'));
    text(n, schema('propertyID'), propertyId(id.scheme));
    text(n, schema('value'), id.value);
    text(subject, dcterms('identifier'), identifierIri(id) ?? id.value);
    if (id.scheme === 'pmid') text(subject, bibo('pmid'), id.value);
    if (id.scheme === 'handle') text(subject, bibo('handle'), id.value);
  });

  // Relations link to IRIs only: an identifier with no resolver stays in the Record.
  for (const rel of record.relations ?? []) {
    const target = identifierIri(rel.identifier);
    if (!target) continue;
    const o = namedNode(target);
    const props = relationProperties(rel, record.type);
    if (props.schema) add(subject, schema(props.schema), o);
    add(subject, dcterms(props.dcterms), o);
  }
}
