// What a record page links to, derived from the format registry and the record: formats, citations, signposting.
import type { Quad } from '@rdfjs/types';
import type { Format } from '../formats/format.js';
import type { Record } from '../model/record.js';
import { formatUrl, signposts, type TypedLink } from '../formats/links.js';
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

export type { TypedLink };

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


/** A link to each representation in `formats`, for 406 bodies and lists. */
export function formatLinks(iri: string, formats: readonly Format[]): FormatLink[] {
  return formats.map((f) => ({ label: f.label, mediaType: f.mediaType, url: formatUrl(iri, f) }));
}

/** The signposts for the page's `<link>` elements: the same as the Link header's. */
export function signpostingLinks(input: { iri: string; record: Record }, formats: readonly Format[]): TypedLink[] {
  return signposts(input, formats);
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
  options: { siteName?: string; linkHeaderLinks?: TypedLink[] } = {},
): RecordPageContext {
  const citation = apaCitation(input);
  return {
    formats: formatLinks(input.iri, formats.filter((f) => f.kind === 'rdf')),
    citations: formatLinks(input.iri, formats.filter((f) => f.kind === 'citation')),
    citationStyles: citationStyleLinks(input.iri, formats),
    ...(citation ? { citation } : {}),
    validationUrl: `${input.iri}/validation`,
    linkHeaderLinks: options.linkHeaderLinks ?? signpostingLinks(input, formats),
    home: `${input.base}/`,
    ...(options.siteName ? { siteName: options.siteName } : {}),
  };
}
