// A worker thread that ingests its share of the generated records, for the all-cores pipeline figure.
import { parentPort, workerData } from 'node:worker_threads';
import { loadGate } from '../src/validate/gate.js';
import { generateRecord } from './generate.js';
import { ingest } from './lib/ingest-core.js';

interface Job {
  seed: number;
  start: number;
  count: number;
  invalidRate: number;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('pipeline-worker runs only as a worker thread');

const texts = Array.from({ length: job.count }, (_, i) => generateRecord(job.start + i, job.seed, job.invalidRate));
const gate = await loadGate();
ingest(texts.slice(0, Math.min(100, texts.length)), gate); // warm-up, not counted
port.postMessage({ type: 'ready' });
port.once('message', () => {
  const t0 = performance.now();
  const tally = ingest(texts, gate);
  port.postMessage({ type: 'done', ms: performance.now() - t0, tally });
});
