// Runs the ingest pipeline (read, map, validate) on generated records with nothing else in the process, for `node --cpu-prof`.
// node --cpu-prof --cpu-prof-dir=bench/results dist/bench/profile-pipeline.js [COUNT] && node dist/bench/profile-summary.js bench/results/*.cpuprofile
import { loadGate } from '../src/validate/gate.js';
import { generateRecords } from './generate.js';
import { ingest } from './lib/ingest-core.js';

const count = Number(process.argv[2] ?? 3000);
const texts = [...generateRecords({ count, seed: 1 })];
const gate = await loadGate();
const t0 = performance.now();
const tally = ingest(texts, gate);
const ms = performance.now() - t0;
process.stdout.write(`${count} records in ${(ms / 1000).toFixed(2)} s (${Math.round((count * 1000) / ms)} rec/s); ${tally.publishable} publishable\n`);
