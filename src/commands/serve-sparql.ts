// `ldpub serve --sparql URL`: a stateless replica over a SPARQL store filled by `ldpub publish --sparql`. The
// catalog is read from the store, bodies are rendered here (so every replica sends the same bytes and ETags),
// a bounded cache keeps what was read, and the store's change marker is polled so a publish shows within 10 s.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { catalogFromStore } from '../catalog/catalog.js';
import { LiveCatalog } from '../catalog/live.js';
import { LdpubError } from '../errors.js';
import { createApp } from '../server/app.js';
import type { Logger } from '../server/log.js';
import { sparqlRouter } from '../server/routes/sparql.js';
import { ByteCache } from '../store/cache.js';
import { SparqlClient } from '../store/sparql/client.js';
import { SparqlStore } from '../store/sparql/store.js';
import type { CliIo } from './io.js';

/** How often the change marker is read: a publish is visible on every replica within this plus one reload. */
export const POLL_MS = 2000;

export interface ReplicaOptions {
  endpoint: string;
  base: string;
  cacheBytes: number;
  timeoutMs: number;
  logger: Logger;
  maxAge: number;
  port: number;
  host: string;
}

/** The catalog over the store and the poller that swaps in a new one when the marker moves. */
export async function openReplica(opts: Pick<ReplicaOptions, 'endpoint' | 'base' | 'cacheBytes' | 'timeoutMs' | 'logger'>): Promise<{ live: LiveCatalog; store: SparqlStore; stop(): void }> {
  const client = new SparqlClient({
    endpoint: opts.endpoint,
    timeoutMs: opts.timeoutMs,
    ...(process.env.LDPUB_SPARQL_USER !== undefined ? { user: process.env.LDPUB_SPARQL_USER } : {}),
    ...(process.env.LDPUB_SPARQL_PASSWORD !== undefined ? { password: process.env.LDPUB_SPARQL_PASSWORD } : {}),
  });
  const store = new SparqlStore(client, opts.base);
  // One cache for every catalog: its keys carry the content version, so nothing in it is ever stale.
  const cache = new ByteCache(opts.cacheBytes);
  let marker = await store.marker();
  await store.meta();
  // Entries that are not ldpub's are reported on every read of the catalog, and left out of it.
  const read = async () => {
    const catalog = await catalogFromStore(store, opts.base, cache);
    for (const e of store.foreign) opts.logger.warn({ code: e.code, record: e.record }, e.toLine());
    return catalog;
  };
  const live = new LiveCatalog(await read(), read, opts.logger);
  // Graphs under {base}/record/ that ldpub did not publish are reported once (best effort: a store too slow for
  // this query only loses the report), and never served: a replica answers only for the entries it read.
  store
    .strayGraphs()
    .then((graphs) => {
      for (const g of graphs) opts.logger.warn({ code: 'LDPUB_SPARQL_FOREIGN', record: g }, `${g}: a graph in the SPARQL store that ldpub did not publish; it is not served [LDPUB_SPARQL_FOREIGN]`);
    })
    .catch(() => undefined);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    store
      .marker()
      .then(async (m) => {
        if (m === marker) return;
        const r = await live.reload();
        if (r.ok) marker = m;
      })
      .catch((e: unknown) => opts.logger.warn({ err: e instanceof LdpubError ? e.toLine() : String(e) }, 'cannot read the change marker of the SPARQL store'))
      .finally(() => {
        busy = false;
      });
  }, POLL_MS);
  timer.unref();
  return { live, store, stop: () => clearInterval(timer) };
}

/** The app of a replica: /sparql (read-only, proxied to the store) before every route of `ldpub serve`. */
export function replicaApp(live: LiveCatalog, opts: Pick<ReplicaOptions, 'endpoint' | 'base' | 'timeoutMs' | 'logger' | 'maxAge'>): express.Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.use(sparqlRouter({ endpoint: opts.endpoint, timeoutMs: opts.timeoutMs }));
  outer.use(createApp({ live, base: opts.base, logger: opts.logger, cacheMaxAge: opts.maxAge }));
  return outer;
}

export async function serveReplica(io: CliIo, opts: ReplicaOptions): Promise<number> {
  let replica;
  try {
    replica = await openReplica(opts);
  } catch (e) {
    io.stderr.write(`ldpub serve: ${e instanceof LdpubError ? e.toLine() : (e as Error).message}\n`);
    return 1;
  }
  const server: Server = createServer(replicaApp(replica.live, opts));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => resolve());
    });
  } catch (e) {
    replica.stop();
    io.stderr.write(`ldpub serve: cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}\n`);
    return 1;
  }
  const address = server.address() as AddressInfo;
  opts.logger.info({ host: address.address, port: address.port, base: opts.base, sparql: opts.endpoint, ...replica.live.current.counts() }, 'listening');
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      opts.logger.info({ signal }, 'shutting down');
      replica.stop();
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        opts.logger.info('stopped');
        opts.logger.flush();
        resolve(0);
      });
      server.closeIdleConnections();
    };
    const onTerm = () => shutdown('SIGTERM');
    const onInt = () => shutdown('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
}
