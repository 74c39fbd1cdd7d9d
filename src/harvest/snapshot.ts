// The identity of a catalog snapshot: a hash of every record's id and lastModified, computed once per catalog.
import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.js';

const memo = new WeakMap<Catalog, string>();

/**
 * Changes whenever a record is added, removed or modified (to the second), and never otherwise,
 * without serializing anything: dump ETags and resumption tokens are derived from it.
 */
export function snapshotId(catalog: Catalog): string {
  let id = memo.get(catalog);
  if (id === undefined) {
    const hash = createHash('sha256').update(catalog.base).update('\n');
    for (const r of catalog.records) hash.update(`${r.id} ${r.lastModified.getTime() / 1000}\n`);
    id = hash.digest('base64url').slice(0, 22);
    memo.set(catalog, id);
  }
  return id;
}

const earliest = new WeakMap<Catalog, Date>();

/** The oldest lastModified of any record; for an empty catalog, its lastModified (the build time). */
export function earliestModified(catalog: Catalog): Date {
  let date = earliest.get(catalog);
  if (date === undefined) {
    date = catalog.records.reduce((min, r) => (r.lastModified < min ? r.lastModified : min), catalog.lastModified);
    earliest.set(catalog, date);
  }
  return date;
}
