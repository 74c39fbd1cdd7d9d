// The mapping of mapping.md: a Record becomes schema.org + Dublin Core terms + BIBO quads. Pure: data in, quads out.
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Object, Term } from '@rdfjs/types';
import type { Agent, Record, WorkType } from '../model/record.js';
import { abstractText, displayName, paginationText } from '../model/text.js';
import { bibo, dcmitype, dcterms, rdf, schema, xsd } from './namespaces.js';
import { doiIri, isAbsoluteIri, node } from './iris.js';
import { isoDateDatatype } from './dates.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** schema.org headline is meant for titles of at most 110 characters. */
const HEADLINE_MAX = 110;

/** The nearest schema.org class for each kind of work: never claim ScholarlyArticle for a dataset or a book. */
export const SCHEMA_CLASS: { readonly [T in WorkType]: string } = {
  article: 'ScholarlyArticle',
  preprint: 'ScholarlyArticle',
  'conference-paper': 'ScholarlyArticle',
  review: 'Review',
  chapter: 'Chapter',
  book: 'Book',
  report: 'Report',
  thesis: 'Thesis',
  dataset: 'Dataset',
  software: 'SoftwareSourceCode',
  'blog-post': 'BlogPosting',
  other: 'CreativeWork',
};

/** The work types whose schema.org class takes schema:pagination, pageStart and pageEnd (Article and Chapter). */
const PAGINATED = new Set<WorkType>(['article', 'preprint', 'conference-paper', 'report', 'chapter']);

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
  add(subject, dcterms('type'), record.type === 'dataset' ? dcmitype('Dataset') : dcmitype('Text'));

  if (record.title !== undefined) {
    text(subject, schema('name'), record.title);
    text(subject, dcterms('title'), record.title);
    if (record.title.length <= HEADLINE_MAX) text(subject, schema('headline'), record.title);
  }

  const authors = record.authors.map((a, i) => mapAgent(a, namedNode(node.author(options.iri, i + 1)), out));
  for (const a of authors) add(subject, schema('author'), a);
  for (const a of authors) add(subject, dcterms('creator'), a);
  if (authors.length > 0) add(subject, bibo('authorList'), rdfList(authors, options.blankPrefix ?? '', out));

  const contributors = record.contributors.map((c, i) => mapAgent(c, namedNode(node.contributor(options.iri, i + 1)), out));
  for (const c of contributors) add(subject, schema('contributor'), c);
  for (const c of contributors) add(subject, dcterms('contributor'), c);

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
  // schema:isbn is a property of Book only.
  if (record.type === 'book') for (const isbn of record.isbns) text(subject, schema('isbn'), isbn);
  // A URL that is not a well-formed IRI cannot be written as one; it stays in the Record only.
  if (record.url && isAbsoluteIri(record.url)) add(subject, schema('url'), namedNode(record.url));
  return out;
}

function mapAgent(agent: Agent, n: NamedNode, out: Quad[]): NamedNode {
  if (agent.kind === 'organization') {
    out.push(quad(n, rdf('type'), schema('Organization')));
    out.push(quad(n, schema('name'), literal(agent.name)));
    return n;
  }
  out.push(quad(n, rdf('type'), schema('Person')));
  if (agent.given) out.push(quad(n, schema('givenName'), literal(agent.given)));
  if (agent.family) out.push(quad(n, schema('familyName'), literal(agent.family)));
  out.push(quad(n, schema('name'), literal(displayName(agent))));
  if (agent.orcid) out.push(quad(n, schema('sameAs'), namedNode(`https://orcid.org/${agent.orcid}`)));
  return n;
}

/** Journal → volume → issue, skipping any level that is missing; the work hangs off the lowest level present. */
function mapContainer(record: Record, iri: string, subject: NamedNode, out: Quad[]): void {
  const c = record.container;
  if (!c) return;
  const add = (s: NamedNode, p: NamedNode, o: Term) => out.push(quad(s, p, o as Quad_Object));
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
