// The in-process cache of representations: least recently used first out, bounded in bytes, shared across reloads
// (keys name content versions, so a reload drops nothing that is still current).
import { LRUCache } from 'lru-cache';

/** The default bound: 128 MiB of bodies and their headers (a crawl of every format then grows RSS by about that). */
export const DEFAULT_CACHE_BYTES = 128 * 1024 * 1024;

interface Sized {
  value: unknown;
  size: number;
}

export class ByteCache {
  private readonly lru: LRUCache<string, Sized>;
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(readonly maxBytes: number = DEFAULT_CACHE_BYTES) {
    this.lru = new LRUCache<string, Sized>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (v) => Math.max(1, v.size) });
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get entries(): number {
    return this.lru.size;
  }

  peek<T>(key: string): T | undefined {
    return this.lru.get(key)?.value as T | undefined;
  }

  /** The value for `key`, made once (concurrent callers share the making); kept only if it fits the bound. */
  async get<T>(key: string, make: () => Promise<T>, size: (value: T) => number): Promise<T> {
    const hit = this.lru.get(key);
    if (hit) return hit.value as T;
    let p = this.pending.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make().then((value) => {
        const bytes = size(value);
        if (bytes <= this.maxBytes / 8) this.lru.set(key, { value, size: bytes });
        return value;
      });
      this.pending.set(key, p);
      const forget = () => this.pending.delete(key);
      p.then(forget, forget);
    }
    return p;
  }

  clear(): void {
    this.lru.clear();
  }
}
