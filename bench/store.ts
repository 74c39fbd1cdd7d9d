// `npm run bench -- --store-scale N`: the catalog store at N generated records, measured from outside on the real
// command (`ldpub serve`): first ingest, RSS once ready, restart to the last record served, one changed file
// visible after SIGHUP, RSS growth over a crawl in every format, and /dump.nt throughput.
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { negotiableFormats } from '../src/formats/registry.js';
import { packageRoot } from '../src/paths.js';
import { generateRecord } from './generate.js';
import { writeDataDir, type DataDir } from './lib/data-dir.js';
import { now, round } from './lib/stats.js';
import { checkTarget, type Row, type TargetCheck } from './lib/report.js';

export interface StoreBench {
  records: number;
  firstIngestS: number;
  /** The ingest process's phase times (ms): stat, evaluate, publish. */
  firstIngestPhases?: { [phase: string]: number };
  rssReadyMiB: number;
  /** RssAnon and RssFile once ready: LMDB's mapped pages count as RssFile (the kernel can drop them under pressure). */
  rssReady: Rss;
  restartToLastServedS: number;
  /** From the restart until the index was read and the folder compared with the store (listings answer from then on). */
  catchUpS: number;
  reloadVisibleS: number;
  /** The same with `--watch` and no signal: the watcher's scoped reload looks at the changed path only. */
  watchVisibleS: number;
  /** RSS of the restarted server once it has compared the folder with the store (its catch-up reload). */
  rssRestartedMiB: number;
  crawl?: { records: number; requests: number; seconds: number; rssBeforeMiB: number; rssAfterMiB: number; growthMiB: number; before: Rss; after: Rss };
  dumpNt?: { bytes: number; seconds: number; mibPerS: number };
  storeMiB: number;
}

const log = (s: string): void => void process.stderr.write(`bench store: ${s}\n`);

export interface Rss {
  anonMiB: number;
  fileMiB: number;
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function rssParts(pid: number): Rss {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
  return { anonMiB: round(kb('RssAnon'), 0), fileMiB: round(kb('RssFile') + kb('RssShmem'), 0) };
}

/**
 * The records of a data folder written earlier by `generate-cli` with the same count and seed (a million files take
 * minutes to write, so a run can reuse them): the ids without a planted violation, recomputed from the generator.
 */
function existingDataDir(dir: string, count: number, seed: number): DataDir {
  const validIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = generateRecord(i, seed);
    if (!r.invalid) validIds.push(r.id);
  }
  if (!existsSync(join(dir, `${validIds[validIds.length - 1]}.txt`))) throw new Error(`${dir} does not hold ${count} generated records of seed ${seed}`);
  // The store is the one thing removed afterwards: the records stay for the next run.
  return { dir, validIds, remove: () => rmSync(join(dir, '.ldpub'), { recursive: true, force: true }) };
}

interface Served {
  child: ChildProcess;
  port: number;
  readyMs: number;
  /** How many catalogs the server has swapped in so far (its log says each). */
  swaps: () => number;
  /** The phase times (ms) of the first "catalog loaded" line before listening: the first ingest's, on a first start. */
  phases?: { [phase: string]: number };
}

/** Starts `ldpub serve` on a free port and waits for its "listening" line. */
async function serve(dir: string, extra: string[] = []): Promise<Served> {
  const started = now();
  const child = spawn(process.execPath, [join(packageRoot(), 'dist', 'src', 'cli.js'), 'serve', '--data', dir, '--port', '0', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LDPUB_LOG_LEVEL: 'info' },
  });
  let phases: { [phase: string]: number } | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 minutes')), 3_600_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.includes('"catalog loaded"') && !phases) phases = (JSON.parse(line) as { ms?: { [phase: string]: number } }).ms;
        if (line.includes('"listening"')) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  // Keep draining the log so the child never blocks on a full pipe, counting the reloads it reports.
  let swaps = 0;
  child.stdout!.on('data', (chunk: Buffer) => (swaps += chunk.toString().split('"catalog swapped in"').length - 1));
  child.stdout!.resume();
  return { child, port, readyMs: now() - started, swaps: () => swaps, ...(phases ? { phases } : {}) };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function status(port: number, path: string, headers: { [k: string]: string } = {}): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  await res.arrayBuffer();
  return res.status;
}

/** Waits (at most 10 minutes) until the server has read its index and no reload is under way. */
async function idle(port: number): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    const body = await res.text();
    if (res.status === 200 && (JSON.parse(body) as { reloading?: boolean }).reloading === false) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not settle in 10 minutes');
}

/** A catalog page with `mark` added to its title: the first line with text after the page's "Loading…" line. */
function retitled(text: string, mark: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > lines.findIndex((x) => x.startsWith('Loading')) && l.trim() !== '');
  lines[at] = `${lines[at]} ${mark}`;
  return lines.join('\n');
}

export async function storeSection(count: number, seed: number, dataDir?: string, skip: ReadonlySet<string> = new Set()): Promise<StoreBench> {
  log(dataDir ? `reusing the ${count} records in ${dataDir}` : `writing ${count} records`);
  const data = dataDir ? existingDataDir(dataDir, count, seed) : writeDataDir(count, seed, 'store');
  // LDPUB_BENCH_KEEP_STORE=1 keeps a store left by an interrupted run: its staged batches are not evaluated again.
  if (dataDir && process.env.LDPUB_BENCH_KEEP_STORE !== '1') rmSync(join(dataDir, '.ldpub'), { recursive: true, force: true });
  let restore: (() => void) | undefined;
  try {
    const ids = data.validIds;
    const last = ids[ids.length - 1]!;
    log('first ingest');
    let s = await serve(data.dir);
    const firstIngestS = s.readyMs / 1000;
    const firstIngestPhases = s.phases;
    const rssReadyMiB = rssMiB(s.child.pid!);
    const rssReady = rssParts(s.child.pid!);
    if (s.phases) log(`first ingest phases (ms): ${JSON.stringify(s.phases)}`);
    log(`first ingest ${round(firstIngestS, 1)} s, RSS ${round(rssReadyMiB, 0)} MiB (${JSON.stringify(rssReady)})`);
    await stop(s.child);

    log('restart');
    const restartStart = now();
    // Without --watch: a SIGHUP then reloads the paths the server's journal saw change, then compares the folder.
    s = await serve(data.dir);
    while ((await status(s.port, `/record/${last}.nt`)) !== 200) await new Promise((r) => setTimeout(r, 20));
    const restartToLastServedS = (now() - restartStart) / 1000;
    log(`restart to the last record served ${round(restartToLastServedS, 2)} s`);

    log('one changed file, SIGHUP');
    const changed = ids[Math.floor(ids.length / 2)]!;
    const file = join(data.dir, `${changed}.txt`);
    // The title is the first line with text after the page's "Loading…" line.
    const original = readFileSync(file, 'utf8');
    restore = () => writeFileSync(file, original);
    // The restart's own comparison with the folder first: a reload asked for meanwhile would run after it.
    await idle(s.port);
    const catchUpS = (now() - restartStart) / 1000;
    log(`index read and folder compared ${round(catchUpS, 1)} s after the restart`);
    writeFileSync(file, retitled(original, '(revised)'));
    const hupStart = now();
    s.child.kill('SIGHUP');
    let reloadVisibleS = NaN;
    for (let i = 0; i < 3000; i++) {
      const res = await fetch(`http://127.0.0.1:${s.port}/record/${changed}.nt`);
      const body = await res.text();
      if (body.includes('(revised)')) {
        reloadVisibleS = (now() - hupStart) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    log(`one changed file visible after ${round(reloadVisibleS, 2)} s`);

    log('another changed file, seen by --watch');
    // A server with --watch (restarted: its own comparison with the folder first), then a second file changed, no signal.
    await idle(s.port);
    await stop(s.child);
    s = await serve(data.dir, ['--watch']);
    await idle(s.port);
    const watched = ids[Math.floor(ids.length / 3)]!;
    const watchedFile = join(data.dir, `${watched}.txt`);
    const watchedOriginal = readFileSync(watchedFile, 'utf8');
    const restoreFirst = restore;
    restore = () => {
      restoreFirst();
      writeFileSync(watchedFile, watchedOriginal);
    };
    writeFileSync(watchedFile, retitled(watchedOriginal, '(watched)'));
    const watchStart = now();
    let watchVisibleS = NaN;
    for (let i = 0; i < 3000; i++) {
      const res = await fetch(`http://127.0.0.1:${s.port}/record/${watched}.nt`);
      const body = await res.text();
      if (body.includes('(watched)')) {
        watchVisibleS = (now() - watchStart) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    log(`one changed file visible after ${round(watchVisibleS, 2)} s with --watch`);

    const rssRestartedMiB = rssMiB(s.child.pid!);
    log(`RSS of the restarted server ${round(rssRestartedMiB, 0)} MiB (${JSON.stringify(rssParts(s.child.pid!))})`);
    const crawl = skip.has('crawl') ? undefined : await crawlAll(s, ids);
    const dumpNt = skip.has('dump') ? undefined : await dumpRate(s.port);
    await stop(s.child);
    const storeBytes = statSync(join(data.dir, '.ldpub', 'catalog.mdb')).size;
    return {
      records: count,
      firstIngestS: round(firstIngestS, 1),
      ...(firstIngestPhases ? { firstIngestPhases } : {}),
      rssReadyMiB: round(rssReadyMiB, 0),
      rssReady,
      restartToLastServedS: round(restartToLastServedS, 2),
      catchUpS: round(catchUpS, 1),
      reloadVisibleS: round(reloadVisibleS, 2),
      watchVisibleS: round(watchVisibleS, 2),
      rssRestartedMiB: round(rssRestartedMiB, 0),
      ...(crawl ? { crawl } : {}),
      ...(dumpNt ? { dumpNt } : {}),
      storeMiB: round(storeBytes / 2 ** 20, 0),
    };
  } finally {
    restore?.();
    data.remove();
  }
}

/** Every format of up to 10,000 records, 8 requests at a time, all cold: the server's RSS before and after. */
async function crawlAll(s: Served, ids: readonly string[]): Promise<NonNullable<StoreBench['crawl']>> {
  const crawlIds = ids.slice(0, Math.min(10_000, ids.length));
  const exts = negotiableFormats().map((f) => f.extension);
  log(`crawl of ${crawlIds.length} records in ${exts.length} formats`);
  const rssBeforeMiB = rssMiB(s.child.pid!);
  const before = rssParts(s.child.pid!);
  const crawlStart = now();
  let requests = 0;
  const queue = crawlIds.flatMap((id) => exts.map((ext) => `/record/${id}.${ext}`));
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        await status(s.port, path);
        requests++;
      }
    }),
  );
  const rssAfterMiB = rssMiB(s.child.pid!);
  const after = rssParts(s.child.pid!);
  const crawlS = (now() - crawlStart) / 1000;
  log(`crawl ${round(crawlS, 0)} s, RSS ${round(rssBeforeMiB, 0)} → ${round(rssAfterMiB, 0)} MiB (${JSON.stringify(before)} → ${JSON.stringify(after)})`);

  return { records: crawlIds.length, requests, seconds: round(crawlS, 1), before, after, rssBeforeMiB: round(rssBeforeMiB, 0), rssAfterMiB: round(rssAfterMiB, 0), growthMiB: round(rssAfterMiB - rssBeforeMiB, 0) };
}

/** /dump.nt read to the end twice (the first brings the store's pages in): the second read's rate. */
async function dumpRate(port: number): Promise<NonNullable<StoreBench['dumpNt']>> {
  log('/dump.nt');
  // Read with node:http, which keeps up with the server (fetch's body stream reads at about a fifth of the speed).
  const readDump = () =>
    new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port: port, path: '/dump.nt', headers: { 'accept-encoding': 'identity' } }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      }).on('error', reject);
    });
  await readDump(); // the first read brings the store's pages in from disk
  const dumpStart = now();
  const bytes = await readDump();
  const dumpS = (now() - dumpStart) / 1000;
  return { bytes, seconds: round(dumpS, 2), mibPerS: round(bytes / 2 ** 20 / dumpS, 0) };
}

/** The figures as rows, and the targets at 1,000,000 records (checked at any size, said so when smaller). */
export function storeReport(r: StoreBench): { rows: Row[]; targets: TargetCheck[] } {
  const n = r.records.toLocaleString('en-US');
  const rows: Row[] = [
    { area: 'store', measure: `first ingest of ${n} records`, value: r.firstIngestS, unit: 's', detail: 'start of ldpub serve to listening: the ingest process (list, read, map, validate, stage, publish), then the index read' },
    { area: 'store', measure: 'RSS once ready', value: r.rssReadyMiB, unit: 'MiB', detail: `RssAnon ${r.rssReady.anonMiB}, RssFile ${r.rssReady.fileMiB} (LMDB's mapped pages)` },
    { area: 'store', measure: 'restart to the last record served', value: r.restartToLastServedS, unit: 's', detail: 'start to a 200 for the last id; the folder is compared with the store afterwards' },
    { area: 'store', measure: 'restart to the index read and the folder compared', value: r.catchUpS, unit: 's', detail: 'until then listings answer 503 with Retry-After; records are served from the first second' },
    { area: 'store', measure: 'RSS of the restarted server', value: r.rssRestartedMiB, unit: 'MiB', detail: 'the --watch server, after its comparison with the folder and one reload' },
    { area: 'store', measure: 'one changed file visible after SIGHUP', value: r.reloadVisibleS, unit: 's', detail: 'sent to an idle server without --watch: the paths its journal saw change are reloaded first, then the whole folder is compared' },
    { area: 'store', measure: 'one changed file visible with --watch', value: r.watchVisibleS, unit: 's', detail: 'the watcher names the path (300 ms of quiet first); the catalog is patched' },
    { area: 'store', measure: 'store size', value: r.storeMiB, unit: 'MiB', detail: `${round((r.storeMiB * 1024) / r.records, 1)} KiB a record` },
  ];
  if (r.crawl) rows.push({ area: 'store', measure: `crawl of ${r.crawl.records.toLocaleString('en-US')} records in every format, RSS growth`, value: r.crawl.growthMiB, unit: 'MiB', detail: `${r.crawl.requests} requests in ${r.crawl.seconds} s; RSS ${r.crawl.rssBeforeMiB} → ${r.crawl.rssAfterMiB} MiB (${JSON.stringify(r.crawl.before)} → ${JSON.stringify(r.crawl.after)})` });
  if (r.dumpNt) rows.push({ area: 'store', measure: '/dump.nt', value: r.dumpNt.mibPerS, unit: 'MiB/s', detail: `${round(r.dumpNt.bytes / 2 ** 20, 0)} MiB in ${r.dumpNt.seconds} s` });
  const at = r.records === 1_000_000 ? '' : ` (goal set at 1,000,000; measured at ${n})`;
  const targets = [
    checkTarget(`first ingest${at}`, r.firstIngestS, 600, 's', false),
    checkTarget(`RSS once ready${at}`, r.rssReadyMiB, 1024, 'MiB', false),
    checkTarget(`restart to the last record served${at}`, r.restartToLastServedS, 5, 's', false),
    checkTarget(`one changed file visible after SIGHUP${at}`, r.reloadVisibleS, 2, 's', false),
    checkTarget(`one changed file visible with --watch${at}`, r.watchVisibleS, 2, 's', false),
  ];
  if (r.crawl) targets.push(checkTarget('crawl of 10,000 records in every format, RSS growth', r.crawl.growthMiB, 300, 'MiB', false));
  if (r.dumpNt) targets.push(checkTarget('/dump.nt', r.dumpNt.mibPerS, 100, 'MiB/s', true));
  return { rows, targets };
}
