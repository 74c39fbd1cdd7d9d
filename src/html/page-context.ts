// What a record page links to, derived from the format registry and the record: formats, citations, signposting.
import type { Quad } from '@rdfjs/types';
import type { Format } from '../formats/format.js';
import type { Record } from '../model/record.js';
import { doiIri } from '../rdf/iris.js';
import { formatCitation, listStyles } from '../citation/index.js';

export interface FormatLink {
  label: string;
  mediaType: string;
  url: string;
}

export interface CitationLink {
  label: string;
  url: string;
  mediaType?: string;
}

/** One Web Link (RFC 8288), as in the Link header: `<href>; rel="…"; type="…"`. */
export interface TypedLink {
  rel: string;
  href: string;
  type?: string;
}

export interface RecordPageContext {
  /** Every other representation of the record (RDF formats first), for `<link rel="alternate">` and the body. */
  formats: FormatLink[];
  /** Citation downloads (CSL-JSON, BibTeX, RIS, formatted text) once registered. */
  citations?: CitationLink[];
  /** The formatted citation in each shipped style (plain text links). */
  citationStyles?: CitationLink[];
  /** A formatted citation (plain text) and its style's name, shown in "Cite this"; a built-in plain one otherwise. */
  citation?: { style: string; text: string };
  validationUrl: string;
  /** The Link header's links; those other than rel="alternate" are mirrored as `<link>` elements in the head. */
  linkHeaderLinks: TypedLink[];
  /** The site root for the header's links ("/" when not given). */
  home?: string;
  siteName?: string;
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const ABOUT_PAGE = 'http://schema.org/AboutPage';

/** The URL of one representation: `{record}.{ext}`. */
export function formatUrl(iri: string, format: Format): string {
  return `${iri}.${format.extension}`;
}

/** A link to each representation in `formats`, for 406 bodies and lists. */
export function formatLinks(iri: string, formats: readonly Format[]): FormatLink[] {
  return formats.map((f) => ({ label: f.label, mediaType: f.mediaType, url: formatUrl(iri, f) }));
}

/** The classes of the record in its graph (schema:ScholarlyArticle, …). */
export function recordTypes(quads: readonly Quad[], iri: string): string[] {
  return quads
    .filter((q) => q.subject.value === iri && q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode')
    .map((q) => q.object.value);
}

/**
 * FAIR Signposting level 1 for a record: cite-as (the DOI URL, else the record URI), describedby for each
 * RDF format with its type, type for the record's classes and AboutPage, and the linkset when there is one.
 */
export function signpostingLinks(
  input: { iri: string; record: Record; quads: readonly Quad[] },
  formats: readonly Format[],
  linkset?: string,
): TypedLink[] {
  const links: TypedLink[] = [{ rel: 'cite-as', href: input.record.doi ? doiIri(input.record.doi) : input.iri }];
  for (const f of formats.filter((f) => f.kind === 'rdf')) {
    links.push({ rel: 'describedby', href: formatUrl(input.iri, f), type: f.mediaType });
  }
  for (const t of [...recordTypes(input.quads, input.iri), ABOUT_PAGE]) links.push({ rel: 'type', href: t });
  if (linkset) links.push({ rel: 'linkset', href: linkset, type: 'application/linkset+json' });
  return links;
}

/** The record in APA style by the shipped CSL style, or undefined when citeproc cannot format it. */
export function apaCitation(input: { id: string; iri: string; record: Record }): { style: string; text: string } | undefined {
  try {
    const text = formatCitation(input.record, { id: input.id, uri: input.iri }, { style: 'apa' });
    return text ? { style: 'APA', text } : undefined;
  } catch {
    return undefined;
  }
}

/** Shipped CSL styles by the names people know them by. */
const STYLE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['apa', 'APA'],
  ['chicago-author-date', 'Chicago'],
  ['harvard-cite-them-right', 'Harvard'],
  ['ieee', 'IEEE'],
  ['modern-language-association', 'MLA'],
  ['nature', 'Nature'],
  ['nlm-citation-sequence', 'Vancouver'],
];

/** A link per shipped style to a format that takes a `style` parameter (the formatted citation). */
export function citationStyleLinks(iri: string, formats: readonly Format[]): CitationLink[] {
  const styled = formats.find((f) => f.kind === 'citation' && f.parameters.includes('style'));
  if (!styled) return [];
  const shipped = new Set(listStyles());
  return STYLE_LABELS.filter(([id]) => shipped.has(id)).map(([id, label]) => ({
    label,
    url: `${formatUrl(iri, styled)}?style=${encodeURIComponent(id)}`,
    mediaType: styled.mediaType,
  }));
}

/** The whole page context from the registry's formats: what the server passes to renderRecordPage. */
export function recordPageContext(
  input: { id: string; iri: string; base: string; record: Record; quads: readonly Quad[] },
  formats: readonly Format[],
  options: { linkset?: string; siteName?: string; linkHeaderLinks?: TypedLink[] } = {},
): RecordPageContext {
  const citation = apaCitation(input);
  return {
    formats: formatLinks(input.iri, formats.filter((f) => f.kind === 'rdf')),
    citations: formatLinks(input.iri, formats.filter((f) => f.kind === 'citation')),
    citationStyles: citationStyleLinks(input.iri, formats),
    ...(citation ? { citation } : {}),
    validationUrl: `${input.iri}/validation`,
    linkHeaderLinks: options.linkHeaderLinks ?? signpostingLinks(input, formats, options.linkset),
    home: `${input.base}/`,
    ...(options.siteName ? { siteName: options.siteName } : {}),
  };
}
