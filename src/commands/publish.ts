// `ldpub publish --sparql URL`: the published records of the data folder into a SPARQL 1.1 store, incrementally
// (what changed or was deleted since the cursor the store holds), in batches, resumable and idempotent.
import { availableParallelism } from 'node:os';
import { loadCatalog, type Gate } from '../catalog/load.js';
import { shaclGateKey } from '../catalog/gate-key.js';
import { isLdpubError, LdpubError } from '../errors.js';
import { defaultStorePath, openStore } from '../store/lmdb-store.js';
import { SparqlClient } from '../store/sparql/client.js';
import { SparqlStore, type Cursor } from '../store/sparql/store.js';
import type { Entry } from '../store/store.js';
import { loadGate } from '../validate/gate.js';
import type { CliIo, Command } from './io.js';
import { parseOptions, resolveBase } from './options.js';

const USAGE = `usage: ldpub publish --sparql URL [--data DIR] [--store PATH] [--base URL] [--graph-store URL] [--batch N]

Publishes every record of the data folder into a SPARQL 1.1 store: one named graph per record (its IRI), and
what \`ldpub serve --sparql\` needs in the graph {base}/ldpub/meta. Only what changed or was deleted since the
last publish is sent; a publish that fails says how far it got, and the next one resumes there.
  --sparql URL        the SPARQL endpoint that takes updates (Virtuoso: http://HOST:8890/sparql-auth)
  --graph-store URL   send each record's graph by the Graph Store Protocol (PUT) instead of INSERT DATA
  --data DIR          the data folder (default: data)
  --store PATH        the catalog store folder (default: DIR/.ldpub), brought up to date first
  --base URL          base of record URIs (default: $LDPUB_BASE_URL or http://localhost:3000)
  --batch N           records per update request (default: 25)
  --timeout S         seconds to wait for the store on each request (default: 60)
Credentials: LDPUB_SPARQL_USER and LDPUB_SPARQL_PASSWORD (HTTP basic or digest).
Exit status: 0 when published, 1 when the store failed (the message says how far it got), 2 on misuse.
`;

export const run: Command = (argv, io) => publish(argv, io);

const after = (e: Entry, c: Cursor | undefined) => !c || e.datestamp > c.datestamp || (e.datestamp === c.datestamp && e.id > c.id);
const byChange = (a: Entry, b: Entry) => a.datestamp - b.datestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function publish(argv: string[], io: CliIo, gate?: Gate): Promise<number> {
  let values;
  let base: string;
  let batch: number;
  let timeout: number;
  try {
    values = parseOptions(argv, {
      sparql: { type: 'string' },
      'graph-store': { type: 'string' },
      data: { type: 'string', default: 'data' },
      store: { type: 'string' },
      base: { type: 'string' },
      batch: { type: 'string', default: '25' },
      timeout: { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h' },
    }).values;
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (!values.sparql) throw new LdpubError('LDPUB_USAGE', '--sparql URL is required', { field: '--sparql' });
    if (!/^\d{1,4}$/.test(values.batch) || Number(values.batch) < 1) throw new LdpubError('LDPUB_USAGE', '--batch must be a whole number from 1 to 9999', { field: '--batch', value: values.batch });
    if (!/^\d{1,5}$/.test(values.timeout) || Number(values.timeout) < 1) throw new LdpubError('LDPUB_USAGE', '--timeout must be a whole number of seconds', { field: '--timeout', value: values.timeout });
    batch = Number(values.batch);
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
    // A store that holds another base's catalog is refused; one that holds none is published from the start.
    if ((await remote.marker()) !== '') await remote.meta();
    cursor = await remote.cursor();
    const changes = (await store.entries()).filter((e) => after(e, cursor)).sort(byChange);
    total = changes.length;
    const graphStore = values['graph-store'];
    for (let i = 0; i < changes.length; i += batch) {
      const slice = changes.slice(i, i + batch);
      const ops: string[] = [];
      for (const e of slice) {
        const version = e.deleted ? undefined : await store.version(e.id, e.version);
        const nt = e.deleted ? undefined : (await store.representation(e.id, e.version, 'ntriples'))?.toString('utf8');
        if (!e.deleted && (!version || nt === undefined)) throw new LdpubError('LDPUB_STORE_CORRUPT', 'the store lists a version it does not hold', { record: e.id });
        if (graphStore && nt !== undefined) await client.putGraph(graphStore, version!.iri, nt);
        ops.push(remote.entryUpdate(e, version, nt, graphStore !== undefined));
      }
      const last = slice[slice.length - 1]!;
      ops.push(remote.datasetUpdate({ cursor: { datestamp: last.datestamp, id: last.id } }));
      await client.update(ops.join(' ;\n'));
      cursor = { datestamp: last.datestamp, id: last.id };
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
