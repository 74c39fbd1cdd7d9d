// Finds the project's pipeline pieces at run time, so the benchmark runs (and says what it could not measure) while they land.
import { availableParallelism } from 'node:os';
import type { Quad } from '@rdfjs/types';
import type { ValidationReport } from '../../src/validate/report.js';

export type Piece<T> = { ok: true; value: T } | { ok: false; why: string };

import { BASE } from './ingest-core.js';

export interface BenchValidator {
  validate(quads: Quad[]): ValidationReport;
}

type Module = { [name: string]: unknown };

/** Imports a compiled project module by its path under src/ (e.g. 'rdf/map-record.js'). */
async function importSrc(path: string): Promise<Module | undefined> {
  try {
    return (await import(new URL(`../../src/${path}`, import.meta.url).href)) as Module;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

export async function findValidator(): Promise<Piece<BenchValidator>> {
  const mod = await importSrc('validate/index.js');
  const load = mod?.['loadValidator'] as (() => Promise<BenchValidator>) | undefined;
  if (!load) return { ok: false, why: 'loadValidator (src/validate/index.ts) is not on main yet' };
  return { ok: true, value: await load() };
}

/** Loads a data folder through the real catalog loader and SHACL gate. */
export type CatalogLoader = (dataDir: string) => Promise<{ catalog: unknown; published: number; refused: number }>;

export async function findCatalogLoader(): Promise<Piece<CatalogLoader>> {
  const mod = await importSrc('catalog/load.js');
  const loadCatalog = mod?.['loadCatalog'] as ((o: { dataDir: string; base: string; gate: (q: Quad[]) => ValidationReport; workers: number }) => Promise<{ counts(): { published: number; refused: number } }>) | undefined;
  if (!loadCatalog) return { ok: false, why: 'the catalog loader (src/catalog/load.ts) is not on main yet' };
  const validator = await findValidator();
  if (!validator.ok) return { ok: false, why: `the catalog loader needs the SHACL gate: ${validator.why}` };
  const gate = (q: Quad[]): ValidationReport => validator.value.validate(q);
  return {
    ok: true,
    value: async (dataDir) => {
      // As `ldpub serve` loads: worker threads on every core for a large folder.
      const catalog = await loadCatalog({ dataDir, base: BASE, gate, workers: availableParallelism() });
      return { catalog, ...catalog.counts() };
    },
  };
}

/** Builds the real ldpub app (no listen) over a loaded catalog. */
export type AppFactory = (catalog: unknown) => Promise<import('node:http').RequestListener>;

export async function findApp(): Promise<Piece<AppFactory>> {
  const server = await importSrc('server/app.js');
  const live = await importSrc('catalog/live.js');
  const createApp = server?.['createApp'] as ((o: { live: unknown; base: string }) => import('node:http').RequestListener) | undefined;
  const Live = live?.['LiveCatalog'] as (new (initial: unknown, build: () => Promise<unknown>) => unknown) | undefined;
  if (!createApp || !Live) return { ok: false, why: 'the Express app factory (src/server/app.ts) is not on main yet' };
  // As `ldpub serve` builds it, request log included; a reload here would hand back the same catalog.
  return { ok: true, value: async (catalog) => createApp({ live: new Live(catalog, () => Promise.resolve(catalog)), base: BASE }) };
}

/**
 * A minimal Express app holding only the real harvesting routes (`/dump.nt` among them) over a loaded catalog,
 * so the dump can be measured before, or apart from, the full app.
 */
export async function findDumpApp(): Promise<Piece<AppFactory>> {
  const router = await importSrc('harvest/router.js');
  const live = await importSrc('catalog/live.js');
  const create = router?.['createHarvestRouter'] as ((o: { live: unknown; base: string }) => import('node:http').RequestListener) | undefined;
  const Live = live?.['LiveCatalog'] as (new (initial: unknown, build: () => Promise<unknown>) => unknown) | undefined;
  if (!create || !Live) return { ok: false, why: 'the harvesting routes (src/harvest/router.ts) are not on main yet' };
  const express = (await import('express')).default;
  return {
    ok: true,
    value: async (catalog) => {
      const app = express();
      app.use(create({ live: new Live(catalog, () => Promise.resolve(catalog)), base: BASE }));
      return app;
    },
  };
}

/** Loader and app together: what serving, the cold path and the first-request time need. */
export async function findServer(): Promise<Piece<{ load: CatalogLoader; app: AppFactory }>> {
  const [load, app] = await Promise.all([findCatalogLoader(), findApp()]);
  if (!load.ok) return load;
  if (!app.ok) return app;
  return { ok: true, value: { load: load.value, app: app.value } };
}
