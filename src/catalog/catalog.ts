// The published set at one moment, read through the store: an index of entries (id, version, datestamp) in a
// stable order held in memory, the records and their representations fetched from the store when asked for.
import { createHash } from 'node:crypto';
import { recordIri } from '../rdf/iris.js';
import { ByteCache } from '../store/cache.js';
import type { CatalogReader, Entry, StoredRefusal, StoreMeta } from '../store/store.js';
import { EntryIndex, EntryList, IndexBuilder } from './entry-index.js';
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
  private snapshotMemo: string | undefined;
  /** Every entry, packed (entry-index.ts): the catalog's memory for a million records is about 150 MiB of buffers. */
  private readonly index: EntryIndex<CatalogEntry>;
  /** Published records sorted by id: the order of every listing, page and dump. */
  readonly records: EntryList<CatalogEntry>;
  /** Deleted records, sorted by id: kept for ever (OAI-PMH deletedRecord "persistent"), answered with 410. */
  readonly tombstones: EntryList<CatalogEntry>;
  /** Records and tombstones together, sorted by id: what OAI-PMH lists. */
  readonly all: EntryList<CatalogEntry>;
  /** When the set last changed, deletions included; the build time of a store that never published. */
  readonly lastModified: Date;
  /** The first datestamp the store ever gave (OAI-PMH earliestDatestamp). */
  readonly earliest: Date;

  constructor(
    readonly base: string,
    entries: readonly Entry[] | EntryIndex<CatalogEntry>,
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
    this.index = entries instanceof EntryIndex ? entries : indexOf(entries, base);
    this.all = new EntryList(this.index, 'all');
    this.records = new EntryList(this.index, 'live');
    this.tombstones = new EntryList(this.index, 'deleted');
    const { newest, oldest } = this.index.totals;
    this.lastModified = seconds(Math.max(meta.changed ?? 0, newest) || builtAt.getTime());
    this.earliest = seconds(meta.earliest ?? oldest);
    if (!Number.isFinite(this.earliest.getTime())) this.earliest = this.lastModified;
    if (meta.snapshot !== undefined) this.snapshotMemo = meta.snapshot;
  }

  /**
   * This catalog with `changes` applied (new, changed and deleted entries, by id), sharing everything else: the
   * index chunks the changes fall in are re-encoded, the rest shared, and nothing is re-read from the store, so a
   * reload that changed a few records costs milliseconds whatever the catalog's size.
   */
  patched(changes: readonly Entry[], refused: readonly Refusal[], meta: StoreMeta): Catalog {
    return new Catalog(this.base, this.index.patched(changes), refused, this.store, this.cache, meta);
  }

  /** Triples and entities over every published record, summed once from the counts taken at ingest. */
  get stats(): { triples: number; entities: number } {
    const { triples, entities } = this.index.totals;
    return { triples, entities };
  }

  /**
   * The identity of this snapshot: changes whenever a record is added, changed or deleted, never otherwise; dump
   * ETags and resumption tokens derive from it. The store keeps it (`nextSnapshot` at each publication); a
   * catalog built without one hashes every entry.
   */
  get snapshot(): string {
    this.snapshotMemo ??= nextSnapshot(this.base, undefined, [...this.all]);
    return this.snapshotMemo;
  }

  /** False while the index is still being read: only single records can be answered, from the store. */
  get ready(): boolean {
    return this.lookup === undefined;
  }

  /** The byte length of every published record's stored N-Triples together, when each one's is known. */
  get ntBytes(): number | undefined {
    const t = this.index.totals;
    return t.ntMissing > 0 ? undefined : t.ntBytes;
  }

  /** The entry of a published or deleted record. */
  entry(id: string): CatalogEntry | undefined {
    if (this.lookup) {
      const e = this.lookup(id);
      return e ? adopt(e, this.base) : undefined;
    }
    return this.index.get(id);
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
    return this.index.totals.live;
  }

  /** Counts for /health and the CLI. */
  counts(): { published: number; refused: number; withWarnings: number; deleted: number } {
    const t = this.index.totals;
    return { published: t.live, refused: this.refused.length, withWarnings: t.warned, deleted: t.all - t.live };
  }
}

const prototypes = new Map<string, object>();

/** The index of `entries`, sorted first when they are not (the store lists them in key order, which is id order). */
function indexOf(entries: readonly Entry[], base: string): EntryIndex<CatalogEntry> {
  const builder = indexBuilder(base);
  for (const e of entries) builder.add(e);
  return builder.finish();
}

/** A builder of the index of a catalog for `base`: entries added in id order are packed as they come. */
export function indexBuilder(base: string): IndexBuilder<CatalogEntry> {
  return new IndexBuilder(entryMaker(base));
}

/** How the index gives out an entry for `base`: a fresh object with the prototype that derives its IRI. */
function entryMaker(base: string): (e: Entry) => CatalogEntry {
  return (e) => adopt(e, base);
}

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
export function nextSnapshot(base: string, previous: string | undefined, changed: Iterable<Entry> & { readonly length: number }): string {
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
  const [index, refusals, meta] = await Promise.all([readIndex(store, base), store.refusals(), store.meta()]);
  return new Catalog(base, index, refusals, store, cache, meta);
}

/** The store's entries packed as they are read, batch by batch: never a million entry objects at once. */
export async function readIndex(store: CatalogReader, base: string): Promise<EntryIndex<CatalogEntry>> {
  const builder = indexBuilder(base);
  for await (const batch of store.entryBatches()) for (const e of batch) builder.add(e);
  return builder.finish();
}
