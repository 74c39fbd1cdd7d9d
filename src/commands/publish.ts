// `ldpub publish --sparql URL`: the published records of the data folder into a SPARQL 1.1 store, incrementally
// (what changed or was deleted since the cursor the store holds), in batches, resumable and idempotent.
import { availableParallelism } from 'node:os';
import { loadCatalog, type Gate } from '../catalog/load.js';
import { shaclGateKey } from '../catalog/gate-key.js';
import { isLdpubError, LdpubError } from '../errors.js';
import { defaultStorePath, openStore } from '../store/lmdb-store.js';
import { SparqlClient } from '../store/sparql/client.js';
import { SparqlStore, type Cursor } from '../store/sparql/store.js';
import type { Entry, StoredVersion } from '../store/store.js';
import { loadGate } from '../validate/gate.js';
import type { CliIo, Command } from './io.js';
import { parseOptions, resolveBase } from './options.js';

const USAGE = `usage: ldpub publish --sparql URL [--graph-store URL] [--data DIR] [--store PATH] [--base URL] [--batch N] [--concurrency N]

Publishes every record of the data folder into a SPARQL 1.1 store: one named graph per record (its IRI), and
what \`ldpub serve --sparql\` needs in the graph {base}/ldpub/meta. Only what changed or was deleted since the
last publish is sent; a publish that fails says how far it got, and the next one resumes there.
  --sparql URL        the SPARQL endpoint that takes updates (Virtuoso: http://HOST:8890/sparql-auth)
  --graph-store URL   the store's Graph Store Protocol endpoint: each record's graph is sent by PUT, and a batch's
                      meta triples through a staging graph; much faster than updates alone
                      (Virtuoso: http://HOST:8890/sparql-graph-crud-auth)
  --data DIR          the data folder (default: data)
  --store PATH        the catalog store folder (default: DIR/.ldpub), brought up to date first
  --base URL          base of record URIs (default: $LDPUB_BASE_URL or http://localhost:3000)
  --batch N           records per update request (default: 200 with --graph-store, else 10)
  --concurrency N     Graph Store requests in flight at once (default: 2)
  --timeout S         seconds to wait for the store on each request (default: 60)
Credentials: LDPUB_SPARQL_USER and LDPUB_SPARQL_PASSWORD (HTTP basic or digest).
Exit status: 0 when published, 1 when the store failed (the message says how far it got), 2 on misuse.
`;

export const run: Command = (argv, io) => publish(argv, io);

/** At most `n` calls of the returned function's argument run at once. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

const after = (e: Entry, c: Cursor | undefined) => !c || e.datestamp > c.datestamp || (e.datestamp === c.datestamp && e.id > c.id);
const byChange = (a: Entry, b: Entry) => a.datestamp - b.datestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function publish(argv: string[], io: CliIo, gate?: Gate): Promise<number> {
  let values;
  let base: string;
  let batch: number;
  let timeout: number;
  let concurrency: number;
  try {
    values = parseOptions(argv, {
      sparql: { type: 'string' },
      'graph-store': { type: 'string' },
      data: { type: 'string', default: 'data' },
      store: { type: 'string' },
      base: { type: 'string' },
      batch: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      timeout: { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h' },
    }).values;
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (!values.sparql) throw new LdpubError('LDPUB_USAGE', '--sparql URL is required', { field: '--sparql' });
    const batchText = values.batch ?? (values['graph-store'] ? '200' : '10');
    if (!/^\d{1,4}$/.test(batchText) || Number(batchText) < 1) throw new LdpubError('LDPUB_USAGE', '--batch must be a whole number from 1 to 9999', { field: '--batch', value: batchText });
    if (!/^\d{1,2}$/.test(values.concurrency) || Number(values.concurrency) < 1) throw new LdpubError('LDPUB_USAGE', '--concurrency must be a whole number from 1 to 99', { field: '--concurrency', value: values.concurrency });
    concurrency = Number(values.concurrency);
    if (!/^\d{1,5}$/.test(values.timeout) || Number(values.timeout) < 1) throw new LdpubError('LDPUB_USAGE', '--timeout must be a whole number of seconds', { field: '--timeout', value: values.timeout });
    batch = Number(batchText);
    timeout = Number(values.timeout) * 1000;
    base = resolveBase(values.base);
  } catch (e) {
    io.stderr.write(`ldpub publish: ${isLdpubError(e) ? e.toLine() : (e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const client = new SparqlClient({
    endpoint: values.sparql,
    ...(process.env.LDPUB_SPARQL_USER !== undefined ? { user: process.env.LDPUB_SPARQL_USER } : {}),
    ...(process.env.LDPUB_SPARQL_PASSWORD !== undefined ? { password: process.env.LDPUB_SPARQL_PASSWORD } : {}),
    timeoutMs: timeout,
  });
  const remote = new SparqlStore(client, base);
  const limit = limiter(concurrency);
  let done = 0;
  let total = 0;
  let cursor: Cursor | undefined;
  try {
    const store = await openStore(values.store ?? defaultStorePath(values.data));
    const catalog = await loadCatalog({
      dataDir: values.data,
      base,
      store,
      gate: gate ?? (await loadGate()),
      gateKey: gate ? 'test' : shaclGateKey(),
      workers: gate ? 1 : availableParallelism(),
    });
    if (catalog.refused.length) io.stderr.write(`ldpub publish: ${catalog.refused.length} record file(s) refused; run "ldpub validate ${values.data}" for why\n`);
    const started = Date.now();
    const graphStore = values['graph-store'];
    // A store that holds another base's catalog is refused; one that holds none is published from the start.
    if ((await remote.marker()) !== '') await remote.meta();
    cursor = await remote.cursor();
    if (!graphStore && /virtuoso/i.test(client.server ?? '')) {
      io.stderr.write(`ldpub publish: Virtuoso compiles every update, which is slow for data: give --graph-store ${new URL('/sparql-graph-crud-auth', values.sparql).href} to send graphs by the Graph Store Protocol\n`);
    }
    const changes = (await store.entries()).filter((e) => after(e, cursor)).sort(byChange);
    total = changes.length;
    // Each batch: its records' graphs (by the Graph Store Protocol, `concurrency` at a time, or inside the update),
    // then one update that writes their meta triples and moves the cursor, so the cursor never passes a record
    // whose graph and meta triples are not both in the store.
    for (let i = 0; i < changes.length; i += batch) {
      const slice = changes.slice(i, i + batch);
      const items: Array<{ e: Entry; version: StoredVersion | undefined; nt: string | undefined }> = [];
      for (const e of slice) {
        const version = e.deleted ? undefined : await store.version(e.id, e.version);
        const nt = e.deleted ? undefined : (await store.representation(e.id, e.version, 'ntriples'))?.toString('utf8');
        if (!e.deleted && (!version || nt === undefined)) throw new LdpubError('LDPUB_STORE_CORRUPT', 'the store lists a version it does not hold', { record: e.id });
        items.push({ e, version, nt });
      }
      const last = slice[slice.length - 1]!;
      const next: Cursor = { datestamp: last.datestamp, id: last.id };
      const moveCursor = remote.datasetUpdate({ cursor: next });
      if (graphStore) {
        const staging = remote.stagingGraph;
        const sends = [
          ...items.filter((it) => it.nt !== undefined).map((it) => limit(() => client.putGraph(graphStore, it.version!.iri, it.nt!))),
          limit(() => client.putGraph(graphStore, staging, `${items.map((it) => remote.metaTriples(it.e, it.version)).join('\n')}\n`)),
        ];
        // Every request of the batch settles before a failure is reported: nothing is left in flight.
        const settled = await Promise.allSettled(sends);
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
        await client.update(`${remote.stagedUpdate(staging, items.filter((it) => it.e.deleted).map((it) => it.e.id))} ;\n${moveCursor}`);
      } else {
        await client.update([...items.map((it) => remote.entryUpdate(it.e, it.version, it.nt)), moveCursor].join(' ;\n'));
      }
      cursor = next;
      done += slice.length;
      if (io.isTTY) io.stderr.write(`\rpublished ${done}/${total}`);
    }
    if (io.isTTY && total) io.stderr.write('\n');
    const meta = await store.meta();
    await client.update(remote.datasetUpdate({ meta, marker: meta.snapshot ?? String(meta.changed ?? 0) }));
    const seconds = (Date.now() - started) / 1000;
    const deleted = changes.filter((e) => e.deleted).length;
    io.stderr.write(
      `ldpub publish: ${total} change(s) (${deleted} deletion(s)) of ${catalog.size} records published to ${values.sparql} in ${seconds.toFixed(1)} s${total ? ` (${Math.round(total / Math.max(seconds, 0.001))} records/s)` : ''}\n`,
    );
    return 0;
  } catch (e) {
    const error = isLdpubError(e) ? e : new LdpubError('LDPUB_IO', (e as Error).message, { record: values.sparql });
    const where = total ? `; ${done} of ${total} change(s) were published${cursor ? `, up to ${cursor.id} (${new Date(cursor.datestamp).toISOString()})` : ''}, and the next publish resumes there` : '';
    io.stderr.write(`ldpub publish: ${error.toLine()}${where}\n`);
    return 1;
  }
}
