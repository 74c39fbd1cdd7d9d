// A worker thread of the parallel catalog load: evaluates its share of the files and posts the outcomes in batches.
import { readFile, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { loadGate } from '../validate/gate.js';
import type { EngineName } from '../validate/index.js';
import { evaluateFile, unreadable, type FileOutcome } from './evaluate.js';

export interface WorkerInput {
  files: { path: string; source: string }[];
  base: string;
  shapesDir?: string;
  engine?: EngineName;
}

export type WorkerMessage = { outcomes: FileOutcome[] } | { done: true } | { failed: string };

const BATCH = 250;

async function main(): Promise<void> {
  const { files, base, shapesDir, engine } = workerData as WorkerInput;
  const gate = await loadGate({ ...(shapesDir ? { shapesDir } : {}), ...(engine ? { engine } : {}) });
  let batch: FileOutcome[] = [];
  for (const { path, source } of files) {
    let file: [Uint8Array, { mtimeMs: number }];
    try {
      file = await Promise.all([readFile(path), stat(path)]);
    } catch (e) {
      batch.push(unreadable(source, e));
      continue;
    }
    // Outside the try: a bug in evaluation fails the load, as it does in the main thread.
    batch.push(evaluateFile(file[0], source, file[1].mtimeMs, base, gate, false));
    if (batch.length >= BATCH) {
      parentPort!.postMessage({ outcomes: batch } satisfies WorkerMessage);
      batch = [];
    }
  }
  parentPort!.postMessage({ outcomes: batch } satisfies WorkerMessage);
  parentPort!.postMessage({ done: true } satisfies WorkerMessage);
}

main().catch((e: unknown) => parentPort!.postMessage({ failed: (e as Error).message } satisfies WorkerMessage));
