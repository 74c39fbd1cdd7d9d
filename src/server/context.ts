// What every route needs: the live catalog, the configured base, the logger and the cache lifetime.
import type { LiveCatalog } from '../catalog/live.js';
import type { Logger } from './log.js';

export interface ServerContext {
  live: LiveCatalog;
  base: string;
  logger: Logger;
  /** Cache-Control max-age in seconds. */
  maxAge: number;
  shapesDir: string;
}

/** A per-object cache that dies with its object: records and catalogs are replaced wholesale on reload. */
export class OwnerCache<K extends object, V> {
  private readonly caches = new WeakMap<K, Map<string, V>>();

  get(owner: K, key: string, make: () => V): V {
    let m = this.caches.get(owner);
    if (!m) this.caches.set(owner, (m = new Map()));
    let v = m.get(key);
    if (v === undefined) {
      v = make();
      m.set(key, v);
    }
    return v;
  }

  delete(owner: K, key: string): void {
    this.caches.get(owner)?.delete(key);
  }

  /** Like get, for promises: a rejected one is forgotten so a later request tries again. */
  getAsync<T>(this: OwnerCache<K, Promise<T>>, owner: K, key: string, make: () => Promise<T>): Promise<T> {
    return this.get(owner, key, () => {
      const p = make();
      p.catch(() => this.delete(owner, key));
      return p;
    });
  }
}
