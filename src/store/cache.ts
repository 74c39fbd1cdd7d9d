// The in-process cache of what the server keeps per record: parsed records, bodies with their headers and their
// compressed variants. Least recently used first out, bounded in bytes, shared across reloads (keys name content
// versions, so a reload drops nothing that is still current).
//
// The bound is one bound: a value is accounted at what it costs (its Buffers' bytes plus a rough figure for the
// objects around them), and accounted again when it grows (a compressed variant added beside a body, see resize).
// Nothing the server keeps per record lives outside it.
import { LRUCache } from 'lru-cache';

/**
 * The default bound: 64 MiB for everything kept per record. Counted honestly that holds a few thousand bodies with
 * their compressed variants; a crawl grows the process by more than the bound (V8's heap headroom, malloc's free
 * lists, the store's mapped pages: measured in docs/store.md), so the bound is kept well below the crawl budget.
 */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** What one cache entry costs beside its value: the key string, lru-cache's slots and the wrapper object. */
export const ENTRY_OVERHEAD = 160;
/** What a Buffer costs beside its bytes: the Uint8Array and its ArrayBuffer object and backing store record. */
export const BUFFER_OVERHEAD = 160;

/** The bytes a string costs on the V8 heap, roughly: a header, then one byte a character when all are Latin-1, else two. */
export function stringBytes(s: string): number {
  return 24 + (/^[\x00-\xff]*$/.test(s) ? s.length : 2 * s.length);
}

/** The bytes a Buffer keeps alive: its whole backing store (a slice of a larger one keeps all of it). */
export function bufferBytes(b: Buffer): number {
  return b.buffer.byteLength + BUFFER_OVERHEAD;
}

/**
 * `b` itself when it owns its memory, else a copy that does. A small Buffer from `Buffer.from(string)` or zlib is a
 * slice of a shared 8 KiB pool, and keeping the slice keeps the whole pool slab: a cache of small bodies would hold
 * several times their size. Copying one costs a memcpy once, when it enters the cache.
 */
export function owned(b: Buffer): Buffer {
  if (b.byteOffset === 0 && b.buffer.byteLength === b.length) return b;
  const copy = Buffer.allocUnsafeSlow(b.length);
  b.copy(copy);
  return copy;
}

interface Sized {
  value: unknown;
  size: number;
  measure: (value: never) => number;
}

export class ByteCache {
  private readonly lru: LRUCache<string, Sized>;
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(readonly maxBytes: number = DEFAULT_CACHE_BYTES) {
    this.lru = new LRUCache<string, Sized>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (v) => Math.max(1, v.size) });
  }

  /** Bytes accounted now: never more than maxBytes. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get entries(): number {
    return this.lru.size;
  }

  /** The largest value kept: an eighth of the bound, so one huge body cannot empty the cache. */
  get largest(): number {
    return this.maxBytes / 8;
  }

  peek<T>(key: string): T | undefined {
    return this.lru.get(key)?.value as T | undefined;
  }

  /** True when `key` is held now (without counting as a use). */
  has(key: string): boolean {
    return this.lru.has(key);
  }

  /**
   * The value for `key`, made once (concurrent callers share the making); kept only if it fits. `size` tells what
   * the value costs in bytes, and is asked again by resize() after the value grew.
   */
  async get<T>(key: string, make: () => Promise<T>, size: (value: T) => number): Promise<T> {
    const hit = this.lru.get(key);
    if (hit) return hit.value as T;
    let p = this.pending.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make().then((value) => {
        this.account(key, value, size);
        return value;
      });
      this.pending.set(key, p);
      const forget = () => this.pending.delete(key);
      p.then(forget, forget);
    }
    return p;
  }

  /**
   * Accounts `key` again after `value` grew (or shrank): least recently used entries go to make room, and a value
   * that no longer fits is dropped. Nothing happens when `key` no longer holds `value` (evicted, or replaced).
   */
  resize(key: string, value: unknown): void {
    const held = this.lru.peek(key);
    if (!held || held.value !== value) return;
    this.account(key, value, held.measure as (value: unknown) => number);
  }

  /** What is held now, most recently used first, each with the bytes it is accounted at (for tests and diagnostics). */
  *held(): Iterable<{ key: string; value: unknown; size: number }> {
    for (const [key, s] of this.lru.entries()) yield { key, value: s.value, size: s.size };
  }

  clear(): void {
    this.lru.clear();
  }

  private account<T>(key: string, value: T, measure: (value: T) => number): void {
    const size = measure(value) + ENTRY_OVERHEAD + 2 * key.length;
    // A new wrapper each time: lru-cache re-counts the size (and evicts to fit) only when the stored object changes.
    if (size <= this.largest) this.lru.set(key, { value, size, measure: measure as (value: never) => number });
    else this.lru.delete(key);
  }
}
