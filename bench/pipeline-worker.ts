// A worker thread that ingests its share of the generated records, for the all-cores pipeline figure.
import { parentPort, workerData } from 'node:worker_threads';
import { generateRecord } from './generate.js';
import { ingest } from './lib/ingest-core.js';
import { findPipeline } from './lib/project.js';

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
const p = await findPipeline(texts[0] ?? generateRecord(0));
if (!p.read.ok || !p.map.ok || !p.validator.ok) {
  port.postMessage({ type: 'error', message: 'pipeline incomplete' });
} else {
  const { read, map, validator } = { read: p.read.value, map: p.map.value, validator: p.validator.value };
  ingest(texts.slice(0, Math.min(100, texts.length)), read, map, validator); // warm-up, not counted
  port.postMessage({ type: 'ready' });
  port.once('message', () => {
    const t0 = performance.now();
    const { tally } = ingest(texts, read, map, validator);
    port.postMessage({ type: 'done', ms: performance.now() - t0, tally });
  });
}
