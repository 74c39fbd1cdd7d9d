// A record as the catalog publishes it: its data and report, and each representation read from the store, or
// computed once and persisted there (so it is computed once per content version, not once per process).
import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Record } from '../model/record.js';
import type { Format } from '../formats/format.js';
import { SerializeMemo } from '../formats/memo.js';
import { mapRecord } from '../rdf/map-record.js';
import { datasetIri } from '../rdf/iris.js';
import { voidNs } from '../rdf/namespaces.js';
import type { ValidationReport } from '../validate/report.js';
import type { CatalogStore, CatalogReader, GraphStats } from '../store/store.js';

export type { GraphStats };

export interface Rendered {
  body: Buffer;
  /** A strong validator: the quoted SHA-1 of the body. */
  etag: string;
}

/**
 * Formats stored when first asked for. N-Triples is stored at ingest (the dump streams it); JSON-LD is the one
 * other format a bulk path reads (the JSON-LD dump) and jsonld.js makes it costly, so it is kept once computed.
 * The rest stay in the bounded in-process cache only: storing every format of a crawled catalog would grow the
 * store by about 20 KiB per record and format, and its mapped pages would count in the server's memory
 * (measured in docs/store.md).
 */
export const STORED_ON_REQUEST: ReadonlySet<string> = new Set(['jsonld']);

export class PublishedRecord {
  /**
   * The quads and shared work of the formats being rendered now (concurrent requests for one record share them),
   * dropped as soon as the last of them is done. Not kept longer, not even weakly: a WeakRef's target survives every
   * young-generation collection, so each record's graph and framed JSON-LD were promoted to the old space and the
   * heap grew by tens of MiB over a crawl before a full collection freed them. Rebuilding the graph costs less.
   */
  private shared: { memo: SerializeMemo; users: number } | undefined;
  private statsMemo: GraphStats | undefined;

  constructor(
    readonly id: string,
    readonly source: string,
    readonly iri: string,
    readonly base: string,
    readonly record: Record,
    readonly report: ValidationReport,
    /** Since when this version is visible: the store's commit time, to whole seconds (HTTP dates have no finer grain). */
    readonly lastModified: Date,
    stats?: GraphStats,
    /** The content version: representations are stored and cached under it. */
    readonly version: string = '',
    private readonly store?: CatalogReader,
  ) {
    this.statsMemo = stats;
  }

  /** Triple and entity counts of `quads()`: as given at load, else computed once from the graph. */
  stats(): GraphStats {
    this.statsMemo ??= graphStats(this.quads());
    return this.statsMemo;
  }

  /** The published graph: the mapping plus the link to the dataset. Recomputed on demand so the catalog holds Records, not quads. */
  quads(): Quad[] {
    return publishedQuads(this.record, this.id, this.iri, this.base);
  }

  /** The key a body is stored and cached under: the format and its canonical parameters. */
  static key(format: Format, params: { readonly [name: string]: string } = {}): string {
    const used = format.parameters.filter((p) => params[p] !== undefined).map((p) => `${p}=${params[p]}`);
    return used.length ? `${format.key};${used.join(';')}` : format.key;
  }

  /** The body in `format`: the stored one, else computed now and, for a format without parameters, stored. */
  async render(format: Format, params: { readonly [name: string]: string } = {}): Promise<Rendered> {
    const key = PublishedRecord.key(format, params);
    const plain = key === format.key && (format.key === 'ntriples' || STORED_ON_REQUEST.has(format.key));
    if (plain && this.store) {
      const stored = await this.store.representation(this.id, this.version, key);
      if (stored) return { body: stored, etag: strongEtag(stored) };
    }
    const rendered = await this.serialize(format, params);
    const store = this.store as Partial<CatalogStore> | undefined;
    // Persisted for the next request, process or replica; a failed write only costs a recomputation later.
    if (plain && store?.putRepresentation) void store.putRepresentation(this.id, this.version, key, rendered.body).catch(() => undefined);
    return rendered;
  }

  private async serialize(format: Format, params: { readonly [name: string]: string }): Promise<Rendered> {
    const shared = (this.shared ??= { memo: new SerializeMemo(this.quads()), users: 0 });
    shared.users++;
    let text: string;
    try {
      const memo = shared.memo;
      text = await format.serialize({ id: this.id, iri: this.iri, base: this.base, record: this.record, quads: memo.quads, memo, params, modified: this.lastModified });
    } finally {
      if (--shared.users === 0 && this.shared === shared) this.shared = undefined;
    }
    const body = Buffer.from(text, 'utf8');
    return { body, etag: strongEtag(body) };
  }
}

/**
 * What a parsed record costs in memory, roughly, for the cache bound: its record and report objects come to about
 * 1.5 times their length as JSON (measured on generated records: 4.5 KiB of heap for 3.0 KiB of JSON), plus the
 * PublishedRecord and what is kept with it (the Link header of its representations). Stringifying costs some
 * microseconds, once, when the record is read from the store.
 */
export function publishedRecordBytes(r: PublishedRecord | undefined): number {
  if (!r) return 64;
  return 1024 + Math.ceil(1.6 * (JSON.stringify(r.record).length + JSON.stringify(r.report).length));
}

/** A record's published graph: its mapping plus one void:inDataset triple. */
export function publishedQuads(record: Record, id: string, iri: string, base: string): Quad[] {
  return withDatasetLink(mapRecord(record, { iri, blankPrefix: `${id}-` }), iri, base);
}

/** `quads` (a record's mapping, as mapRecord gave it) with the void:inDataset triple added at the end. */
export function withDatasetLink(quads: Quad[], iri: string, base: string): Quad[] {
  quads.push(DataFactory.quad(DataFactory.namedNode(iri), voidNs('inDataset'), DataFactory.namedNode(datasetIri(base))));
  return quads;
}

/** Counts the triples and distinct IRI subjects of a graph. */
export function graphStats(quads: readonly Quad[]): GraphStats {
  const subjects = new Set<string>();
  for (const q of quads) if (q.subject.termType === 'NamedNode') subjects.add(q.subject.value);
  return { triples: quads.length, entities: subjects.size };
}

export function strongEtag(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}
