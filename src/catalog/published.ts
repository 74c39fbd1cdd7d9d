// A record as the catalog publishes it: its data and report, with each serialization computed once and cached.
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

export interface Rendered {
  body: Buffer;
  /** A strong validator: the quoted SHA-1 of the body. */
  etag: string;
}

/** Counts of a record's published graph, taken once when it is loaded, so dataset statistics need no re-mapping. */
export interface GraphStats {
  /** Triples in `quads()`, the dataset link included. */
  triples: number;
  /** Distinct IRI subjects: the record and its hash-IRI nodes. */
  entities: number;
}

export class PublishedRecord {
  private readonly cache = new Map<string, Promise<Rendered>>();
  /** The quads and shared work of the formats rendered close together; held weakly, so the catalog still holds Records only. */
  private shared: WeakRef<SerializeMemo> | undefined;
  private statsMemo: GraphStats | undefined;

  constructor(
    readonly id: string,
    readonly source: string,
    readonly iri: string,
    readonly base: string,
    readonly record: Record,
    readonly report: ValidationReport,
    /** When the record's file last changed, to whole seconds (HTTP dates have no finer grain). */
    readonly lastModified: Date,
    stats?: GraphStats,
  ) {
    this.statsMemo = stats;
  }

  /** Triple and entity counts of `quads()`: as given at load, else computed once from the graph. */
  stats(): GraphStats {
    this.statsMemo ??= graphStats(this.quads());
    return this.statsMemo;
  }

  /** The cached body in `format` if it has been rendered already; never renders. For bulk paths that must not fill the cache. */
  peek(format: Format): Promise<Rendered> | undefined {
    return this.cache.get(format.key);
  }

  /** The published graph: the mapping plus the link to the dataset. Recomputed on demand so the catalog holds Records, not quads. */
  quads(): Quad[] {
    const quads = mapRecord(this.record, { iri: this.iri, blankPrefix: `${this.id}-` });
    quads.push(DataFactory.quad(DataFactory.namedNode(this.iri), voidNs('inDataset'), DataFactory.namedNode(datasetIri(this.base))));
    return quads;
  }

  /** The body in `format`, computed on first use and then served from memory. */
  render(format: Format, params: { readonly [name: string]: string } = {}): Promise<Rendered> {
    const used = format.parameters.filter((p) => params[p] !== undefined).map((p) => `${p}=${params[p]}`);
    const key = used.length ? `${format.key};${used.join(';')}` : format.key;
    let rendered = this.cache.get(key);
    if (!rendered) {
      rendered = this.serialize(format, params);
      this.cache.set(key, rendered);
      // A failed serialization is not cached, so a later request can try again.
      rendered.catch(() => this.cache.delete(key));
    }
    return rendered;
  }

  private async serialize(format: Format, params: { readonly [name: string]: string }): Promise<Rendered> {
    let memo = this.shared?.deref();
    if (!memo) this.shared = new WeakRef((memo = new SerializeMemo(this.quads())));
    const text = await format.serialize({ id: this.id, iri: this.iri, base: this.base, record: this.record, quads: memo.quads, memo, params });
    const body = Buffer.from(text, 'utf8');
    return { body, etag: strongEtag(body) };
  }
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
