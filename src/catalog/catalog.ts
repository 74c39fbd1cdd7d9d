// The published set at one moment, read through the store: an index of entries (id, version, datestamp) in a
// stable order held in memory, the records and their representations fetched from the store when asked for.
import { createHash } from 'node:crypto';
import { recordIri } from '../rdf/iris.js';
import { ByteCache } from '../store/cache.js';
import type { CatalogReader, Entry, StoredRefusal, StoreMeta } from '../store/store.js';
import { PublishedRecord, publishedRecordBytes } from './published.js';

/** Why a file or a record in it was not published: as the store keeps it (code LDPUB_INVALID_RECORD, or the reader's). */
export type Refusal = StoredRefusal;

/** An entry as the catalog lists it: the stored entry with its IRI and its datestamp as an HTTP date. */
export interface CatalogEntry extends Entry {
  iri: string;
  /** The datestamp to whole seconds. */
  lastModified: Date;
}

export class Catalog {
  private statsMemo: { triples: number; entities: number } | undefined;
  private snapshotMemo: string | undefined;
  /** The ids of `all`, in its order: what `entry` searches (a search then reads one compact array, not a million objects). */
  private readonly ids: readonly string[];
  /** Published records sorted by id: the order of every listing, page and dump. */
  readonly records: readonly CatalogEntry[];
  /** Deleted records, sorted by id: kept for ever (OAI-PMH deletedRecord "persistent"), answered with 410. */
  readonly tombstones: readonly CatalogEntry[];
  /** Records and tombstones together, sorted by id: what OAI-PMH lists, and the index `entry` searches. */
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
    /**
     * While the index is being read (a restart of a large catalog): entries are looked up in the store one by
     * one, and the catalog is not `ready`, so listings wait for the index and single records do not.
     */
    private readonly lookup?: (id: string) => Entry | undefined,
  ) {
    // The entries themselves, not copies: a million of them is the index's memory. `iri` and `lastModified` are
    // computed when read (a getter on a prototype shared by every entry), so an entry holds the stored fields only.
    // No map by id beside them: `entry` searches the sorted array (20 steps for a million), which a reload can
    // patch by splicing instead of rebuilding a million-key map.
    const listed = entries.map((e) => adopt(e, base));
    // The store lists in key order, which for ids ([A-Za-z0-9._-]) is this order: sort only when it is not.
    let sorted = true;
    for (let i = 1; i < listed.length && sorted; i++) if (listed[i - 1]!.id >= listed[i]!.id) sorted = false;
    if (!sorted) {
      listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (let i = 1; i < listed.length; i++) if (listed[i - 1]!.id === listed[i]!.id) throw new Error(`two index entries for the id ${listed[i]!.id}`);
    }
    this.all = listed;
    this.ids = listed.map((e) => e.id);
    this.records = listed.filter((e) => !e.deleted);
    this.tombstones = listed.filter((e) => e.deleted);
    let newest = meta.changed ?? 0;
    let oldest = Infinity;
    for (const e of listed) {
      if (e.datestamp > newest) newest = e.datestamp;
      if (e.datestamp < oldest) oldest = e.datestamp;
    }
    this.lastModified = seconds(newest || builtAt.getTime());
    this.earliest = seconds(meta.earliest ?? oldest);
    if (!Number.isFinite(this.earliest.getTime())) this.earliest = this.lastModified;
    if (meta.snapshot !== undefined) this.snapshotMemo = meta.snapshot;
  }

  /**
   * This catalog with `changes` applied (new, changed and deleted entries, by id), sharing everything else:
   * linear copies of the sorted arrays, no re-sorting and no re-reading of the store, so a reload that changed a
   * few records costs milliseconds whatever the catalog's size.
   */
  patched(changes: readonly Entry[], refused: readonly Refusal[], meta: StoreMeta): Catalog {
    const sortedChanges = changes.map((e) => adopt(e, this.base)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const all: CatalogEntry[] = [];
    let i = 0;
    for (const c of sortedChanges) {
      const at = this.indexOf(c.id);
      const stop = at < 0 ? -at - 1 : at;
      while (i < stop) all.push(this.all[i++]!);
      all.push(c);
      if (at >= 0) i++;
    }
    while (i < this.all.length) all.push(this.all[i++]!);
    return new Catalog(this.base, all, refused, this.store, this.cache, meta);
  }

  /** Index of `id` in `all`, or -(insertion point) - 1 when absent. */
  private indexOf(id: string): number {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid]!;
      if (at < id) lo = mid + 1;
      else if (at > id) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
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
   * The identity of this snapshot: changes whenever a record is added, changed or deleted, never otherwise; dump
   * ETags and resumption tokens derive from it. The store keeps it (`nextSnapshot` at each publication); a
   * catalog built without one hashes every entry.
   */
  get snapshot(): string {
    this.snapshotMemo ??= nextSnapshot(this.base, undefined, this.all);
    return this.snapshotMemo;
  }

  /** False while the index is still being read: only single records can be answered, from the store. */
  get ready(): boolean {
    return this.lookup === undefined;
  }

  /** The entry of a published or deleted record. */
  entry(id: string): CatalogEntry | undefined {
    if (this.lookup) {
      const e = this.lookup(id);
      return e ? adopt(e, this.base) : undefined;
    }
    const at = this.indexOf(id);
    return at >= 0 ? this.all[at] : undefined;
  }

  /** True when `id` was published once and is deleted now. */
  isDeleted(id: string): boolean {
    return this.entry(id)?.deleted === true;
  }

  /** The published record, read from the store (its body parsed once while it stays in the cache). */
  async get(id: string): Promise<PublishedRecord | undefined> {
    const e = this.entry(id);
    if (!e || e.deleted) return undefined;
    return this.cache.get(
      `record\u0000${id}\u0000${e.version}`,
      async () => {
        const v = await this.store.version(id, e.version);
        if (!v) return undefined;
        return new PublishedRecord(id, e.source, e.iri, this.base, v.record, v.report, e.lastModified, v.stats, e.version, this.store);
      },
      publishedRecordBytes,
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

/** A stored entry as an index entry: the same object, given the prototype that derives its IRI and HTTP date. */
function adopt(e: Entry, base: string): CatalogEntry {
  const shared = indexPrototype(base);
  return Object.getPrototypeOf(e) === shared ? (e as CatalogEntry) : (Object.setPrototypeOf(e, shared) as CatalogEntry);
}

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

/**
 * The snapshot after a publication: the previous one when nothing changed, else a hash of the previous one and
 * of every changed entry (id, version, datestamp, deletion), so a publication of a few records hashes a few lines.
 */
export function nextSnapshot(base: string, previous: string | undefined, changed: readonly Entry[]): string {
  if (previous !== undefined && changed.length === 0) return previous;
  const hash = createHash('sha256').update(base).update('\n').update(previous ?? '').update('\n');
  for (const e of changed) hash.update(`${e.id} ${e.version} ${e.datestamp}${e.deleted ? ' deleted' : ''}\n`);
  return hash.digest('base64url').slice(0, 22);
}

/**
 * The catalog the store last published, before its index is read: single records are looked up in the store, and
 * listings wait (`ready` is false) until `catalogFromStore` has read the index.
 */
export async function catalogBeforeIndex(store: CatalogReader, base: string, lookup: (id: string) => Entry | undefined, cache?: ByteCache): Promise<Catalog> {
  return new Catalog(base, [], [], store, cache, await store.meta(), new Date(), lookup);
}

/** The catalog the store last published, without looking at the data folder: ready as fast as the index is read. */
export async function catalogFromStore(store: CatalogReader, base: string, cache?: ByteCache): Promise<Catalog> {
  const [entries, refusals, meta] = await Promise.all([store.entries(), store.refusals(), store.meta()]);
  return new Catalog(base, entries, refusals, store, cache, meta);
}
