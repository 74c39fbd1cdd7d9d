// The typed bibliographic Record every reader produces and every writer consumes: plain data, no RDF.

/** A person named as family and given parts, or an organisation named as a whole. */
export type Agent = PersonAgent | OrganizationAgent;

export interface PersonAgent {
  kind: 'person';
  /** Family name including any particle, kept whole: "van der Berg". */
  family: string;
  /** Given names and initials as the source gives them: "Simon A. A.". */
  given?: string;
  /** ORCID iD as a bare `0000-0000-0000-0000`, when the source carries one. */
  orcid?: string;
}

export interface OrganizationAgent {
  kind: 'organization';
  name: string;
}

/** The journal (or other periodical) an article appeared in, and where in it. */
export interface Container {
  title?: string;
  /** ISSNs, deduplicated, in source order (print and electronic alike). */
  issns: string[];
  volume?: string;
  issue?: string;
}

/** Where in the container the work sits: a page range, a single page, or an article number (eLocator). */
export type Locator =
  | { kind: 'pages'; first: string; last?: string }
  | { kind: 'article-number'; value: string };

export interface AbstractSection {
  /** A structured-abstract heading such as "Background"; absent for an unstructured abstract. */
  heading?: string;
  text: string;
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
  | 'other';

export interface Record {
  /** An id the source format carries itself; the file name decides otherwise. */
  id?: string;
  type: WorkType;
  title?: string;
  /** Authors in the order the source gives them. */
  authors: Agent[];
  /** Other contributors (editors, "Other Authors"), in source order. */
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
  isbns: string[];
  url?: string;
  /** Fields the reader did not recognise, kept rather than dropped. */
  notes: Note[];
}

/** An empty record of the given type, for readers to fill in. */
export function emptyRecord(type: WorkType = 'article'): Record {
  return { type, authors: [], contributors: [], subjects: [], isbns: [], notes: [] };
}
