// Builds a Catalog from a data folder through the store: every record file is stat'ed; a file whose stat is the
// stored one is not read; a file whose bytes hash as stored is not evaluated; the rest are read, mapped and put
// through the validation gate (in this thread or, for many files, in worker threads on every core), staged in the
// store batch by batch, and then published in one transaction with datestamps that are the commit time.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LdpubError } from '../errors.js';
import { knownExtensions } from '../readers/index.js';
import type { Gate } from '../validate/gate.js';
import { ByteCache } from '../store/cache.js';
import { defaultStorePath, openStore } from '../store/lmdb-store.js';
import { compareSources, sortSources, type CatalogStore, type Entry, type FileState, type StagedFiles, type StoredRefusal, type StoreMeta } from '../store/store.js';
import { Catalog, indexBuilder, nextSnapshot, readIndex } from './catalog.js';
import { EntryArena } from './entry-index.js';
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
  /** Bytes of the in-process representation cache (default DEFAULT_CACHE_BYTES, 64 MiB). */
  cacheBytes?: number;
  /** Files evaluated per staged transaction (default 500). */
  stageBatch?: number;
  /** Called after each staged batch is durable, with the number of files staged so far (progress, and tests). */
  onStaged?: (files: number) => void;
  /** The commit clock, per record (ms); tests give records their own moments. Never earlier than the store's floor. */
  clock?: (id: string) => number;
}

/**
 * A file to read, by its path relative to the data folder (a million of them are held while they are read: no
 * absolute path beside each). `known` is the hash the store holds for it: equal bytes are not evaluated again.
 */
interface Todo {
  source: string;
  known?: string;
}

const silent: CatalogLogger = { info() {}, warn() {} };

/** Lists the record files under `dir` (recursively, skipping dot-folders such as the store), in a stable order. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  return (await listRecordSources(dir)).map((source) => join(dir, source));
}

/**
 * The record files under `dir` as paths relative to it, in `compareSources` order (the store's key order), skipping
 * names that start with a dot (the store's folder among them). Only the names are kept: a million files are a
 * million short strings.
 */
export async function listRecordSources(dir: string): Promise<string[]> {
  const extensions = knownExtensions().map((e) => `.${e}`);
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const folder = rel ? join(dir, rel) : dir;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      throw new LdpubError('LDPUB_IO', `cannot list the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { record: folder });
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const source = rel ? `${rel}${sep}${e.name}` : e.name;
      if (e.isDirectory()) await walk(source);
      else if (e.isFile()) {
        const lower = e.name.toLowerCase();
        if (extensions.some((ext) => lower.endsWith(ext))) out.push(source);
      }
    }
  };
  await walk('');
  return sortSources(out);
}

/** Opens the store the options name. */
export async function storeFor(options: Pick<LoadOptions, 'store' | 'storePath' | 'dataDir' | 'previous'>): Promise<CatalogStore> {
  if (options.store) return options.store;
  const previous = options.previous?.store as CatalogStore | undefined;
  if (previous && 'stage' in previous) return previous;
  return openStore(options.storePath ?? defaultStorePath(options.dataDir));
}

/** Above this many changed or removed files, a reload assembles every file instead of patching the catalog. */
const PATCH_LIMIT = 50_000;

/** What a comparison of the folder with the store found: the files to evaluate and the files gone. */
interface Discovery {
  todo: Todo[];
  /** The stamp of each file to evaluate, taken before it is read. */
  stamps: Map<string, string>;
  removed: string[];
  /** The stored states of the files to evaluate and of the gone ones, when few enough to patch from. */
  before: Map<string, FileState> | undefined;
  /** Files looked at. */
  looked: number;
}

export async function loadCatalog(options: LoadOptions): Promise<Catalog> {
  const { dataDir, base } = options;
  const logger = options.logger ?? silent;
  const t0 = performance.now();
  const gateKey = options.gateKey ?? 'default';
  const store = await storeFor(options);
  const meta = await store.meta();
  let cleared = false;
  if (meta.base !== undefined && meta.base !== base && 'clear' in store) {
    cleared = true;
    logger.warn({ store: store.location, was: meta.base, now: base }, 'the store was made for another base; rebuilding it');
    await (store as CatalogStore & { clear(): Promise<void> }).clear();
    delete meta.base;
    delete meta.earliest;
    delete meta.changed;
    delete meta.obsolete;
    delete meta.snapshot;
  }
  const previous = cleared ? undefined : options.previous;
  // Staged and never published (a crash between the two, or a patch given up): only a full assembly publishes it.
  let patchable = previous !== undefined && !meta.staged;
  if (patchable && options.changed) {
    const found = await discoverNamed(options, store, options.changed, gateKey);
    if (found) {
      const stager = await evaluate(found, options, store, gateKey, true);
      const patched = await applyPatch(found, stager, options, store, meta, previous!, gateKey, logger, t0);
      if (patched) return patched;
    }
    patchable = false;
  }

  const found = await discoverAll(dataDir, store, gateKey, patchable);
  const tStat = performance.now();
  const stager = await evaluate(found, options, store, gateKey, patchable && found.before !== undefined);
  if (patchable && found.before) {
    const patched = await applyPatch(found, stager, options, store, meta, previous!, gateKey, logger, t0);
    if (patched) return patched;
  }
  const tEval = performance.now();
  // What was read is in the store now: the lists of a first ingest (a million names and stamps) can go.
  const evaluatedFiles = found.todo.length;
  found.todo = [];
  found.stamps.clear();

  // Assemble from the stored states, in file order, streamed: no map of every file's state is held.
  const gone = new Set(found.removed);
  const claims = new Claims(logger);
  for await (const rows of store.fileStates()) {
    for (const [source, state] of rows) if (!gone.has(source) && state.gate === gateKey) claims.file(source, state);
  }
  // Without a catalog before this one, the store's entries, packed as they are read (not a million objects).
  const current = previous ? previous.all : (await readIndex(store, base)).iterate('all');
  const cache = previous?.cache ?? new ByteCache(options.cacheBytes);
  // The next index is packed as the merge emits it, in id order: no array of every entry is made.
  const index = indexBuilder(base);
  const { changed, obsolete } = claims.compare(current, meta, store, options.clock, (e) => index.add(e));
  const nextMeta = publishedMeta(meta, base, changed, obsolete);
  const catalog = new Catalog(base, index.finish(), claims.refusals, store, cache, nextMeta);
  await store.publish({ entries: changed, removedFiles: found.removed, refusals: claims.refusals, meta: nextMeta, obsolete: purgeable(meta, catalog) });
  logger.info({ ...catalog.counts(), dataDir, workers: stager.workers, evaluated: stager.evaluated, unchanged: found.looked - evaluatedFiles + stager.same, changed: changed.length, ms: { stat: Math.round(tStat - t0), evaluate: Math.round(tEval - tStat), publish: Math.round(performance.now() - tEval) } }, 'catalog loaded');
  return catalog;
}

/**
 * Compares the whole folder with the store: a merge of the sorted listing with the stored states, both in one
 * order, so neither side is held as a map. With `keep`, the stored states of changed and gone files are kept for
 * a patch, unless there are more than PATCH_LIMIT of them.
 */
async function discoverAll(dataDir: string, store: CatalogStore, gateKey: string, keep: boolean): Promise<Discovery> {
  const sources = await listRecordSources(dataDir);
  const todo: Todo[] = [];
  const stamps = new Map<string, string>();
  const removed: string[] = [];
  let before: Map<string, FileState> | undefined = keep ? new Map() : undefined;
  const remember = (source: string, state: FileState) => {
    if (!before) return;
    before.set(source, state);
    if (before.size > PATCH_LIMIT) before = undefined;
  };
  const stored = store.fileStates()[Symbol.asyncIterator]();
  let batch: Array<[string, FileState]> = [];
  let at = 0;
  let lastKey: string | undefined;
  const peek = async (): Promise<[string, FileState] | undefined> => {
    while (at >= batch.length) {
      const next = await stored.next();
      if (next.done) return undefined;
      batch = next.value;
      at = 0;
    }
    const row = batch[at]!;
    if (lastKey !== undefined && compareSources(lastKey, row[0]) >= 0) throw new Error(`the store lists data files out of order (${lastKey}, ${row[0]})`);
    return row;
  };
  const take = () => {
    const row = batch[at++]!;
    lastKey = row[0];
    return row;
  };
  const gone = (row: [string, FileState]) => {
    removed.push(row[0]);
    remember(row[0], row[1]);
  };
  for (let i = 0; i < sources.length; i++) {
    // Synchronous stats in slices, yielding between them: a stat of a cached inode costs a few microseconds, far
    // less than the promise machinery around an asynchronous one (measured: 23.5 s → 6.2 s for a million files),
    // and requests served meanwhile still get a turn between slices.
    if (i % 2_000 === 1_999) await new Promise((resolve) => setImmediate(resolve));
    const source = sources[i]!;
    let row = await peek();
    while (row && compareSources(row[0], source) < 0) {
      gone(take());
      row = await peek();
    }
    const stateBefore = row && row[0] === source ? take()[1] : undefined;
    const path = join(dataDir, source);
    let stamp: string | undefined;
    try {
      stamp = stampOf(statSync(path));
    } catch {
      // Unreadable now: it is evaluated, and refused with the reason, like any other file.
    }
    if (stateBefore && stamp !== undefined && stateBefore.stamp === stamp && stateBefore.gate === gateKey) continue;
    todo.push(stateBefore && stateBefore.gate === gateKey && stateBefore.hash ? { source, known: stateBefore.hash } : { source });
    if (stamp !== undefined) stamps.set(source, stamp);
    if (stateBefore) remember(source, stateBefore);
  }
  for (let row = await peek(); row; row = await peek()) gone(take());
  return { todo, stamps, removed, before, looked: sources.length };
}

/**
 * The files a watcher named, compared with their stored states one by one. Undefined when only a full pass can
 * tell: a named folder, or a gone one that held files.
 */
async function discoverNamed(options: LoadOptions, store: CatalogStore, changedPaths: readonly string[], gateKey: string): Promise<Discovery | undefined> {
  const extensions = knownExtensions().map((e) => `.${e}`);
  const named = new Map<string, string | undefined>();
  for (const name of changedPaths) {
    const source = normalize(name);
    if (source.split(sep).some((part) => part.startsWith('.'))) continue;
    let info;
    try {
      info = statSync(join(options.dataDir, source));
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) return undefined;
    if (!info) {
      if (await store.hasFilesUnder(`${source}${sep}`)) return undefined;
      named.set(source, undefined);
    } else if (info.isFile() && extensions.some((ext) => source.toLowerCase().endsWith(ext))) named.set(source, stampOf(info));
  }
  const before = new Map<string, FileState>();
  const todo: Todo[] = [];
  const stamps = new Map<string, string>();
  const removed: string[] = [];
  for (const [source, stamp] of named) {
    const state = await store.fileState(source);
    if (state) before.set(source, state);
    if (stamp === undefined) {
      if (state) removed.push(source);
      continue;
    }
    if (state && state.stamp === stamp && state.gate === gateKey) continue;
    todo.push(state && state.gate === gateKey && state.hash ? { source, known: state.hash } : { source });
    stamps.set(source, stamp);
  }
  return { todo, stamps, removed, before, looked: named.size };
}

/** Reads, hashes and evaluates the files to evaluate (in worker threads for many), staging each batch. */
async function evaluate(found: Discovery, options: LoadOptions, store: CatalogStore, gateKey: string, keep: boolean): Promise<Stager> {
  const stager = new Stager(store, found.stamps, gateKey, options.stageBatch ?? 500, options.onStaged, keep);
  const script = workerScript();
  const { todo } = found;
  const workers = script && todo.length >= (options.parallelThreshold ?? 2000) ? Math.min(options.workers ?? 1, todo.length) : 1;
  stager.workers = workers;
  if (script && workers > 1) await loadInWorkers(script, todo, workers, options, stager);
  else await loadHere(todo, options, stager);
  await stager.flush();
  return stager;
}

/** The metadata after publishing `changed`: newest change, datestamp floor, earliest datestamp, snapshot. */
function publishedMeta(meta: StoreMeta, base: string, changed: EntryArena, obsolete: StoreMeta['obsolete']): StoreMeta {
  const next: StoreMeta = { ...meta, base, obsolete };
  delete next.staged;
  if (changed.length) {
    // A loop, not Math.max(...spread): a million arguments overflow the stack.
    let newest = meta.changed ?? 0;
    let oldest = Infinity;
    for (const e of changed) {
      if (e.datestamp > newest) newest = e.datestamp;
      if (e.datestamp < oldest) oldest = e.datestamp;
    }
    next.changed = newest;
    next.floor = Math.max(meta.floor ?? 0, newest);
    next.earliest ??= oldest;
  }
  next.snapshot = nextSnapshot(base, meta.snapshot, changed);
  return next;
}

/** Versions the last publication replaced that no request can be reading any more, unless published again. */
function purgeable(meta: StoreMeta, catalog: Catalog): Array<{ id: string; version: string }> {
  return (meta.obsolete ?? []).filter((o) => catalog.entry(o.id)?.version !== o.version);
}

/**
 * Publishes what the evaluated and gone files changed by patching the previous catalog, in time proportional to
 * them. Undefined when an id they had or have is another file's too (the first file in order wins an id, which
 * only a pass over every file decides); their states are staged then, and the full assembly publishes them.
 */
async function applyPatch(
  found: Discovery,
  stager: Stager,
  options: LoadOptions,
  store: CatalogStore,
  meta: StoreMeta,
  previous: Catalog,
  gateKey: string,
  logger: CatalogLogger,
  t0: number,
): Promise<Catalog | undefined> {
  const before = found.before!;
  const tEval = performance.now();
  const affected = new Map<string, FileState | undefined>();
  for (const [source, state] of stager.kept) if (state.hash !== before.get(source)?.hash || state.gate !== before.get(source)?.gate) affected.set(source, state);
  for (const source of found.removed) affected.set(source, undefined);

  // Ids touched by the change, before and after: any of them shared with another file needs the full pass.
  const ids = new Set<string>();
  for (const source of affected.keys()) for (const r of before.get(source)?.records ?? []) ids.add(r.id);
  for (const state of affected.values()) {
    const own = new Set<string>();
    for (const r of state?.records ?? []) {
      if (own.has(r.id)) return undefined;
      own.add(r.id);
      ids.add(r.id);
    }
  }
  for (const id of ids) {
    const e = previous.entry(id);
    if (e && !e.deleted && !affected.has(e.source)) return undefined;
  }
  if (previous.refused.some((r) => r.code === 'LDPUB_DUPLICATE_ID' && (affected.has(r.source) || (r.id !== undefined && ids.has(r.id))))) return undefined;

  const claims = new Claims(logger);
  for (const [source, state] of affected) if (state && state.gate === gateKey) claims.file(source, state);
  const current: Entry[] = [];
  for (const id of ids) {
    const e = previous.entry(id);
    if (e) current.push(e);
  }
  current.sort((a, b) => (a.id < b.id ? -1 : 1));
  const { changed, obsolete } = claims.compare(current, meta, store, options.clock);
  // The refusals of the other files stay, in file order, with those of the changed files in their place.
  const refusals = affected.size ? [...previous.refused.filter((r) => !affected.has(r.source)), ...claims.refusals] : [...previous.refused];
  if (affected.size) refusals.sort((a, b) => compareSources(a.source, b.source));
  const nextMeta = publishedMeta(meta, options.base, changed, obsolete);
  const catalog = changed.length || affected.size ? previous.patched([...changed], refusals, nextMeta) : previous;
  await store.publish({ entries: changed, removedFiles: found.removed, refusals, meta: nextMeta, obsolete: purgeable(meta, catalog) });
  logger.info({ ...catalog.counts(), dataDir: options.dataDir, evaluated: stager.evaluated, unchanged: found.looked - affected.size, changed: changed.length, patched: affected.size, ms: { compare: Math.round(tEval - t0), publish: Math.round(performance.now() - tEval) } }, 'catalog loaded');
  return catalog;
}

function stampOf(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

/** Turns evaluated files into stored state and writes them in batches: each batch is durable once written. */
class Stager {
  private batch: StagedFiles = { files: [], versions: [], representations: [] };
  private size = 0;
  private staged = 0;
  evaluated = 0;
  same = 0;
  workers = 1;
  /** The states put, when asked to keep them (a scoped reload patches from them). */
  readonly kept = new Map<string, FileState>();

  constructor(
    private readonly store: CatalogStore,
    private readonly stamps: ReadonlyMap<string, string>,
    private readonly gate: string,
    private readonly batchSize: number,
    private readonly onStaged?: (files: number) => void,
    private readonly keep = false,
  ) {}

  /** A file whose bytes hash as stored: only its stamp is new. */
  async unchanged(source: string): Promise<void> {
    const state = await this.store.fileState(source);
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
    if (this.keep) this.kept.set(source, state);
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
 * Takes files in file order: claims what passes the gate for its file (the first file wins an id), refuses the
 * rest, then compares with what is published: new and changed records get a datestamp, vanished ones a tombstone.
 * The claimed entries are kept packed (a first ingest claims a million), found by id through a map to their slot.
 */
class Claims {
  readonly refusals: StoredRefusal[] = [];
  private readonly claimed = new EntryArena();
  private readonly desired = new Map<string, number>();

  constructor(private readonly logger: CatalogLogger) {}

  private refuse(r: StoredRefusal): void {
    this.refusals.push(r);
    this.logger.warn({ record: r.source, id: r.id, code: r.code, field: r.field, value: r.value }, `refused: ${r.message}`);
  }

  file(source: string, state: FileState): void {
    if (state.error) {
      this.refuse(state.error);
      return;
    }
    for (const e of state.entryErrors ?? []) this.refuse(e);
    for (const w of state.warnings ?? []) this.logger.warn({ record: source, code: w.code }, `warning: ${w.message}`);
    for (const r of state.records) {
      const other = this.desired.get(r.id);
      if (other !== undefined) {
        this.refuse({ source, id: r.id, code: 'LDPUB_DUPLICATE_ID', message: `the id is already used by ${this.claimed.get(other).source}`, field: 'id', value: r.id });
        continue;
      }
      if (!r.publishable) {
        this.refuse(r.refusal ?? { source, id: r.id, code: 'LDPUB_INVALID_RECORD', message: 'does not conform to the shapes' });
        continue;
      }
      const e: Entry = { id: r.id, version: r.version, datestamp: 0, source, warnings: r.warnings, ntBytes: r.ntBytes, stats: r.stats };
      if (r.title !== undefined) e.title = r.title;
      this.desired.set(r.id, this.claimed.push(e));
    }
  }

  /**
   * Compares the claimed records with `current` (the published entries they may replace, sorted by id), in one
   * merge in id order. `emit` is given every entry of the result in id order (the whole published set when
   * `current` was all of it: the next index); `changed` is what to write, `obsolete` the versions replaced.
   */
  compare(current: Iterable<Entry>, meta: StoreMeta, store: CatalogStore, clock: ((id: string) => number) | undefined, emit: (e: Entry) => void = () => {}) {
    const floor = Math.max(meta.floor ?? 0, store.responseFloor);
    const now = Date.now();
    const stampOf = (id: string) => Math.max(clock ? clock(id) : now, floor);
    const changed = new EntryArena();
    const obsolete: Array<{ id: string; version: string }> = [];
    const ids = [...this.desired.keys()];
    let sorted = true;
    for (let i = 1; i < ids.length && sorted; i++) if (!(ids[i - 1]! < ids[i]!)) sorted = false;
    if (!sorted) ids.sort((a, b) => (a < b ? -1 : 1));
    const claim = (id: string): Entry => {
      const slot = this.desired.get(id)!;
      this.claimed.setDatestamp(slot, stampOf(id));
      return this.claimed.get(slot);
    };
    const add = (e: Entry) => {
      changed.push(e);
      emit(e);
    };
    let k = 0;
    let previousId: string | undefined;
    for (const cur of current) {
      if (previousId !== undefined && !(previousId < cur.id)) throw new Error(`published entries out of order: ${previousId} before ${cur.id}`);
      previousId = cur.id;
      while (k < ids.length && ids[k]! < cur.id) add(claim(ids[k++]!));
      const slot = k < ids.length && ids[k] === cur.id ? this.desired.get(ids[k++]!) : undefined;
      if (slot !== undefined && !cur.deleted && cur.version === this.claimed.version(slot)) {
        emit(cur);
        continue;
      }
      if (!cur.deleted) obsolete.push({ id: cur.id, version: cur.version });
      if (slot !== undefined) add(claim(cur.id));
      else if (cur.deleted) emit(cur);
      else {
        const tomb: Entry = { id: cur.id, version: '', datestamp: stampOf(cur.id), source: cur.source, deleted: true };
        if (cur.title !== undefined) tomb.title = cur.title;
        add(tomb);
      }
    }
    while (k < ids.length) add(claim(ids[k++]!));
    return { obsolete, changed };
  }
}

/** Reads a batch of files at once, then hashes and evaluates them in listing order. */
async function loadHere(files: readonly Todo[], options: LoadOptions, stager: Stager): Promise<void> {
  const concurrency = options.concurrency ?? 64;
  for (let i = 0; i < files.length; i += concurrency) {
    const batch = await Promise.all(
      files.slice(i, i + concurrency).map(async ({ source, known }) => {
        const path = join(options.dataDir, source);
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
async function loadInWorkers(script: URL, files: readonly Todo[], count: number, options: LoadOptions, stager: Stager): Promise<void> {
  const size = Math.ceil(files.length / count);
  const shares = Array.from({ length: count }, (_, i) => [i * size, Math.min(files.length, (i + 1) * size)] as const);
  // Staging is serialised: batches from both workers go to the store one after the other.
  let queue = Promise.resolve();
  await Promise.all(
    shares.map(
      ([from, to]) =>
        new Promise<void>((resolve, reject) => {
          // Absolute paths only for the worker's copy of its share, made as it starts.
          const share = files.slice(from, to).map(({ source, known }) => (known ? { path: join(options.dataDir, source), source, known } : { path: join(options.dataDir, source), source }));
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
