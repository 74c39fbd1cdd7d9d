// `ldpub serve`: load the catalog, listen, reload on SIGHUP (or file changes with --watch), and shut down gracefully on SIGTERM/SIGINT.
import { availableParallelism } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveCatalog } from '../catalog/live.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load.js';
import { catalogBeforeIndex, catalogFromStore } from '../catalog/catalog.js';
import { ByteCache, DEFAULT_CACHE_BYTES } from '../store/cache.js';
import { defaultStorePath, openStore } from '../store/lmdb-store.js';
import { shaclGateKey } from '../catalog/gate-key.js';
import { LdpubError } from '../errors.js';
import { createApp, DEFAULT_CACHE_MAX_AGE } from '../server/app.js';
import { loadGate } from '../validate/gate.js';
import { createLogger } from '../server/log.js';
import { trackConnections } from '../server/drain.js';
import { ingestInChild } from './first-ingest.js';
import type { Command } from './io.js';
import { DEFAULT_PORT, engineUsage, parseOptions, resolveBase } from './options.js';
import { parseEngine, type EngineName } from '../validate/engine-name.js';

export const DEFAULT_HOST = '127.0.0.1';
/** How long in-flight requests may take to finish after SIGTERM before their connections are cut. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

const USAGE = `usage: ldpub serve [--data DIR] [--store PATH] [--port N] [--host H] [--base URL] [--watch] [--cache-max-age S] [--cache-mb N] [--engine NAME]

Serves every record in the data folder by content negotiation.
  --data DIR           the data folder (default: data)
  --store PATH         the catalog store folder (default: DIR/.ldpub); remove it to start afresh
  --port N             the port (default: ${DEFAULT_PORT}; 0 picks a free one)
  --host H             the address to listen on (default: ${DEFAULT_HOST}; use 0.0.0.0 to accept outside connections)
  --base URL           base of record URIs (default: $LDPUB_BASE_URL or http://localhost:PORT)
  --watch              reload when files in the data folder change (SIGHUP always reloads; without
                       --watch it reloads the files seen changing first, then compares the whole folder)
  --cache-max-age S    Cache-Control max-age in seconds (default: ${DEFAULT_CACHE_MAX_AGE})
  --cache-mb N         memory for cached records and representations, in MiB (default: 64)
  ${engineUsage(21)}
  --sparql URL         serve from a SPARQL store that \`ldpub publish --sparql\` filled (its query endpoint)
                       instead of the data folder: a stateless replica; changes appear within 10 s
  --sparql-timeout S   seconds to wait for the SPARQL store before answering 503 (default: 5)
Logs are JSON lines on stdout; LDPUB_LOG_LEVEL sets the level (default: info).
`;

function integer(value: string | undefined, fallback: number, name: string, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new LdpubError('LDPUB_USAGE', `${name} must be a whole number from 0 to ${max}`, { field: name, value });
  return Number(value);
}

export const run: Command = async (argv, io) => {
  let values;
  let port: number;
  let maxAge: number;
  let base: string;
  let engine: EngineName;
  let cacheBytes: number;
  try {
    values = parseOptions(argv, {
      data: { type: 'string', default: 'data' },
      port: { type: 'string' },
      host: { type: 'string', default: DEFAULT_HOST },
      base: { type: 'string' },
      watch: { type: 'boolean', default: false },
      'cache-max-age': { type: 'string' },
      engine: { type: 'string' },
      'cache-mb': { type: 'string' },
      store: { type: 'string' },
      sparql: { type: 'string' },
      'sparql-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }).values;
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    port = integer(values.port, DEFAULT_PORT, '--port', 65535);
    maxAge = integer(values['cache-max-age'], DEFAULT_CACHE_MAX_AGE, '--cache-max-age', 31_536_000);
    cacheBytes = integer(values['cache-mb'], DEFAULT_CACHE_BYTES / 1024 / 1024, '--cache-mb', 1_048_576) * 1024 * 1024;
    base = resolveBase(values.base, port);
    engine = parseEngine(values.engine);
  } catch (e) {
    io.stderr.write(`ldpub serve: ${e instanceof LdpubError ? e.toLine() : (e as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const logger = createLogger();
  if (values.sparql) {
    let timeoutMs: number;
    try {
      timeoutMs = integer(values['sparql-timeout'], 5, '--sparql-timeout', 600) * 1000;
    } catch (e) {
      io.stderr.write(`ldpub serve: ${(e as LdpubError).toLine()}\n\n${USAGE}`);
      return 2;
    }
    const { serveReplica } = await import('./serve-sparql.js');
    return serveReplica(io, { endpoint: values.sparql, base, cacheBytes, timeoutMs, logger, maxAge, port, host: values.host });
  }
  const dataDir = values.data;
  // The shapes compile while the store opens: a store that has published serves before they are ready.
  const gateReady = loadGate({ engine });
  gateReady.catch(() => undefined);
  let store;
  try {
    store = await openStore(values.store ?? defaultStorePath(dataDir));
  } catch (e) {
    io.stderr.write(`ldpub serve: ${e instanceof LdpubError ? e.toLine() : (e as Error).message}\n`);
    return 1;
  }
  // Large folders load in worker threads on every core; each compiles the same shapes as `gate`.
  const build = async (previous?: Catalog, changed?: readonly string[]) =>
    loadCatalog({ dataDir, base, gate: await gateReady, gateKey: shaclGateKey(), logger, store, cacheBytes, workers: availableParallelism(), ...(previous ? { previous } : {}), ...(changed ? { changed } : {}) });
  let live: LiveCatalog;
  let catchUp = false;
  try {
    // A store that has published serves at once what it holds; the folder is compared with it right after.
    const meta = await store.meta();
    if (meta.snapshot !== undefined && meta.base === base) {
      // Listening at once: records are looked up in the store one by one while the index is read (listings answer
      // 503 until then), then the folder is compared with the store.
      const cache = new ByteCache(cacheBytes);
      const opened = store;
      let indexed: Catalog | undefined;
      const afterIndex = async (previous?: Catalog, changed?: readonly string[]) => {
        if (!indexed) {
          const t0 = performance.now();
          indexed = await catalogFromStore(opened, base, cache);
          live.swap(indexed);
          logger.info({ ...indexed.counts(), ms: Math.round(performance.now() - t0) }, 'index read');
          return build(indexed, changed);
        }
        return build(previous, changed);
      };
      live = new LiveCatalog(await catalogBeforeIndex(store, base, (id) => opened.entrySync(id), cache), afterIndex, logger);
      catchUp = true;
    } else {
      await gateReady;
      // A first ingest runs in a process of its own (first-ingest.ts), then the store is read as a restart reads it.
      await ingestInChild({ dataDir, storePath: values.store ?? defaultStorePath(dataDir), base, engine });
      await store.remap();
      live = new LiveCatalog(await catalogFromStore(store, base, new ByteCache(cacheBytes)), build, logger);
    }
  } catch (e) {
    io.stderr.write(`ldpub serve: cannot load the data folder ${JSON.stringify(dataDir)}: ${e instanceof LdpubError ? e.toLine() : (e as Error).message}\n`);
    return 1;
  }

  const app = createApp({ live, base, logger, cacheMaxAge: maxAge });
  const server = createServer(app);
  const drainer = trackConnections(server);
  try {
    await listen(server, port, values.host);
  } catch (e) {
    io.stderr.write(`ldpub serve: cannot listen on ${values.host}:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  // Without --watch the folder is watched all the same, only to keep a journal of the changed paths for SIGHUP.
  const journal = values.watch ? undefined : live.journal(dataDir);
  const address = server.address() as AddressInfo;
  logger.info({ host: address.address, port: address.port, base, dataDir, ...live.current.counts() }, 'listening');

  let shapesFailed = false;
  if (catchUp) {
    // The index is read and the folder compared with the store now; shapes that cannot be compiled stop the
    // server as they stop a first start. The journal watches every folder first, so that the comparison leaves it
    // trusted: the next SIGHUP reloads the paths it names before comparing the folder again.
    void (journal ? journal.ready : Promise.resolve()).then(() => live.reload());
    gateReady.catch(
      (e: unknown) => {
        shapesFailed = true;
        io.stderr.write(`ldpub serve: ${e instanceof LdpubError ? e.toLine() : (e as Error).message}\n`);
        process.kill(process.pid, 'SIGTERM');
      },
    );
  }
  const stopWatching = values.watch ? live.watch(dataDir) : () => journal?.close();
  // SIGHUP compares the whole folder; without --watch, the paths the journal names are reloaded first.
  const onHup = () => void (journal ? journal.reload() : live.reload());
  process.on('SIGHUP', onHup);

  return new Promise<number>((resolve) => {
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal, connections: drainer.open }, 'shutting down: finishing requests in flight');
      stopWatching();
      process.off('SIGHUP', onHup);
      void drainer.drain(SHUTDOWN_TIMEOUT_MS).then(({ forced }) => {
        if (forced > 0) logger.warn({ timeoutMs: SHUTDOWN_TIMEOUT_MS, forced }, 'requests still in flight at the deadline; their connections were closed');
        process.off('SIGTERM', onTerm);
        process.off('SIGINT', onInt);
        logger.info('stopped');
        logger.flush();
        resolve(shapesFailed ? 1 : 0);
      });
    };
    const onTerm = () => shutdown('SIGTERM');
    const onInt = () => shutdown('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
};

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
