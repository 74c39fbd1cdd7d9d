// `npm run bench -- --sparql [--quick]`: a private Virtuoso (as the integration tests start it), `ldpub publish`
// into it (by the Graph Store Protocol, and by SPARQL Update alone on a smaller set), Virtuoso's own bulk load of
// the same triples as the ceiling, the store's size, and a replica (`ldpub serve --sparql`) against the embedded
// server (`ldpub serve --data`): requests/s of cached record GETs per format, and the first read of records.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { shaclGateKey } from '../src/catalog/gate-key.js';
import { loadCatalog } from '../src/catalog/load.js';
import { publish } from '../src/commands/publish.js';
import { defaultStorePath, openStore } from '../src/store/lmdb-store.js';
import { loadGate } from '../src/validate/gate.js';
import type { CliIo } from '../src/commands/io.js';
import { forkBench, nextMessage, stopChild } from './lib/child.js';
import type { ChildMessage } from './lib/child.js';
import { writeDataDir } from './lib/data-dir.js';
import { notMeasured, type Row } from './lib/report.js';
import { freePort, startVirtuoso, virtuosoMissing, waitFor } from './lib/virtuoso.js';
import type { LoadResult } from './load-child.js';

const AREA = 'sparql';
const BASE = 'http://localhost:3000';
const CLI = new URL('../src/cli.js', import.meta.url).pathname;

export interface SparqlSizes {
  records: number;
  updatesOnly: number;
  durationS: number;
  connections: number;
  cold: number;
}

export interface SparqlOutcome {
  rows: Row[];
  /** replica ÷ embedded requests/s per format. */
  ratios: { [ext: string]: number };
}

async function runPublish(argv: string[]): Promise<{ code: number; stderr: string; seconds: number }> {
  let stderr = '';
  const sink = new Writable({ write: (c: Buffer | string, _e, done) => ((stderr += c.toString()), done()) });
  const io: CliIo = { stdout: sink, stderr: sink, isTTY: false };
  process.env.LDPUB_SPARQL_USER = 'dba';
  process.env.LDPUB_SPARQL_PASSWORD = 'dba';
  try {
    const code = await publish(argv, io);
    // The publish's own figure: from the first request to the store to the last, the local ingest not counted.
    const seconds = Number(/ in ([\d.]+) s/.exec(stderr)?.[1] ?? NaN);
    return { code, stderr, seconds };
  } finally {
    delete process.env.LDPUB_SPARQL_USER;
    delete process.env.LDPUB_SPARQL_PASSWORD;
  }
}

const folderBytes = (dir: string): number => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', String(port), '--host', '127.0.0.1', '--base', BASE], {
    stdio: 'ignore',
    env: { ...process.env, LDPUB_LOG_LEVEL: 'silent' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health`)).ok, 120_000, `ldpub serve ${args.join(' ')}`);
  return { child, url };
}

export async function sparqlSection(sizes: SparqlSizes, seed: number): Promise<SparqlOutcome> {
  const rows: Row[] = [];
  const ratios: SparqlOutcome['ratios'] = {};
  const missing = virtuosoMissing();
  if (missing) {
    process.stderr.write(`bench: the SPARQL section is skipped: ${missing}\n`);
    rows.push(notMeasured(AREA, 'publish into Virtuoso', 'records/s', missing));
    return { rows, ratios };
  }
  const work = mkdtempSync(join(tmpdir(), 'ldpub-bench-sparql-'));
  const data = writeDataDir(sizes.records, seed, 'sparql');
  const small = writeDataDir(sizes.updatesOnly, seed + 1, 'sparql-small');
  const children: ChildProcess[] = [];
  const virtuoso = await startVirtuoso(join(work, 'virtuoso'));
  try {
    const empty = folderBytes(virtuoso.db);
    const store = `${virtuoso.url}/sparql-auth`;
    const gsp = `${virtuoso.url}/sparql-graph-crud-auth`;
    // The local ingest first (not measured here: the ingest section measures it), into each data folder's store.
    for (const [dir, base] of [[data.dir, BASE], [small.dir, `${BASE}/small`]] as const) {
      const local = await openStore(defaultStorePath(dir));
      await loadCatalog({ dataDir: dir, base, store: local, gate: await loadGate(), gateKey: shaclGateKey(), workers: availableParallelism() });
      await local.close();
    }
    const embedded = await startCli(['--data', data.dir]);
    children.push(embedded.child);
    const first = await runPublish(['--sparql', store, '--graph-store', gsp, '--data', data.dir, '--base', BASE]);
    if (first.code !== 0) throw new Error(`ldpub publish failed: ${first.stderr}`);
    const records = Number(/ of (\d+) records/.exec(first.stderr)?.[1] ?? sizes.records);
    const rate = records / first.seconds;
    rows.push({ area: AREA, measure: `publish ${records} records into Virtuoso (Graph Store Protocol, defaults)`, value: rate, unit: 'records/s', detail: `${first.seconds.toFixed(1)} s` });
    const again = await runPublish(['--sparql', store, '--graph-store', gsp, '--data', data.dir, '--base', BASE]);
    rows.push({ area: AREA, measure: 're-publish with nothing changed', value: again.seconds, unit: 's' });

    // Virtuoso's own bulk load of the same triples, as one graph in one request: what the store can take at best.
    const dump = await (await fetch(`${embedded.url}/dump.nt`)).text();
    const bulkStarted = performance.now();
    const { SparqlClient } = await import('../src/store/sparql/client.js');
    const client = new SparqlClient({ endpoint: store, user: 'dba', password: 'dba', timeoutMs: 600_000 });
    await client.select('SELECT ?s WHERE { ?s ?p ?o } LIMIT 1'); // the digest challenge first, not on the large body
    await client.putGraph(gsp, 'urn:ldpub:bench:bulk', dump);
    const bulkS = (performance.now() - bulkStarted) / 1000;
    rows.push({ area: AREA, measure: `Virtuoso bulk load of the same ${dump.split('\n').length - 1} triples as one graph`, value: records / bulkS, unit: 'records/s', detail: `${bulkS.toFixed(1)} s; the ceiling` });
    rows.push({ area: AREA, measure: 'publish ÷ bulk load', value: rate / (records / bulkS), unit: '×' });
    await client.update('DROP SILENT GRAPH <urn:ldpub:bench:bulk>');

    const updates = await runPublish(['--sparql', store, '--data', small.dir, '--base', `${BASE}/small`]);
    if (updates.code !== 0) throw new Error(`ldpub publish (updates only) failed: ${updates.stderr}`);
    const smallRecords = Number(/ of (\d+) records/.exec(updates.stderr)?.[1] ?? sizes.updatesOnly);
    rows.push({ area: AREA, measure: `publish ${smallRecords} records by SPARQL Update alone (no --graph-store)`, value: smallRecords / updates.seconds, unit: 'records/s', detail: `${updates.seconds.toFixed(1)} s` });

    // Virtuoso writes its pages at a checkpoint: one now (by its SQL client), so the files hold what was published.
    spawnSync('isql-vt', [String(virtuoso.sqlPort), 'dba', 'dba', 'exec=checkpoint;'], { stdio: 'ignore', timeout: 120_000 });
    const bytes = folderBytes(virtuoso.db) - empty;
    const perRecord = bytes / (records + smallRecords);
    rows.push({ area: AREA, measure: 'Virtuoso database growth per record', value: perRecord / 1024, unit: 'KiB', detail: `${(bytes / 1024 / 1024).toFixed(0)} MiB for ${records + smallRecords} records (db, log and temp files)` });
    rows.push({ area: AREA, measure: 'per million records: store size (extrapolated)', value: (perRecord * 1e6) / 1024 ** 3, unit: 'GiB' });
    rows.push({ area: AREA, measure: 'per million records: publish time (extrapolated)', value: 1e6 / rate / 3600, unit: 'h' });

    // Replica against embedded, both on this machine: cached record GETs per format, then first reads.
    const replica = await startCli(['--sparql', `${virtuoso.url}/sparql`]);
    children.push(replica.child);
    const loader = forkBench('load-child.js');
    children.push(loader);
    await nextMessage(loader, 30_000, 'ready');
    const load = (url: string, durationS: number) => {
      const result = nextMessage<LoadResult & ChildMessage>(loader, (durationS + 30) * 1000, 'result');
      loader.send({ type: 'run', url, connections: sizes.connections, durationS });
      return result;
    };
    const id = data.validIds[0]!;
    for (const ext of ['html', 'ttl', 'jsonld', 'nt']) {
      const results: LoadResult[] = [];
      for (const server of [embedded, replica]) {
        await load(`${server.url}/record/${id}.${ext}`, 1);
        results.push(await load(`${server.url}/record/${id}.${ext}`, sizes.durationS));
      }
      const [e, r] = results as [LoadResult, LoadResult];
      const bad = (x: LoadResult) => x.non2xx + x.errors + x.timeouts;
      ratios[ext] = r.reqPerSec / e.reqPerSec;
      rows.push({ area: AREA, measure: `replica ÷ embedded, cached /record/{id}.${ext}`, value: ratios[ext]!, unit: '×', detail: `${Math.round(r.reqPerSec)} vs ${Math.round(e.reqPerSec)} req/s${bad(r) + bad(e) ? `, ${bad(r) + bad(e)} failed` : ''}` });
    }
    const cold: number[] = [];
    for (const server of [embedded, replica]) {
      const ids = data.validIds.slice(1, 1 + sizes.cold);
      const started = performance.now();
      for (const rid of ids) await (await fetch(`${server.url}/record/${rid}.ttl`)).arrayBuffer();
      cold.push((performance.now() - started) / ids.length);
    }
    rows.push({ area: AREA, measure: `first read of ${sizes.cold} records one after another: replica`, value: cold[1]!, unit: 'ms/record', detail: `embedded ${cold[0]!.toFixed(1)} ms/record` });
    rows.push({ area: AREA, measure: 'first read: replica ÷ embedded (time)', value: cold[1]! / cold[0]!, unit: '×' });
    return { rows, ratios };
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    await virtuoso.stop();
    data.remove();
    small.remove();
    rmSync(work, { recursive: true, force: true });
  }
}
