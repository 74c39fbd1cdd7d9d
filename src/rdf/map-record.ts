// The mapping of mapping.md: a Record becomes schema.org + Dublin Core terms + BIBO quads. Pure: data in, quads out.
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Object, Term } from '@rdfjs/types';
import type { Record } from '../model/record.js';
import { abstractText, paginationText } from '../model/text.js';
import { bibo, dcmitype, dcterms, rdf, schema, xsd } from './namespaces.js';
import { doiIri, isAbsoluteIri, node } from './iris.js';
import { isoDateDatatype } from './dates.js';
import { BIBO_CLASS, containerKind, DCMI_TYPE, PAGINATED, SCHEMA_CLASS } from './work-classes.js';
import { mapAgent, mapContributors } from './map-agents.js';
import { mapExtras } from './map-extras.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** schema.org headline is meant for titles of at most 110 characters. */
const HEADLINE_MAX = 110;

export { SCHEMA_CLASS } from './work-classes.js';

export interface MapOptions {
  /** The record URI, `{base}/record/{id}`: the subject of the work. */
  iri: string;
  /** Prefix for the blank nodes of rdf:List cells, so that lists of two records never merge in a dump. */
  blankPrefix?: string;
}

export function mapRecord(record: Record, options: MapOptions): Quad[] {
  const out: Quad[] = [];
  const subject = namedNode(options.iri);
  const add = (s: NamedNode | Quad['subject'], p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o));
  const text = (s: NamedNode, p: NamedNode, value: string | undefined) => {
    if (value !== undefined && value !== '') add(s, p, literal(value));
  };

  add(subject, rdf('type'), schema(SCHEMA_CLASS[record.type]));
  const biboClass = BIBO_CLASS[record.type];
  if (biboClass) add(subject, rdf('type'), bibo(biboClass));
  add(subject, dcterms('type'), dcmitype(DCMI_TYPE[record.type]));

  if (record.title !== undefined) {
    text(subject, schema('name'), record.title);
    text(subject, dcterms('title'), record.title);
    if (record.title.length <= HEADLINE_MAX) text(subject, schema('headline'), record.title);
  }

  const authors = record.authors.map((a, i) => mapAgent(a, namedNode(node.author(options.iri, i + 1)), out));
  for (const a of authors) add(subject, schema('author'), a);
  for (const a of authors) add(subject, dcterms('creator'), a);
  if (authors.length > 0) add(subject, bibo('authorList'), rdfList(authors, options.blankPrefix ?? '', out));

  mapContributors(record.contributors ?? [], subject, options.iri, out);

  if (record.date !== undefined && record.date !== '') {
    add(subject, schema('datePublished'), literal(record.date, schema('Date')));
    const datatype = isoDateDatatype(record.date);
    add(subject, dcterms('issued'), datatype ? literal(record.date, xsd(datatype)) : literal(record.date));
  }

  mapContainer(record, options.iri, subject, out);

  if (record.locator) {
    const loc = record.locator;
    const paginated = PAGINATED.has(record.type);
    if (loc.kind === 'pages') {
      if (paginated) text(subject, schema('pageStart'), loc.first);
      text(subject, bibo('pageStart'), loc.first);
      if (loc.last && loc.last !== loc.first) {
        if (paginated) text(subject, schema('pageEnd'), loc.last);
        text(subject, bibo('pageEnd'), loc.last);
      }
    } else {
      text(subject, bibo('locator'), loc.value);
    }
    if (paginated) text(subject, schema('pagination'), paginationText(loc));
  }

  if (record.abstract && record.abstract.length > 0) {
    const value = abstractText(record.abstract);
    text(subject, schema('abstract'), value);
    text(subject, dcterms('abstract'), value);
  }

  if (record.language !== undefined && record.language !== '') {
    text(subject, schema('inLanguage'), record.language);
    add(subject, dcterms('language'), literal(record.language, dcterms('RFC5646')));
  }

  if (record.doi !== undefined && record.doi !== '') {
    const doiNode = namedNode(node.doi(options.iri));
    const resolver = doiIri(record.doi);
    add(subject, schema('identifier'), doiNode);
    add(subject, schema('sameAs'), namedNode(resolver));
    text(subject, bibo('doi'), record.doi);
    text(subject, dcterms('identifier'), resolver);
    add(doiNode, rdf('type'), schema('PropertyValue'));
    text(doiNode, schema('propertyID'), 'DOI');
    text(doiNode, schema('value'), record.doi);
  }

  for (const keyword of record.subjects) text(subject, schema('keywords'), keyword);
  for (const keyword of record.subjects) text(subject, dcterms('subject'), keyword);
  text(subject, schema('genre'), record.genre);
  mapExtras(record, options.iri, subject, out);
  // A URL that is not a well-formed IRI cannot be written as one; it stays in the Record only.
  if (record.url && isAbsoluteIri(record.url)) add(subject, schema('url'), namedNode(record.url));
  return out;
}

/**
 * The container. A journal is Periodical → PublicationVolume (→ PublicationIssue), skipping any level that is
 * missing, and the work hangs off the lowest level present. A chapter's book and a paper's proceedings are a
 * schema:Book (with their ISBNs; their ISSNs go on the series the book is in); a website or repository is a
 * schema:WebSite; a book's, report's or thesis's container is its series (a schema:CreativeWorkSeries).
 */
function mapContainer(record: Record, iri: string, subject: NamedNode, out: Quad[]): void {
  const c = record.container;
  if (!c) return;
  const add = (s: NamedNode, p: NamedNode, o: Term) => out.push(quad(s, p, o as Quad_Object));
  const kind = containerKind(record);
  if (kind !== 'periodical') {
    const part = (n: NamedNode) => {
      add(subject, schema('isPartOf'), n);
      add(subject, dcterms('isPartOf'), n);
    };
    if (c.volume) add(subject, bibo('volume'), literal(c.volume));
    if (c.issue) add(subject, bibo('issue'), literal(c.issue));
    if (kind === 'book' || kind === 'proceedings') {
      const book = namedNode(node.book(iri));
      add(book, rdf('type'), schema('Book'));
      // Only the record itself has a BIBO class of a work (the per-type shapes target them); proceedings are bibo:Proceedings.
      if (kind === 'proceedings') add(book, rdf('type'), bibo('Proceedings'));
      if (c.title) add(book, schema('name'), literal(c.title));
      for (const isbn of c.isbns ?? []) add(book, schema('isbn'), literal(isbn));
      if (c.issns.length > 0 && !record.series) {
        const series = namedNode(node.series(iri));
        add(series, rdf('type'), schema('BookSeries'));
        for (const issn of c.issns) add(series, schema('issn'), literal(issn));
        add(book, schema('isPartOf'), series);
      }
      part(book);
      return;
    }
    const n = namedNode(kind === 'series' ? `${iri}#container-series` : node.website(iri));
    add(n, rdf('type'), schema(kind === 'series' ? (record.type === 'book' ? 'BookSeries' : 'CreativeWorkSeries') : 'WebSite'));
    if (c.title) add(n, schema('name'), literal(c.title));
    for (const issn of c.issns) add(n, schema('issn'), literal(issn));
    part(n);
    return;
  }
  let parent: NamedNode | undefined;
  if (c.title !== undefined || c.issns.length > 0) {
    parent = namedNode(node.periodical(iri));
    add(parent, rdf('type'), schema('Periodical'));
    if (c.title) add(parent, schema('name'), literal(c.title));
    for (const issn of c.issns) add(parent, schema('issn'), literal(issn));
    add(subject, dcterms('isPartOf'), parent);
  }
  if (c.volume) {
    const volume = namedNode(node.volume(iri));
    add(volume, rdf('type'), schema('PublicationVolume'));
    add(volume, schema('volumeNumber'), literal(c.volume));
    if (parent) add(volume, schema('isPartOf'), parent);
    add(subject, bibo('volume'), literal(c.volume));
    parent = volume;
  }
  if (c.issue) {
    const issue = namedNode(node.issue(iri));
    add(issue, rdf('type'), schema('PublicationIssue'));
    add(issue, schema('issueNumber'), literal(c.issue));
    if (parent) add(issue, schema('isPartOf'), parent);
    add(subject, bibo('issue'), literal(c.issue));
    parent = issue;
  }
  if (parent) add(subject, schema('isPartOf'), parent);
}

/** An rdf:List whose cells are blank nodes (so JSON-LD turns it into @list), labelled per record. */
function rdfList(items: readonly NamedNode[], prefix: string, out: Quad[]): Quad_Object {
  const cells = items.map((_, i) => blankNode(`${prefix}list${i + 1}`));
  items.forEach((item, i) => {
    const cell = cells[i]!;
    out.push(quad(cell, rdf('first'), item));
    out.push(quad(cell, rdf('rest'), cells[i + 1] ?? rdf('nil')));
  });
  return cells[0] ?? rdf('nil');
}
