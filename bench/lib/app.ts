// The real catalog and app over a data folder, built as `ldpub serve` builds them, for the ingest, serving and cold-path runs.
import { availableParallelism } from 'node:os';
import type { Express } from 'express';
import type { Catalog } from '../../src/catalog/catalog.js';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { createApp } from '../../src/server/app.js';
import type { Gate } from '../../src/validate/gate.js';
import { BASE } from './ingest-core.js';

/** Loads a data folder through the real reader, mapping and `gate`, with worker threads on every core for a large folder. */
export function loadBenchCatalog(dataDir: string, gate: Gate): Promise<Catalog> {
  return loadCatalog({ dataDir, base: BASE, gate, workers: availableParallelism() });
}

/** The real app (no listen) over a loaded catalog, request log included; a reload hands back the same catalog. */
export function benchApp(catalog: Catalog): Express {
  return createApp({ live: new LiveCatalog(catalog, () => Promise.resolve(catalog)), base: BASE });
}
