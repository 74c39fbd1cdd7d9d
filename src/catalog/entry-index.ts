// The catalog's index of entries, packed into byte chunks outside the V8 heap: a million entries as objects took
// about 500 MiB of heap (docs/benchmarks.md), packed they take about 150 MiB of buffers and a few thousand chunk
// headers. An entry is decoded when it is read. A patched index shares every chunk the change did not touch.
import type { Entry, GraphStats } from '../store/store.js';

/** Entries per chunk: small enough that a patch re-encodes little, large enough that chunk headers stay few. */
const CHUNK = 256;

const DELETED = 1;
const HAS_WARNINGS = 2;
const HAS_NT = 4;
const HAS_STATS = 8;
const HAS_TITLE = 16;

/** Which entries a list shows: every one, the published ones, or the tombstones. */
export type Kind = 'all' | 'live' | 'deleted';

export interface Chunk {
  readonly bytes: Buffer;
  /** Where each entry starts in `bytes`. */
  readonly offsets: Uint32Array;
  readonly firstId: string;
  readonly lastId: string;
  /** Published (not deleted) entries. */
  readonly live: number;
  /** Published entries with warnings. */
  readonly warned: number;
  readonly triples: number;
  readonly entities: number;
  /** Stored N-Triples bytes of the published entries, and how many of them have no length. */
  readonly ntBytes: number;
  readonly ntMissing: number;
  readonly newest: number;
  readonly oldest: number;
}

/** Sums over the whole index, kept per chunk so a patched index recounts only what changed. */
export interface IndexTotals {
  all: number;
  live: number;
  warned: number;
  triples: number;
  entities: number;
  /** Stored N-Triples bytes of the published entries, and how many of them have no length. */
  ntBytes: number;
  ntMissing: number;
  /** Newest and oldest datestamp (ms): -Infinity and Infinity when empty. */
  newest: number;
  oldest: number;
}

export class EntryIndex<E extends Entry = Entry> {
  private readonly startAll: Uint32Array;
  private readonly startLive: Uint32Array;
  readonly totals: IndexTotals;

  private constructor(
    private readonly chunks: readonly Chunk[],
    /** Builds the object an entry is read as (the catalog gives it a prototype that derives its IRI). */
    private readonly make: (e: Entry) => E,
  ) {
    this.startAll = new Uint32Array(chunks.length + 1);
    this.startLive = new Uint32Array(chunks.length + 1);
    const t: IndexTotals = { all: 0, live: 0, warned: 0, triples: 0, entities: 0, ntBytes: 0, ntMissing: 0, newest: -Infinity, oldest: Infinity };
    chunks.forEach((c, i) => {
      t.all += c.offsets.length;
      t.live += c.live;
      t.warned += c.warned;
      t.triples += c.triples;
      t.entities += c.entities;
      t.ntBytes += c.ntBytes;
      t.ntMissing += c.ntMissing;
      if (c.newest > t.newest) t.newest = c.newest;
      if (c.oldest < t.oldest) t.oldest = c.oldest;
      this.startAll[i + 1] = t.all;
      this.startLive[i + 1] = t.live;
    });
    this.totals = t;
  }

  /** An index of `entries`, which must be sorted by id (JavaScript string order) with no id twice. */
  static from<E extends Entry>(entries: Iterable<Entry>, make: (e: Entry) => E): EntryIndex<E> {
    const builder = new IndexBuilder(make, false);
    for (const e of entries) builder.add(e);
    return builder.finish();
  }

  /** @internal */
  static ofChunks<E extends Entry>(chunks: readonly Chunk[], make: (e: Entry) => E): EntryIndex<E> {
    return new EntryIndex(chunks, make);
  }

  /** Entries of every kind. */
  get length(): number {
    return this.totals.all;
  }

  count(kind: Kind): number {
    return kind === 'all' ? this.totals.all : kind === 'live' ? this.totals.live : this.totals.all - this.totals.live;
  }

  /** The entry for `id`, or undefined. */
  get(id: string): E | undefined {
    const c = this.chunkFor(id);
    if (c < 0) return undefined;
    const chunk = this.chunks[c]!;
    const j = findIn(chunk, id);
    return j < 0 ? undefined : this.make(decode(chunk, j));
  }

  /** The `i`-th entry of `kind`, in id order. */
  at(kind: Kind, i: number): E | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count(kind)) return undefined;
    const c = this.chunkAt(kind, i);
    const chunk = this.chunks[c]!;
    let k = i - this.start(kind, c);
    if (kind === 'all' || (kind === 'live' && chunk.live === chunk.offsets.length)) return this.make(decode(chunk, k));
    const wantDeleted = kind === 'deleted';
    for (let j = 0; j < chunk.offsets.length; j++) {
      if (((chunk.bytes[chunk.offsets[j]!]! & DELETED) !== 0) === wantDeleted && k-- === 0) return this.make(decode(chunk, j));
    }
    throw new Error('entry index counts disagree with its chunks');
  }

  /** How many entries of `kind` have an id before `id` (with `inclusive`, up to and including it). */
  rank(kind: Kind, id: string, inclusive = false): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.chunks[mid]!.lastId < id) lo = mid + 1;
      else hi = mid;
    }
    let n = this.start(kind, lo);
    const chunk = this.chunks[lo];
    if (!chunk) return n;
    for (let j = 0; j < chunk.offsets.length; j++) {
      const at = idAt(chunk, j);
      if (at > id || (at === id && !inclusive)) break;
      if (matches(chunk, j, kind)) n++;
    }
    return n;
  }

  /** Entries of `kind` from position `from` on, in id order, decoded one at a time. */
  *iterate(kind: Kind, from = 0): Generator<E> {
    if (from >= this.count(kind)) return;
    let c = from <= 0 ? 0 : this.chunkAt(kind, from);
    let skip = from <= 0 ? 0 : from - this.start(kind, c);
    for (; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      for (let j = 0; j < chunk.offsets.length; j++) {
        if (!matches(chunk, j, kind)) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        yield this.make(decode(chunk, j));
      }
    }
  }

  /**
   * This index with `changes` (entries by id, new or replacing) applied: the chunks they fall in are re-encoded,
   * every other chunk is shared.
   */
  patched(changes: readonly Entry[]): EntryIndex<E> {
    if (changes.length === 0) return this;
    const sorted = [...changes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) if (sorted[i - 1]!.id === sorted[i]!.id) throw new Error(`two changes for the id ${sorted[i]!.id}`);
    const out: Chunk[] = [];
    let i = 0;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      const last = c === this.chunks.length - 1;
      // Changes up to this chunk's last id (every remaining one, for the last chunk) fall in it.
      let k = i;
      while (k < sorted.length && (last || sorted[k]!.id <= chunk.lastId)) k++;
      if (k === i) {
        out.push(chunk);
        continue;
      }
      const merged: Entry[] = [];
      const n = chunk.offsets.length;
      let j = 0;
      for (; i < k; i++) {
        const ch = sorted[i]!;
        while (j < n && idAt(chunk, j) < ch.id) merged.push(decode(chunk, j++));
        if (j < n && idAt(chunk, j) === ch.id) j++;
        merged.push(ch);
      }
      while (j < n) merged.push(decode(chunk, j++));
      for (let s = 0; s < merged.length; s += CHUNK) out.push(encodeChunk(merged.slice(s, s + CHUNK)));
    }
    if (this.chunks.length === 0) for (let s = 0; s < sorted.length; s += CHUNK) out.push(encodeChunk(sorted.slice(s, s + CHUNK)));
    return new EntryIndex(out, this.make);
  }

  private start(kind: Kind, c: number): number {
    return kind === 'all' ? this.startAll[c]! : kind === 'live' ? this.startLive[c]! : this.startAll[c]! - this.startLive[c]!;
  }

  /** The chunk holding the `i`-th entry of `kind` (i < count(kind)). */
  private chunkAt(kind: Kind, i: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.start(kind, mid) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The chunk whose id range holds `id`, or -1. */
  private chunkFor(id: string): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunks[mid]!;
      if (c.lastId < id) lo = mid + 1;
      else if (c.firstId > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}

function matches(chunk: Chunk, j: number, kind: Kind): boolean {
  if (kind === 'all') return true;
  return ((chunk.bytes[chunk.offsets[j]!]! & DELETED) !== 0) === (kind === 'deleted');
}

function findIn(chunk: Chunk, id: string): number {
  let lo = 0;
  let hi = chunk.offsets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = idAt(chunk, mid);
    if (at < id) lo = mid + 1;
    else if (at > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

// An entry's bytes: flags, the datestamp (float64), the present counts (varints), then id, version, source and
// title, each a varint length and UTF-8. The id comes right after the datestamp so a search reads it first.

function idAt(chunk: Chunk, j: number): string {
  const bytes = chunk.bytes;
  let at = chunk.offsets[j]! + 9;
  // Ids are short: their length is one byte.
  const n = bytes[at++]!;
  if (n < 0x80) return bytes.toString('utf8', at, at + n);
  return new Reader(bytes, at - 1).string();
}

function decode(chunk: Chunk, j: number): Entry {
  return decodeAt(chunk.bytes, chunk.offsets[j]!);
}

function decodeAt(bytes: Buffer, at: number): Entry {
  const flags = bytes[at]!;
  const r = new Reader(bytes, at + 9);
  const e: Entry = { id: r.string(), version: r.string(), datestamp: bytes.readDoubleLE(at + 1), source: r.string() };
  if (flags & HAS_TITLE) e.title = r.string();
  if (flags & DELETED) e.deleted = true;
  if (flags & HAS_WARNINGS) e.warnings = r.uint();
  if (flags & HAS_NT) e.ntBytes = r.uint();
  if (flags & HAS_STATS) e.stats = { triples: r.uint(), entities: r.uint() };
  return e;
}

/** One writer for every chunk encoded: its buffer grows once and is reused. */
const scratch = (): Writer => (writer ??= new Writer()).reset();
let writer: Writer | undefined;

function encodeChunk(entries: readonly Entry[]): Chunk {
  const w = scratch();
  const offsets = new Uint32Array(entries.length);
  let live = 0;
  let warned = 0;
  let triples = 0;
  let entities = 0;
  let ntBytes = 0;
  let ntMissing = 0;
  let newest = -Infinity;
  let oldest = Infinity;
  entries.forEach((e, j) => {
    offsets[j] = w.length;
    encodeEntry(w, e);
    const stats = e.stats;
    if (!e.deleted) {
      live++;
      if ((e.warnings ?? 0) > 0) warned++;
      triples += stats?.triples ?? 0;
      entities += stats?.entities ?? 0;
      if (e.ntBytes === undefined) ntMissing++;
      else ntBytes += e.ntBytes;
    }
    if (e.datestamp > newest) newest = e.datestamp;
    if (e.datestamp < oldest) oldest = e.datestamp;
  });
  return { bytes: w.done(), offsets, firstId: entries[0]!.id, lastId: entries[entries.length - 1]!.id, live, warned, triples, entities, ntBytes, ntMissing, newest, oldest };
}

function encodeEntry(w: Writer, e: Entry): void {
  const stats: GraphStats | undefined = e.stats;
  let flags = 0;
  if (e.deleted) flags |= DELETED;
  if (e.warnings !== undefined) flags |= HAS_WARNINGS;
  if (e.ntBytes !== undefined) flags |= HAS_NT;
  if (stats !== undefined) flags |= HAS_STATS;
  if (e.title !== undefined) flags |= HAS_TITLE;
  w.byte(flags);
  w.double(e.datestamp);
  w.string(e.id);
  w.string(e.version);
  w.string(e.source);
  if (e.title !== undefined) w.string(e.title);
  if (e.warnings !== undefined) w.uint(e.warnings);
  if (e.ntBytes !== undefined) w.uint(e.ntBytes);
  if (stats !== undefined) {
    w.uint(stats.triples);
    w.uint(stats.entities);
  }
}

/**
 * Entries kept packed while a catalog is assembled (the records every file claims, a million at a first ingest),
 * by slot number: pages of bytes instead of a million objects in the heap. A slot's datestamp can be set in place.
 */
export class EntryArena implements Iterable<Entry> {
  private static readonly PAGE = 1 << 20;
  private readonly pages: Buffer[] = [];
  private page: Buffer | undefined;
  private used = 0;
  private pageOf = new Uint32Array(1024);
  private offsetOf = new Uint32Array(1024);
  private count = 0;
  private readonly w = new Writer();

  get length(): number {
    return this.count;
  }

  /** Keeps `e`; returns its slot. */
  push(e: Entry): number {
    const w = this.w.reset();
    encodeEntry(w, e);
    const n = w.length;
    if (!this.page || this.used + n > this.page.length) {
      this.page = Buffer.allocUnsafeSlow(Math.max(EntryArena.PAGE, n));
      this.pages.push(this.page);
      this.used = 0;
    }
    w.copyTo(this.page, this.used);
    if (this.count === this.pageOf.length) {
      this.pageOf = grow(this.pageOf);
      this.offsetOf = grow(this.offsetOf);
    }
    this.pageOf[this.count] = this.pages.length - 1;
    this.offsetOf[this.count] = this.used;
    this.used += n;
    return this.count++;
  }

  get(slot: number): Entry {
    return decodeAt(this.pages[this.pageOf[slot]!]!, this.offsetOf[slot]!);
  }

  version(slot: number): string {
    const r = new Reader(this.pages[this.pageOf[slot]!]!, this.offsetOf[slot]! + 9);
    r.string();
    return r.string();
  }

  setDatestamp(slot: number, ms: number): void {
    this.pages[this.pageOf[slot]!]!.writeDoubleLE(ms, this.offsetOf[slot]! + 1);
  }

  *[Symbol.iterator](): IterableIterator<Entry> {
    for (let i = 0; i < this.count; i++) yield this.get(i);
  }
}

function grow(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(a.length * 2);
  next.set(a);
  return next;
}

class Writer {
  private buf = Buffer.allocUnsafe(64 * 1024);
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  double(x: number): void {
    this.room(8);
    this.buf.writeDoubleLE(x, this.length);
    this.length += 8;
  }

  /** A non-negative integer (up to 2^53) in 7-bit groups, low first. */
  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`an entry count must be a non-negative integer, not ${n}`);
    this.room(8);
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }

  string(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.uint(n);
    this.room(n);
    this.length += this.buf.write(s, this.length, 'utf8');
  }

  copyTo(target: Buffer, at: number): void {
    this.buf.copy(target, at, 0, this.length);
  }

  /** The bytes, in a buffer of their own (not a slice of a shared pool that would keep it alive). */
  done(): Buffer {
    const out = Buffer.allocUnsafeSlow(this.length);
    this.buf.copy(out, 0, 0, this.length);
    return out;
  }
}

class Reader {
  constructor(
    private readonly buf: Buffer,
    private at: number,
  ) {}

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.at++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }

  string(): string {
    const n = this.uint();
    const s = this.buf.toString('utf8', this.at, this.at + n);
    this.at += n;
    return s;
  }
}

/**
 * Packs entries as they come, chunk by chunk, so a million are never held as objects. They come sorted by id (the
 * store's key order); when `sorts` and they do not, the rest are collected and the whole index sorted at the end.
 */
export class IndexBuilder<E extends Entry = Entry> {
  private readonly chunks: Chunk[] = [];
  private pending: Entry[] = [];
  private last: string | undefined;
  /** Every entry, once one came out of order. */
  private unsorted: Entry[] | undefined;

  constructor(
    private readonly make: (e: Entry) => E,
    private readonly sorts = true,
  ) {}

  add(e: Entry): void {
    if (this.unsorted) {
      this.unsorted.push(e);
      return;
    }
    if (this.last !== undefined && !(this.last < e.id)) {
      if (this.last === e.id || !this.sorts) throw new Error(this.last === e.id ? `two index entries for the id ${e.id}` : `index entries out of order: ${this.last} before ${e.id}`);
      this.unsorted = [...this.chunks.flatMap(decodeAll), ...this.pending, e];
      this.chunks.length = 0;
      this.pending = [];
      return;
    }
    this.last = e.id;
    this.pending.push(e);
    if (this.pending.length === CHUNK) {
      this.chunks.push(encodeChunk(this.pending));
      this.pending = [];
    }
  }

  finish(): EntryIndex<E> {
    if (this.unsorted) {
      const all = this.unsorted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.unsorted = undefined;
      this.last = undefined;
      for (const e of all) this.add(e);
    }
    if (this.pending.length) this.chunks.push(encodeChunk(this.pending));
    this.pending = [];
    return EntryIndex.ofChunks(this.chunks, this.make);
  }
}

function decodeAll(chunk: Chunk): Entry[] {
  const out: Entry[] = [];
  for (let j = 0; j < chunk.offsets.length; j++) out.push(decode(chunk, j));
  return out;
}

/**
 * The entries of one kind as a read-only list: its length, the entry at a position, slices and iteration, all
 * decoding from the packed index on the way.
 */
export class EntryList<E extends Entry = Entry> implements Iterable<E> {
  constructor(
    private readonly index: EntryIndex<E>,
    private readonly kind: Kind,
  ) {}

  get length(): number {
    return this.index.count(this.kind);
  }

  at(i: number): E | undefined {
    return this.index.at(this.kind, i < 0 ? this.length + i : i);
  }

  /** Entries from `start` up to (not including) `end`, as Array.prototype.slice takes them (no negative positions). */
  slice(start = 0, end = this.length): E[] {
    const out: E[] = [];
    const stop = Math.min(end, this.length);
    if (start >= stop) return out;
    for (const e of this.index.iterate(this.kind, start)) {
      out.push(e);
      if (out.length >= stop - start) break;
    }
    return out;
  }

  /** How many entries have an id before `id` (with `inclusive`, up to and including it). */
  rank(id: string, inclusive = false): number {
    return this.index.rank(this.kind, id, inclusive);
  }

  /** Entries from position `from` on. */
  from(start: number): IterableIterator<E> {
    return this.index.iterate(this.kind, start);
  }

  map<T>(f: (e: E, i: number) => T): T[] {
    const out: T[] = [];
    let i = 0;
    for (const e of this) out.push(f(e, i++));
    return out;
  }

  filter(f: (e: E) => boolean): E[] {
    const out: E[] = [];
    for (const e of this) if (f(e)) out.push(e);
    return out;
  }

  [Symbol.iterator](): IterableIterator<E> {
    return this.index.iterate(this.kind, 0);
  }
}
