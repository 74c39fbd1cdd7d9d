// Builds a Catalog from a data folder: every record file is read, mapped and put through the validation gate,
// in this thread or, for large folders, in worker threads on every core. Either way the outcome is the same.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { knownExtensions } from '../readers/index.js';
import { isPublishable } from '../validate/report.js';
import type { Gate } from '../validate/gate.js';
import { Catalog, type Refusal, type SourceFile } from './catalog.js';
import { evaluateFile, unreadable, type FileOutcome } from './evaluate.js';
import type { WorkerInput, WorkerMessage } from './load-worker.js';
import { PublishedRecord } from './published.js';

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
  logger?: CatalogLogger;
  /** Files read at once in this thread. */
  concurrency?: number;
  /**
   * Worker threads for a large folder (default 1: none). Workers compile the shapes in `shapesDir` (default: the
   * package's) as their gate, so use them only when `gate` is that same SHACL gate.
   */
  workers?: number;
  shapesDir?: string;
  /** Folders with fewer files than this are loaded in this thread even when workers are allowed (default 2,000). */
  parallelThreshold?: number;
  /** The catalog being replaced: files whose modification time and size are unchanged keep their outcome, unread. */
  previous?: Catalog;
}

interface FileRef {
  path: string;
  source: string;
}

const silent: CatalogLogger = { info() {}, warn() {} };

/** Lists the record files under `dir` (recursively), in a stable order, by the readers' extensions. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  const extensions = knownExtensions().map((e) => `.${e}`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.some((ext) => e.name.toLowerCase().endsWith(ext)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function loadCatalog(options: LoadOptions): Promise<Catalog> {
  const { dataDir, base } = options;
  const logger = options.logger ?? silent;
  const files: FileRef[] = (await listRecordFiles(dataDir)).map((path) => ({ path, source: relative(dataDir, path) || path }));
  const stamps = await stampAll(files, options.concurrency ?? 64);
  const reused = new Map<string, FileOutcome>();
  const todo: FileRef[] = [];
  for (const file of files) {
    const before = options.previous?.files.get(file.source);
    const stamp = stamps.get(file.source);
    if (before && stamp !== undefined && before.stamp === stamp) reused.set(file.source, before.outcome);
    else todo.push(file);
  }
  const script = workerScript();
  const workers = script && todo.length >= (options.parallelThreshold ?? 2000) ? Math.min(options.workers ?? 1, todo.length) : 1;
  const evaluated = script && workers > 1 ? await loadInWorkers(script, todo, workers, options) : await loadHere(todo, options);
  const assembly = new Assembly(base, logger);
  for (const { source } of files) {
    const outcome = reused.get(source) ?? evaluated.get(source);
    if (outcome) assembly.add(outcome, stamps.get(source));
  }
  const catalog = assembly.finish();
  logger.info({ ...catalog.counts(), dataDir, workers, reused: reused.size }, 'catalog loaded');
  return catalog;
}

/** Each file's modification time and size, the stamp that tells an unchanged file on reload (none when it cannot be read). */
async function stampAll(files: FileRef[], concurrency: number): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  for (let i = 0; i < files.length; i += concurrency * 4) {
    await Promise.all(
      files.slice(i, i + concurrency * 4).map(async ({ path, source }) => {
        try {
          const info = await stat(path);
          stamps.set(source, `${info.mtimeMs}:${info.size}`);
        } catch {
          // Unreadable now: it is evaluated, and refused with the reason, like any other file.
        }
      }),
    );
  }
  return stamps;
}

/** Reads a batch of files at once, then evaluates them in listing order. */
async function loadHere(files: FileRef[], options: LoadOptions): Promise<Map<string, FileOutcome>> {
  const outcomes = new Map<string, FileOutcome>();
  const concurrency = options.concurrency ?? 64;
  for (let i = 0; i < files.length; i += concurrency) {
    const batch = await Promise.all(
      files.slice(i, i + concurrency).map(async ({ path, source }) => {
        try {
          const [text, info] = await Promise.all([readFile(path), stat(path)]);
          return { source, text, mtimeMs: info.mtimeMs };
        } catch (e) {
          return unreadable(source, e);
        }
      }),
    );
    for (const file of batch) {
      outcomes.set(file.source, 'text' in file ? evaluateFile(file.text, file.source, file.mtimeMs, options.base, options.gate) : file);
    }
  }
  return outcomes;
}

/** Splits the files into contiguous shares, one per worker, and collects their outcomes. */
async function loadInWorkers(script: URL, files: FileRef[], count: number, options: LoadOptions): Promise<Map<string, FileOutcome>> {
  const size = Math.ceil(files.length / count);
  const shares = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FileOutcome[]>((resolve, reject) => {
          const input: WorkerInput = { files: share, base: options.base, ...(options.shapesDir ? { shapesDir: options.shapesDir } : {}), ...(options.gate.engine ? { engine: options.gate.engine } : {}) };
          const worker = new Worker(script, { workerData: input });
          const outcomes: FileOutcome[] = [];
          worker.on('message', (message: WorkerMessage) => {
            if ('outcomes' in message) outcomes.push(...message.outcomes);
            else if ('failed' in message) reject(new Error(`a catalog worker failed: ${message.failed}`));
            else void worker.terminate().then(() => resolve(outcomes));
          });
          worker.on('error', reject);
        }),
    ),
  );
  return new Map(results.flat().map((outcome) => [outcome.source, outcome]));
}

/** The compiled worker next to this module; absent when running from TypeScript sources (then everything runs here). */
function workerScript(): URL | undefined {
  const url = new URL('./load-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Takes file outcomes in listing order: publishes what passes the gate, refuses the rest with the file, field and value. */
class Assembly {
  private readonly published: PublishedRecord[] = [];
  private readonly refused: Refusal[] = [];
  private readonly ids = new Map<string, string>();
  private readonly files = new Map<string, SourceFile>();

  constructor(
    private readonly base: string,
    private readonly logger: CatalogLogger,
  ) {}

  add(outcome: FileOutcome, stamp: string | undefined): void {
    const { source } = outcome;
    if (stamp !== undefined) this.files.set(source, { stamp, outcome });
    if ('error' in outcome) {
      this.refuse({ source, ...outcome.error });
      return;
    }
    for (const e of outcome.errors ?? []) this.refuse({ source, ...e });
    for (const w of outcome.warnings ?? []) this.logger.warn({ record: source, code: w.code }, `warning: ${w.message}`);
    const lastModified = new Date(Math.floor(outcome.mtimeMs / 1000) * 1000);
    for (const r of outcome.records) {
      const other = this.ids.get(r.id);
      if (other !== undefined) {
        this.refuse({ source, id: r.id, code: 'LDPUB_DUPLICATE_ID', message: `the id is already used by ${other}`, field: 'id', value: r.id });
        continue;
      }
      if (!isPublishable(r.report)) {
        const first = r.report.results.find((x) => x.severity === 'Violation');
        this.refuse({
          source,
          id: r.id,
          code: 'LDPUB_INVALID_RECORD',
          message: first?.message ?? 'does not conform to the shapes',
          field: first?.field,
          value: first?.value,
          report: r.report,
        });
        continue;
      }
      this.ids.set(r.id, source);
      this.published.push(new PublishedRecord(r.id, source, r.iri, this.base, r.record, r.report, lastModified, r.stats));
    }
  }

  finish(): Catalog {
    return new Catalog(this.base, this.published, this.refused, new Date(), this.files);
  }

  private refuse(r: Refusal): void {
    this.refused.push(r);
    this.logger.warn({ record: r.source, id: r.id, code: r.code, field: r.field, value: r.value }, `refused: ${r.message}`);
  }
}
