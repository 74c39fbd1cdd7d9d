// The first ingest of a data folder runs in a process of its own, and the server then reads the store as a
// restarted one does. The ingest's garbage stays in that process and goes with it: after an in-process first
// ingest of a million records the server held 1.6 GiB of RSS (glibc kept the freed staging buffers, and V8 its
// grown heap), against 0.37 GiB for the same store read by a restart (docs/benchmarks.md).
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { shaclGateKey } from '../catalog/gate-key.js';
import { loadCatalog } from '../catalog/load.js';
import { LdpubError } from '../errors.js';
import { createLogger } from '../server/log.js';
import { openStore } from '../store/lmdb-store.js';
import { loadGate } from '../validate/gate.js';
import type { EngineName } from '../validate/engine-name.js';

export interface IngestRequest {
  dataDir: string;
  storePath: string;
  base: string;
  engine: EngineName;
}

type IngestReply = { ok: true } | { ok: false; line: string };

/**
 * Ingests `dataDir` into the store at `storePath` in a child process, which logs to this one's stdout. Rejects with
 * the child's one-line reason when the ingest fails or the child dies.
 */
export function ingestInChild(request: IngestRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
    let reply: IngestReply | undefined;
    child.on('message', (m: IngestReply) => (reply = m));
    child.on('error', (e) => reject(new Error(`cannot start the ingest process: ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (reply?.ok) resolve();
      else if (reply) reject(new Error(reply.line));
      else reject(new Error(`the ingest process stopped (${signal ?? `exit code ${code}`}) before it finished`));
    });
    child.send(request);
  });
}

/** The child: one request, one reply. It stops when the server that started it goes (the IPC channel closes). */
async function child(request: IngestRequest): Promise<IngestReply> {
  const store = await openStore(request.storePath);
  try {
    const logger = createLogger();
    logger.info({ pid: process.pid, dataDir: request.dataDir }, 'first ingest, in a process of its own');
    const gate = await loadGate({ engine: request.engine });
    // One worker more than cores: a worker blocked on a file not in the page cache leaves its core to another
    // (100,000 files evaluated with 2 workers in 42.5 s warm and 66.8 s cold, with 3 in 40.2 s and 57.5 s, with 4 in
    // 49 s either way; docs/benchmarks.md).
    await loadCatalog({ dataDir: request.dataDir, base: request.base, gate, gateKey: shaclGateKey(), logger, store, workers: availableParallelism() + 1 });
    return { ok: true };
  } finally {
    await store.close();
  }
}

if (process.send && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on('disconnect', () => process.exit(1));
  process.once('message', (request: IngestRequest) => {
    child(request).then(
      (reply) => process.send!(reply, () => process.exit(0)),
      (e: unknown) => process.send!({ ok: false, line: e instanceof LdpubError ? e.toLine() : (e as Error).message } satisfies IngestReply, () => process.exit(1)),
    );
  });
}
