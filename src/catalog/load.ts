// Builds a Catalog from a data folder through the store: every record file is stat'ed; a file whose stat is the
// stored one is not read; a file whose bytes hash as stored is not evaluated; the rest are read, mapped and put
// through the validation gate (in this thread or, for many files, in worker threads on every core), staged in the
// store batch by batch, and then published in one transaction with datestamps that are the commit time.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { knownExtensions } from '../readers/index.js';
import type { Gate } from '../validate/gate.js';
import { ByteCache } from '../store/cache.js';
import { defaultStorePath, openStore } from '../store/lmdb-store.js';
import type { CatalogStore, Entry, FileState, StagedFiles, StoredRefusal, StoreMeta } from '../store/store.js';
import { Catalog } from './catalog.js';
import { contentHash, evaluatePacked, packOutcome, unreadable, type PackedOutcome } from './evaluate.js';
import { evaluateStreamedFile, isStreamedFile } from './evaluate-stream.js';
import type { WorkerInput, WorkerMessage } from './load-worker.js';

export type { Gate };

export interface CatalogLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface LoadOptions {
  dataDir: string;
  base: string;
  /** The gate for records evaluated in this thread. */
  gate: Gate;
  /** Names the gate: files evaluated under another key are evaluated again (default "default"). */
  gateKey?: string;
  logger?: CatalogLogger;
  /** Files read at once in this thread. */
  concurrency?: number;
  /**
   * Worker threads for a large folder (default 1: none). Workers compile the shapes in `shapesDir` (default: the
   * package's) as their gate, so use them only when `gate` is that same SHACL gate.
   */
  workers?: number;
  shapesDir?: string;
  /** Folders with fewer files to evaluate than this are evaluated in this thread even when workers are allowed (default 2,000). */
  parallelThreshold?: number;
  /** The catalog being replaced: its store, cache and entries are reused. */
  previous?: Catalog;
  /**
   * With `previous`: the paths (relative to `dataDir`) a watcher saw change. Only these are looked at again; every
   * other file keeps the state the store holds, unlisted and unstated. A path that is a folder, or a gone folder
   * that held files, makes it a full reload.
   */
  changed?: readonly string[];
  /** The store (default: the one in `storePath`). */
  store?: CatalogStore;
  /** Where the store lives (default: DIR/.ldpub). */
  storePath?: string;
  /** Bytes of the in-process representation cache (default 256 MiB). */
  cacheBytes?: number;
  /** Files evaluated per staged transaction (default 500). */
  stageBatch?: number;
  /** Called after each staged batch is durable, with the number of files staged so far (progress, and tests). */
  onStaged?: (files: number) => void;
  /** The commit clock, per record (ms); tests give records their own moments. Never earlier than the store's floor. */
  clock?: (id: string) => number;
}

interface FileRef {
  path: string;
  source: string;
}

const silent: CatalogLogger = { info() {}, warn() {} };

/** Lists the record files under `dir` (recursively, skipping dot-folders such as the store), in a stable order. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  const extensions = knownExtensions().map((e) => `.${e}`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.some((ext) => e.name.toLowerCase().endsWith(ext)))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !relative(dir, path).split(sep).some((part) => part.startsWith('.')))
    .sort();
}

/** Opens the store the options name. */
export async function storeFor(options: Pick<LoadOptions, 'store' | 'storePath' | 'dataDir' | 'previous'>): Promise<CatalogStore> {
  if (options.store) return options.store;
  const previous = options.previous?.store as CatalogStore | undefined;
  if (previous && 'stage' in previous) return previous;
  return openStore(options.storePath ?? defaultStorePath(options.dataDir));
}

export async function loadCatalog(options: LoadOptions): Promise<Catalog> {
  const { dataDir, base } = options;
  const logger = options.logger ?? silent;
  const t0 = performance.now();
  const gateKey = options.gateKey ?? 'default';
  const store = await storeFor(options);
  const meta = await store.meta();
  if (meta.base !== undefined && meta.base !== base && 'clear' in store) {
    logger.warn({ store: store.location, was: meta.base, now: base }, 'the store was made for another base; rebuilding it');
    await (store as CatalogStore & { clear(): Promise<void> }).clear();
    delete meta.base;
    delete meta.earliest;
    delete meta.changed;
    delete meta.obsolete;
  }
  const known = await store.files();
  const hinted = options.changed && options.previous ? filesFromHint(dataDir, known, options.changed) : undefined;
  const files: FileRef[] = hinted?.files ?? (await listRecordFiles(dataDir)).map((path) => ({ path, source: relative(dataDir, path) || path }));
  const stamps = hinted?.stamps ?? (await stampAll(files, 2_000));
  const todo: Array<FileRef & { known?: string }> = [];
  for (const file of files) {
    const before = known.get(file.source);
    const stamp = stamps.get(file.source);
    if (before && stamp !== undefined && before.stamp === stamp && before.gate === gateKey) continue;
    todo.push(before && before.gate === gateKey && before.hash ? { ...file, known: before.hash } : file);
  }
  const tStat = performance.now();
  const stager = new Stager(store, known, stamps, gateKey, options.stageBatch ?? 500, options.onStaged);
  const script = workerScript();
  const workers = script && todo.length >= (options.parallelThreshold ?? 2000) ? Math.min(options.workers ?? 1, todo.length) : 1;
  if (script && workers > 1) await loadInWorkers(script, todo, workers, options, stager);
  else await loadHere(todo, options, stager);
  await stager.flush();
  const tEval = performance.now();

  const listed = new Set(files.map((f) => f.source));
  const removedFiles = [...known.keys()].filter((s) => !listed.has(s));
  const current = options.previous ? options.previous.all : await store.entries();
  const { entries, refusals, obsolete, changed } = assemble(files, known, current, gateKey, meta, store, options.clock, logger);
  const cache = options.previous?.cache ?? new ByteCache(options.cacheBytes);
  const nextMeta: StoreMeta = { ...meta, base };
  const catalog = new Catalog(base, entries, refusals, store, cache, nextMeta);
  if (changed.length) {
    // A loop, not Math.max(...spread): a million arguments overflow the stack.
    let newest = meta.changed ?? 0;
    let oldest = Infinity;
    for (const e of changed) {
      if (e.datestamp > newest) newest = e.datestamp;
      if (e.datestamp < oldest) oldest = e.datestamp;
    }
    nextMeta.changed = newest;
    nextMeta.floor = Math.max(meta.floor ?? 0, nextMeta.changed);
    nextMeta.earliest ??= oldest;
  }
  nextMeta.snapshot = catalog.snapshot;
  const stillCurrent = new Set(entries.map((e) => `${e.id}\u0000${e.version}`));
  const purge = (meta.obsolete ?? []).filter((o) => !stillCurrent.has(`${o.id}\u0000${o.version}`));
  nextMeta.obsolete = obsolete;
  await store.publish({ entries: changed, removedFiles, refusals, meta: nextMeta, obsolete: purge });
  logger.info({ ...catalog.counts(), dataDir, workers, evaluated: stager.evaluated, unchanged: files.length - todo.length + stager.same, changed: changed.length, ms: { stat: Math.round(tStat - t0), evaluate: Math.round(tEval - tStat), publish: Math.round(performance.now() - tEval) } }, 'catalog loaded');
  return catalog;
}

/**
 * The files and their stamps after a watcher named `changed`: the store's files with their stored stamps, and the
 * named ones stated again (added when they are record files, left out when gone). Undefined when only a full
 * listing can tell: a named folder, or a gone one that held files.
 */
function filesFromHint(dataDir: string, known: ReadonlyMap<string, FileState>, changed: readonly string[]): { files: FileRef[]; stamps: Map<string, string> } | undefined {
  const extensions = knownExtensions().map((e) => `.${e}`);
  const now = new Map<string, string | undefined>();
  for (const name of changed) {
    const source = normalize(name);
    if (source.split(sep).some((part) => part.startsWith('.') && part !== '.')) continue;
    let info;
    try {
      info = statSync(join(dataDir, source));
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) return undefined;
    if (!info) {
      if (!known.has(source) && [...known.keys()].some((k) => k.startsWith(`${source}${sep}`))) return undefined;
      now.set(source, undefined);
      continue;
    }
    if (info.isFile() && extensions.some((ext) => source.toLowerCase().endsWith(ext))) now.set(source, stampOf(info));
  }
  const stamps = new Map<string, string>();
  const sources: string[] = [];
  for (const [source, state] of known) {
    if (now.has(source)) continue;
    sources.push(source);
    stamps.set(source, state.stamp);
  }
  for (const [source, stamp] of now) {
    if (stamp === undefined) continue;
    sources.push(source);
    stamps.set(source, stamp);
  }
  sources.sort();
  return { files: sources.map((source) => ({ path: join(dataDir, source), source })), stamps };
}

function stampOf(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

/**
 * Each file's size, modification and change time and inode: the stamp that tells an unchanged file (none when it
 * cannot be read). Synchronous stats in slices, yielding between them: a stat of a cached inode costs a few
 * microseconds, far less than the promise machinery around an asynchronous one (measured: 45 s → 5 s for a million
 * files), and requests served meanwhile still get a turn between slices.
 */
async function stampAll(files: FileRef[], slice: number): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  for (let i = 0; i < files.length; i += slice) {
    for (const { path, source } of files.slice(i, i + slice)) {
      try {
        stamps.set(source, stampOf(statSync(path)));
      } catch {
        // Unreadable now: it is evaluated, and refused with the reason, like any other file.
      }
    }
    if (i + slice < files.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return stamps;
}

/** Turns evaluated files into stored state and writes them in batches: each batch is durable once written. */
class Stager {
  private batch: StagedFiles = { files: [], versions: [], representations: [] };
  private size = 0;
  evaluated = 0;
  same = 0;

  constructor(
    private readonly store: CatalogStore,
    private readonly states: Map<string, FileState>,
    private readonly stamps: Map<string, string>,
    private readonly gate: string,
    private readonly batchSize: number,
    private readonly onStaged?: (files: number) => void,
  ) {}
  private staged = 0;

  /** A file whose bytes hash as stored: only its stamp is new. */
  async unchanged(source: string): Promise<void> {
    const state = this.states.get(source);
    if (!state) return;
    this.same++;
    await this.put(source, { ...state, stamp: this.stamps.get(source) ?? '' });
  }

  async add(outcome: PackedOutcome): Promise<void> {
    this.evaluated++;
    const { source } = outcome;
    const stamp = this.stamps.get(source) ?? '';
    if ('error' in outcome) {
      await this.put(source, { stamp, hash: outcome.hash, gate: this.gate, records: [], error: { source, ...outcome.error } });
      return;
    }
    const records: FileState['records'] = [];
    for (const r of outcome.records) {
      const row: FileState['records'][number] = { id: r.id, version: r.version, publishable: r.publishable, warnings: r.warnings, ntBytes: r.ntBytes, stats: r.stats };
      if (r.title !== undefined) row.title = r.title;
      if (r.value) this.batch.versions.push({ id: r.id, version: r.version, bytes: r.value });
      if (r.nt) this.batch.representations.push({ id: r.id, version: r.version, key: 'ntriples', bytes: r.nt });
      if (r.refusal) row.refusal = { source, ...r.refusal };
      records.push(row);
    }
    const state: FileState = { stamp, hash: outcome.hash, gate: this.gate, records };
    // Entries of the file that could not be read, and what the reader changed: refused and logged at each publication.
    if (outcome.errors?.length) state.entryErrors = outcome.errors.map((e) => ({ source, ...e }));
    if (outcome.warnings?.length) state.warnings = outcome.warnings;
    await this.put(source, state);
  }

  private async put(source: string, state: FileState): Promise<void> {
    this.states.set(source, state);
    this.batch.files.push({ source, state });
    if (++this.size >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const batch = this.batch;
    this.batch = { files: [], versions: [], representations: [] };
    this.staged += this.size;
    this.size = 0;
    await this.store.stage(batch);
    this.onStaged?.(this.staged);
  }
}

/**
 * Takes the files in listing order: publishes what passes the gate (the first file wins an id), refuses the rest,
 * and compares with what is published: new and changed records get a datestamp, vanished ones a tombstone.
 */
function assemble(
  files: FileRef[],
  states: Map<string, FileState>,
  current: readonly Entry[],
  gateKey: string,
  meta: StoreMeta,
  store: CatalogStore,
  clock: ((id: string) => number) | undefined,
  logger: CatalogLogger,
) {
  const refusals: StoredRefusal[] = [];
  const refuse = (r: StoredRefusal) => {
    refusals.push(r);
    logger.warn({ record: r.source, id: r.id, code: r.code, field: r.field, value: r.value }, `refused: ${r.message}`);
  };
  const desired = new Map<string, Entry>();
  const owner = new Map<string, string>();
  for (const { source } of files) {
    const state = states.get(source);
    if (!state || state.gate !== gateKey) continue;
    if (state.error) {
      refuse(state.error);
      continue;
    }
    for (const e of state.entryErrors ?? []) refuse(e);
    for (const w of state.warnings ?? []) logger.warn({ record: source, code: w.code }, `warning: ${w.message}`);
    for (const r of state.records) {
      const other = owner.get(r.id);
      if (other !== undefined) {
        refuse({ source, id: r.id, code: 'LDPUB_DUPLICATE_ID', message: `the id is already used by ${other}`, field: 'id', value: r.id });
        continue;
      }
      if (!r.publishable) {
        refuse(r.refusal ?? { source, id: r.id, code: 'LDPUB_INVALID_RECORD', message: 'does not conform to the shapes' });
        continue;
      }
      owner.set(r.id, source);
      const e: Entry = { id: r.id, version: r.version, datestamp: 0, source, warnings: r.warnings, ntBytes: r.ntBytes, stats: r.stats };
      if (r.title !== undefined) e.title = r.title;
      desired.set(r.id, e);
    }
  }
  const floor = Math.max(meta.floor ?? 0, store.responseFloor);
  const now = Date.now();
  const stampOf = (id: string) => Math.max(clock ? clock(id) : now, floor);
  const entries: Entry[] = [];
  const changed: Entry[] = [];
  const obsolete: Array<{ id: string; version: string }> = [];
  const seen = new Set<string>();
  for (const cur of current) {
    seen.add(cur.id);
    const next = desired.get(cur.id);
    if (next && !cur.deleted && cur.version === next.version) {
      entries.push(cur);
      continue;
    }
    if (!cur.deleted) obsolete.push({ id: cur.id, version: cur.version });
    if (next) {
      next.datestamp = stampOf(next.id);
      entries.push(next);
      changed.push(next);
    } else if (cur.deleted) {
      entries.push(cur);
    } else {
      const tomb: Entry = { id: cur.id, version: '', datestamp: stampOf(cur.id), source: cur.source, deleted: true };
      if (cur.title !== undefined) tomb.title = cur.title;
      entries.push(tomb);
      changed.push(tomb);
    }
  }
  for (const next of desired.values()) {
    if (seen.has(next.id)) continue;
    next.datestamp = stampOf(next.id);
    entries.push(next);
    changed.push(next);
  }
  return { entries, refusals, obsolete, changed };
}

/** Reads a batch of files at once, then hashes and evaluates them in listing order. */
async function loadHere(files: Array<FileRef & { known?: string }>, options: LoadOptions, stager: Stager): Promise<void> {
  const concurrency = options.concurrency ?? 64;
  for (let i = 0; i < files.length; i += concurrency) {
    const batch = await Promise.all(
      files.slice(i, i + concurrency).map(async ({ path, source, known }) => {
        try {
          // A MARC file is read record by record when its turn comes, never whole.
          if (await isStreamedFile(path)) return { source, path, known, streamed: true } as { source: string; path: string; known?: string; streamed: true };
          const bytes = await readFile(path);
          return { source, bytes, known };
        } catch (e) {
          return unreadable(source, e);
        }
      }),
    );
    for (const file of batch) {
      if ('streamed' in file) {
        const outcome = await evaluateStreamedFile(file.path, file.source, file.known, options.base, options.gate, false);
        await (outcome === 'same' ? stager.unchanged(file.source) : stager.add(packOutcome(outcome)));
        continue;
      }
      if (!('bytes' in file)) {
        await stager.add(file);
        continue;
      }
      const hash = contentHash(file.bytes);
      if (hash === file.known) await stager.unchanged(file.source);
      else await stager.add(evaluatePacked(file.bytes, file.source, hash, options.base, options.gate));
    }
  }
}

/** Splits the files into contiguous shares, one per worker, and stages their outcomes as they arrive. */
async function loadInWorkers(script: URL, files: Array<FileRef & { known?: string }>, count: number, options: LoadOptions, stager: Stager): Promise<void> {
  const size = Math.ceil(files.length / count);
  const shares = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size));
  // Staging is serialised: batches from both workers go to the store one after the other.
  let queue = Promise.resolve();
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const input: WorkerInput = { files: share, base: options.base, ...(options.shapesDir ? { shapesDir: options.shapesDir } : {}), ...(options.gate.engine ? { engine: options.gate.engine } : {}) };
          const worker = new Worker(script, { workerData: input });
          worker.on('message', (message: WorkerMessage) => {
            if ('outcomes' in message) {
              queue = queue.then(async () => {
                for (const source of message.same) await stager.unchanged(source);
                for (const outcome of message.outcomes) await stager.add(outcome);
              });
              queue.catch(reject);
            } else if ('failed' in message) reject(new Error(`a catalog worker failed: ${message.failed}`));
            else void worker.terminate().then(() => queue.then(resolve, reject));
          });
          worker.on('error', reject);
        }),
    ),
  );
  await queue;
}

/** The compiled worker next to this module; absent when running from TypeScript sources (then everything runs here). */
function workerScript(): URL | undefined {
  const url = new URL('./load-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
