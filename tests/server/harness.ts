// A real server on 127.0.0.1:0 over a catalog built from a temporary data folder, for tests that speak HTTP with fetch.
import { copyFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog, type Gate } from '../../src/catalog/load.js';
import { createApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/log.js';
import { loadGate } from '../../src/validate/gate.js';
import { fixturePath, SEED_ID } from '../helpers/fixtures.js';
import { removeDir, tempDir } from '../helpers/temp.js';

export const acceptAll: Gate = () => ({ conforms: true, results: [] });
export const BASE = 'http://localhost:3000';
export { SEED_ID };

export interface TestServer {
  url: string;
  dir: string;
  live: LiveCatalog;
  server: Server;
  close(): Promise<void>;
}

/** The seed record plus the named catalog fixtures, copied into a fresh folder (removed after its test, or its file: see tempDir). */
export function dataFolder(fixtures: readonly string[] = ['plos-one-e-locator', 'nature-genetics-consortium']): string {
  const dir = tempDir('server');
  copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(dir, `${SEED_ID}.txt`));
  for (const f of fixtures) copyFileSync(fixturePath('catalog', `${f}.txt`), join(dir, `${f}.txt`));
  return dir;
}

let shapesGate: Promise<Gate> | undefined;

export interface Listening {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The app over `live` on 127.0.0.1, on a port the system picks. */
export async function listenApp(live: LiveCatalog, options: { base?: string; cacheMaxAge?: number; shapesDir?: string } = {}): Promise<Listening> {
  const app = createApp({ live, base: options.base ?? BASE, logger: createLogger('silent'), cacheMaxAge: options.cacheMaxAge, shapesDir: options.shapesDir });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startServer(options: { dir?: string; gate?: Gate; cacheMaxAge?: number; shapesDir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? dataFolder();
  // The real SHACL gate unless a test brings its own: the server publishes through nothing else.
  const gate = options.gate ?? (await (shapesGate ??= loadGate()));
  const build = () => loadCatalog({ dataDir: dir, base: BASE, gate });
  const live = new LiveCatalog(await build(), build);
  const listening = await listenApp(live, options);
  return {
    url: listening.url,
    dir,
    live,
    server: listening.server,
    close: async () => {
      await listening.close();
      removeDir(dir);
    },
  };
}
