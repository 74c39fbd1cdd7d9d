// The published set at one moment, read through the store: an index of entries (id, version, datestamp) in a
// stable order held in memory, the records and their representations fetched from the store when asked for.
import { createHash } from 'node:crypto';
import { recordIri } from '../rdf/iris.js';
import { ByteCache } from '../store/cache.js';
import type { CatalogReader, Entry, StoredRefusal, StoreMeta } from '../store/store.js';
import { PublishedRecord } from './published.js';

/** Why a file or a record in it was not published: as the store keeps it (code LDPUB_INVALID_RECORD, or the reader's). */
export type Refusal = StoredRefusal;

/** An entry as the catalog lists it: the stored entry with its IRI and its datestamp as an HTTP date. */
export interface CatalogEntry extends Entry {
  iri: string;
  /** The datestamp to whole seconds. */
  lastModified: Date;
}

export class Catalog {
  private readonly byId: Map<string, CatalogEntry>;
  private statsMemo: { triples: number; entities: number } | undefined;
  private snapshotMemo: string | undefined;
  /** Published records sorted by id: the order of every listing, page and dump. */
  readonly records: readonly CatalogEntry[];
  /** Deleted records, sorted by id: kept for ever (OAI-PMH deletedRecord "persistent"), answered with 410. */
  readonly tombstones: readonly CatalogEntry[];
  /** Records and tombstones together, sorted by id: what OAI-PMH lists. */
  readonly all: readonly CatalogEntry[];
  /** When the set last changed, deletions included; the build time of a store that never published. */
  readonly lastModified: Date;
  /** The first datestamp the store ever gave (OAI-PMH earliestDatestamp). */
  readonly earliest: Date;

  constructor(
    readonly base: string,
    entries: readonly Entry[],
    readonly refused: readonly Refusal[],
    readonly store: CatalogReader,
    readonly cache: ByteCache = new ByteCache(),
    readonly meta: StoreMeta = { formatVersion: 0 },
    readonly builtAt: Date = new Date(),
  ) {
    // The entries themselves, not copies: a million of them is the index's memory. `iri` and `lastModified` are
    // computed when read (a getter on a prototype shared by every entry), so an entry holds the stored fields only.
    const shared = indexPrototype(base);
    const listed = entries.map((e): CatalogEntry => (Object.getPrototypeOf(e) === shared ? (e as CatalogEntry) : (Object.setPrototypeOf(e, shared) as CatalogEntry)));
    // The store lists in key order, which for ids ([A-Za-z0-9._-]) is this order: sort only when it is not.
    let sorted = true;
    for (let i = 1; i < listed.length && sorted; i++) if (listed[i - 1]!.id > listed[i]!.id) sorted = false;
    if (!sorted) listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.all = listed;
    this.records = listed.filter((e) => !e.deleted);
    this.tombstones = listed.filter((e) => e.deleted);
    this.byId = new Map(listed.map((e) => [e.id, e]));
    const newest = listed.reduce((max, e) => Math.max(max, e.datestamp), meta.changed ?? 0);
    this.lastModified = seconds(newest || builtAt.getTime());
    this.earliest = seconds(meta.earliest ?? listed.reduce((min, e) => Math.min(min, e.datestamp), Infinity) ?? builtAt.getTime());
    if (!Number.isFinite(this.earliest.getTime())) this.earliest = this.lastModified;
  }

  /** Triples and entities over every published record, summed once from the counts taken at ingest. */
  get stats(): { triples: number; entities: number } {
    if (!this.statsMemo) {
      let triples = 0;
      let entities = 0;
      for (const r of this.records) {
        triples += r.stats?.triples ?? 0;
        entities += r.stats?.entities ?? 0;
      }
      this.statsMemo = { triples, entities };
    }
    return this.statsMemo;
  }

  /**
   * The identity of this snapshot: a hash of every entry's id, version and datestamp, tombstones included. Changes
   * whenever a record is added, changed or deleted, never otherwise; dump ETags and resumption tokens derive from it.
   */
  get snapshot(): string {
    if (this.snapshotMemo === undefined) {
      const hash = createHash('sha256').update(this.base).update('\n');
      for (const e of this.all) hash.update(`${e.id} ${e.version} ${e.datestamp}${e.deleted ? ' deleted' : ''}\n`);
      this.snapshotMemo = hash.digest('base64url').slice(0, 22);
    }
    return this.snapshotMemo;
  }

  /** The entry of a published or deleted record. */
  entry(id: string): CatalogEntry | undefined {
    return this.byId.get(id);
  }

  /** True when `id` was published once and is deleted now. */
  isDeleted(id: string): boolean {
    return this.byId.get(id)?.deleted === true;
  }

  /** The published record, read from the store (its body parsed once while it stays in the cache). */
  async get(id: string): Promise<PublishedRecord | undefined> {
    const e = this.byId.get(id);
    if (!e || e.deleted) return undefined;
    return this.cache.get(
      `record\u0000${id}\u0000${e.version}`,
      async () => {
        const v = await this.store.version(id, e.version);
        if (!v) return undefined;
        return new PublishedRecord(id, e.source, e.iri, this.base, v.record, v.report, e.lastModified, v.stats, e.version, this.store);
      },
      // A parsed record is about four times its stored size; the stored N-Triples are a fair proxy for that.
      () => 4 * (e.ntBytes ?? 4096),
    );
  }

  get size(): number {
    return this.records.length;
  }

  /** Counts for /health and the CLI. */
  counts(): { published: number; refused: number; withWarnings: number; deleted: number } {
    return {
      published: this.records.length,
      refused: this.refused.length,
      withWarnings: this.records.filter((r) => (r.warnings ?? 0) > 0).length,
      deleted: this.tombstones.length,
    };
  }
}

const prototypes = new Map<string, object>();

/** The prototype of every index entry for `base`: `iri` and `lastModified` derived from the stored fields. */
function indexPrototype(base: string): object {
  let proto = prototypes.get(base);
  if (!proto) {
    proto = Object.create(Object.prototype, {
      iri: { get(this: Entry) { return recordIri(base, this.id); }, enumerable: false },
      lastModified: { get(this: Entry) { return seconds(this.datestamp); }, enumerable: false },
    }) as object;
    if (prototypes.size > 16) prototypes.clear();
    prototypes.set(base, proto);
  }
  return proto;
}

function seconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** The catalog the store last published, without looking at the data folder: ready as fast as the index is read. */
export async function catalogFromStore(store: CatalogReader, base: string, cache?: ByteCache): Promise<Catalog> {
  const [entries, refusals, meta] = await Promise.all([store.entries(), store.refusals(), store.meta()]);
  return new Catalog(base, entries, refusals, store, cache, meta);
}
