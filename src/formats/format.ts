// What a registered output format is: its media type, aliases, extension, server-side quality and serializer.
import type { Quad } from '@rdfjs/types';
import type { Record } from '../model/record.js';
import type { SerializeMemo } from './memo.js';

/** Everything a serializer may use to write one record. */
export interface SerializeInput {
  id: string;
  /** The record URI, `{base}/record/{id}`. */
  iri: string;
  /** The configured base URI, without a trailing slash. */
  base: string;
  record: Record;
  /** The record's graph as mapped (and, in the catalog, with its dataset links): mapped once per record, never per format. */
  quads: readonly Quad[];
  /**
   * The work every format of this record shares (the graph index, the JSON-LD object the page embeds), made once
   * over `quads` with `new SerializeMemo(quads)` and passed to each format of the record. Without one, a memo is
   * kept with the `quads` array itself, so formats given the same array still share.
   */
  memo?: SerializeMemo;
  /** Media type parameters or query options a format understands, such as a citation `style` and `locale`. */
  params: { readonly [name: string]: string };
  /**
   * Since when the catalog publishes this version of the record (its datestamp); absent outside a catalog
   * (`ldpub convert`). DataCite XML takes its year as the publicationYear of a record with no date.
   */
  modified?: Date;
}

export type FormatKind = 'rdf' | 'html' | 'citation';

export interface Format {
  /** The name used by `--to` and `?format=`: "turtle", "jsonld", … */
  key: string;
  /** Other names accepted for `--to` and `?format=`. */
  names: readonly string[];
  /** A human label: "Turtle". */
  label: string;
  mediaType: string;
  /** Other media types that select this format in an Accept header. */
  aliases: readonly string[];
  /** The URL extension, without a dot: "ttl". */
  extension: string;
  /** Server-side quality (0–1): breaks ties between formats a client likes equally. */
  quality: number;
  kind: FormatKind;
  /** Media type parameters that change the body (so they key the cache), e.g. ["style", "locale"]. */
  parameters: readonly string[];
  /**
   * Checks the parameters and gives them their canonical form (so `style=Vancouver` and `style=vancouver`
   * share one cached body). Throws an LdpubError naming the parameter when a value is not supported.
   */
  normalizeParams?(params: { readonly [name: string]: string }): { [name: string]: string };
  /** False for a format reached only by `?format=` (it shares its media type with another): never negotiated, not in Link headers. */
  negotiable?: boolean;
  serialize(input: SerializeInput): string | Promise<string>;
}
