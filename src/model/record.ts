// The typed bibliographic Record every reader produces and every writer consumes: plain data, no RDF.

/** A person named as family and given parts, or an organisation named as a whole. */
export type Agent = PersonAgent | OrganizationAgent;

/**
 * What a contributor did. Authors are in `Record.authors`; every other role is in `Record.contributors`.
 * The values follow MARC relator terms and DataCite contributorType, lower-cased and hyphenated.
 */
export type ContributorRole =
  | 'editor'
  | 'translator'
  | 'supervisor'
  | 'contributor'
  | 'illustrator'
  | 'compiler'
  | 'sponsor'
  | 'degree-grantor'
  | 'contact-person'
  | 'data-curator'
  | 'data-collector'
  | 'producer'
  | 'project-leader'
  | 'project-member'
  | 'researcher'
  | 'rights-holder'
  | 'other';

/** An organisation that a person is affiliated with, or that is an agent itself. */
export interface Organization {
  name: string;
  /** ROR id as a full IRI `https://ror.org/0abcdef12`, when the source carries one. */
  ror?: string;
  /** Any other identifier IRI (ISNI, GRID, Crossref Funder ID), when the source carries one. */
  iri?: string;
}

export interface PersonAgent {
  kind: 'person';
  /** Family name including any particle, kept whole: "van der Berg". */
  family: string;
  /** Given names and initials as the source gives them: "Simon A. A.". */
  given?: string;
  /** Name suffix: "Jr.", "III". */
  suffix?: string;
  /** ORCID iD as a bare `0000-0000-0000-0000`, when the source carries one. */
  orcid?: string;
  /** Affiliations in source order. */
  affiliations?: Organization[];
  /** The role, for entries of `Record.contributors` (absent means 'contributor'); ignored on authors. */
  role?: ContributorRole;
}

export interface OrganizationAgent extends Organization {
  kind: 'organization';
  /** The role, for entries of `Record.contributors` (absent means 'contributor'); ignored on authors. */
  role?: ContributorRole;
}

/** What a container is: the journal of an article, the book of a chapter, the proceedings of a paper. */
export type ContainerKind = 'periodical' | 'book' | 'proceedings' | 'series' | 'website' | 'repository';

/** The journal (or book, proceedings, website) a work appeared in, and where in it. */
export interface Container {
  /** Absent means 'periodical'. */
  kind?: ContainerKind;
  title?: string;
  /** ISBNs of a containing book or proceedings volume, normalised to ISBN-13 digits without hyphens. */
  isbns?: string[];
  /** ISSNs, deduplicated, in source order (print and electronic alike). */
  issns: string[];
  volume?: string;
  issue?: string;
}

/** Where in the container the work sits: a page range, a single page, or an article number (eLocator). */
export type Locator =
  | { kind: 'pages'; first: string; last?: string }
  | { kind: 'article-number'; value: string };

/**
 * Inline-marked text: the small subset Crossref and JATS titles and abstracts carry. Plain strings are text;
 * a span wraps its children in one of the allowed styles. Everything else in a source is text.
 */
export type Inline = string | InlineSpan;
export type InlineStyle = 'i' | 'b' | 'sub' | 'sup' | 'sc';
export interface InlineSpan {
  style: InlineStyle;
  children: Inline[];
}

export interface AbstractSection {
  /** A structured-abstract heading such as "Background"; absent for an unstructured abstract. */
  heading?: string;
  /** The plain text (what every RDF literal carries). */
  text: string;
  /** The same text with its inline markup, present only when the source marked something up. */
  inline?: Inline[];
}

/** A funder, and the award it made, as Crossref and DataCite give them. */
export interface Funding {
  funder: Organization;
  awardNumber?: string;
  awardTitle?: string;
  /** The award's own IRI, when the source gives one. */
  awardUri?: string;
}

/** An identifier other than the DOI and ISBN: PMID, PMCID, arXiv, handle, URN, ARK, a local catalog number. */
export interface Identifier {
  /** Lower-case scheme: 'pmid', 'pmcid', 'arxiv', 'handle', 'urn', 'ark', 'issn', 'isbn', 'url', 'doi', 'local'. */
  scheme: string;
  value: string;
}

/** A typed link to another work: DataCite relationType names (IsSupplementTo, Cites, IsVersionOf…). */
export interface Relation {
  type: string;
  identifier: Identifier;
}

/** A series a book or report belongs to. */
export interface Series {
  title: string;
  number?: string;
  issns?: string[];
}

export interface Note {
  label: string;
  value: string;
}

/** What kind of work the record describes; decides the schema.org class. */
export type WorkType =
  | 'article'
  | 'preprint'
  | 'conference-paper'
  | 'chapter'
  | 'book'
  | 'report'
  | 'thesis'
  | 'dataset'
  | 'review'
  | 'software'
  | 'blog-post'
  | 'other';

/** OpenAIRE / COAR access levels. */
export type AccessRights = 'open' | 'embargoed' | 'restricted' | 'metadata-only';

export interface Record {
  /** An id the source format carries itself; the file name decides otherwise. */
  id?: string;
  type: WorkType;
  /** The plain-text title (subtitle joined as "Title: subtitle"). */
  title?: string;
  /** The title with its inline markup, present only when the source marked something up. */
  titleInline?: Inline[];
  /** Authors in the order the source gives them. */
  authors: Agent[];
  /** Other contributors (editors, translators, supervisors…), each with its `role`, in source order. */
  contributors: Agent[];
  container?: Container;
  locator?: Locator;
  /** The publication date as given: ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when well formed; any other text is kept for validation to report. */
  date?: string;
  /** A BCP 47 tag when the source language was recognised; otherwise the value as given, for validation to report. */
  language?: string;
  /** The DOI as given, with any resolver prefix (`https://doi.org/`, `doi:`) removed. */
  doi?: string;
  subjects: string[];
  abstract?: AbstractSection[];
  /** The catalog's format or genre label, such as "Report". */
  genre?: string;
  publisher?: string;
  /** Where the publisher is, as given ("New York"). */
  publisherPlace?: string;
  /** ISBNs of the work itself, normalised to ISBN-13 digits without hyphens, deduplicated. */
  isbns: string[];
  url?: string;
  /** The institution that awarded a thesis or issued a report. */
  institution?: Organization;
  edition?: string;
  /** A version label (software, datasets). */
  version?: string;
  series?: Series;
  /** Physical description or extent as given ("xii, 300 p. : ill."). */
  extent?: string;
  /** The licence as an IRI (a Creative Commons or SPDX URL) when one is known. */
  license?: string;
  /** A rights statement as text, when the source gives one that is not (only) a licence IRI. */
  rights?: string;
  accessRights?: AccessRights;
  funding: Funding[];
  /** Other identifiers of this work, in source order. */
  identifiers: Identifier[];
  relations: Relation[];
  /** Fields the reader did not recognise, kept rather than dropped. */
  notes: Note[];
}

/** An empty record of the given type, for readers to fill in. */
export function emptyRecord(type: WorkType = 'article'): Record {
  return { type, authors: [], contributors: [], subjects: [], isbns: [], notes: [], funding: [], identifiers: [], relations: [] };
}
