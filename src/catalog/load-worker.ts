// A worker thread of the parallel catalog load: reads its share of the files, hashes them, evaluates those whose
// content changed, and posts the outcomes in batches.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadGate } from '../validate/gate.js';
import type { EngineName } from '../validate/index.js';
import { contentHash, evaluatePacked, packOutcome, unreadable, type PackedOutcome } from './evaluate.js';
import { evaluateStreamedFile, isStreamedFile } from './evaluate-stream.js';

export interface WorkerInput {
  /** `known`: the hash the store holds for the file; equal content is not evaluated again. */
  files: { path: string; source: string; known?: string }[];
  base: string;
  shapesDir?: string;
  engine?: EngineName;
}

/** `same` names files whose content turned out unchanged (only their stamp moved). */
export type WorkerMessage = { outcomes: PackedOutcome[]; same: string[] } | { done: true } | { failed: string };

const BATCH = 250;

async function main(): Promise<void> {
  const { files, base, shapesDir, engine } = workerData as WorkerInput;
  let gate: Awaited<ReturnType<typeof loadGate>> | undefined;
  let batch: PackedOutcome[] = [];
  let same: string[] = [];
  const post = () => {
    parentPort!.postMessage({ outcomes: batch, same } satisfies WorkerMessage);
    batch = [];
    same = [];
  };
  // Read synchronously: this thread has nothing else to do meanwhile, and an asynchronous read of a small file is
  // four round trips to libuv's pool that cost far more than the read (measured on this project's machine: about
  // 300 µs of CPU a file against 20 µs for a synchronous read of a cached one: bench/profile-ingest.ts --read).
  const read = (path: string): Buffer | Error => {
    try {
      return readFileSync(path);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  };
  for (let i = 0; i < files.length; i++) {
    const { path, source, known } = files[i]!;
    if (await isStreamedFile(path)) {
      // A MARC file, read record by record, never whole.
      const outcome = await evaluateStreamedFile(path, source, known, base, (gate ??= await loadGate({ ...(shapesDir ? { shapesDir } : {}), ...(engine ? { engine } : {}) })), false);
      if (outcome === 'same') same.push(source);
      else batch.push(packOutcome(outcome));
      if (batch.length + same.length >= BATCH) post();
      continue;
    }
    const bytes = read(path);
    if (bytes instanceof Error) {
      batch.push(unreadable(source, bytes));
      continue;
    }
    const hash = contentHash(bytes);
    if (known === hash) same.push(source);
    // A bug in evaluation fails the load, as it does in the main thread.
    else batch.push(evaluatePacked(bytes, source, hash, base, (gate ??= await loadGate({ ...(shapesDir ? { shapesDir } : {}), ...(engine ? { engine } : {}) }))));
    if (batch.length + same.length >= BATCH) post();
  }
  post();
  parentPort!.postMessage({ done: true } satisfies WorkerMessage);
}

main().catch((e: unknown) => parentPort!.postMessage({ failed: (e as Error).message } satisfies WorkerMessage));
