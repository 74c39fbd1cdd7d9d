// The identity of a catalog snapshot and its earliest datestamp, as the catalog keeps them.
import type { Catalog } from '../catalog/catalog.js';

/**
 * Changes whenever a record is added, changed or deleted, and never otherwise, without serializing anything:
 * dump ETags and resumption tokens are derived from it.
 */
export function snapshotId(catalog: Catalog): string {
  return catalog.snapshot;
}

/** The first datestamp the store ever gave out: OAI-PMH earliestDatestamp, which never moves back. */
export function earliestModified(catalog: Catalog): Date {
  return catalog.earliest;
}
