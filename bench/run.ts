// `npm run bench [-- --quick]`: measures the pipeline, bulk ingest, serving and the cold path; prints one table, writes JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { negotiableFormats } from '../src/formats/registry.js';
import { citationSection } from './citations.js';
import { coldSection } from './cold.js';
import { ingestSection } from './ingest.js';
import { marcStreamSection } from './marc.js';
import { pipelineSection } from './pipeline.js';
import { servingSection } from './serving.js';
import { forkBench, nextMessage, stopChild } from './lib/child.js';
import type { ChildMessage } from './lib/child.js';
import { writeDataDir } from './lib/data-dir.js';
import { machineInfo } from './lib/machine.js';
import { checkTarget, formatTable } from './lib/report.js';
import type { BenchResult, Row } from './lib/report.js';
import { now } from './lib/stats.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' }, 'store-scale': { type: 'string' }, 'store-data': { type: 'string' }, 'store-skip': { type: 'string' }, sparql: { type: 'boolean', default: false } },
});
if (values.sparql) {
  // Publishing into a private Virtuoso and replicas over it, alone: `npm run bench -- --sparql [--quick]`.
  const { sparqlSection } = await import('./sparql.js');
  const quickRun = values.quick ?? false;
  const sizes = quickRun ? { records: 500, updatesOnly: 30, durationS: 3, connections: 10, cold: 50 } : { records: 2000, updatesOnly: 100, durationS: 8, connections: 10, cold: 200 };
  const started = now();
  const outcome = await sparqlSection(sizes, Number(values.seed));
  const result: BenchResult = { command: `npm run bench -- --sparql${quickRun ? ' --quick' : ''}`, quick: quickRun, startedAt: new Date().toISOString(), durationS: (now() - started) / 1000, machine: machineInfo(), sizes, rows: outcome.rows, targets: [] };
  mkdirSync(new URL('../../bench/results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../bench/results/sparql.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${formatTable(result)}\n`);
  process.exit(0);
}
if (values['store-scale'] !== undefined) {
  // The store at scale, alone: `npm run bench -- --store-scale 100000`; `--store-data DIR` reuses records written
  // before by `node dist/bench/generate-cli.js --count N --out DIR` (only the store in DIR is removed afterwards).
  // `--store-skip crawl,dump` leaves those phases out (a quicker look at ingest, restart and reloads).
  const { storeSection, storeReport } = await import('./store.js');
  const skip = new Set((values['store-skip'] ?? '').split(',').filter(Boolean));
  const started = now();
  const result = await storeSection(Number(values['store-scale']), Number(values.seed), values['store-data'], skip);
  const report: BenchResult = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    quick: false,
    startedAt: new Date().toISOString(),
    durationS: (now() - started) / 1000,
    machine: machineInfo(),
    sizes: { records: result.records },
    ...storeReport(result),
  };
  mkdirSync(new URL('../../bench/results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`../../bench/results/store-${result.records}.json`, import.meta.url), `${JSON.stringify({ startedAt: report.startedAt, ...result, report }, null, 2)}\n`);
  process.stdout.write(`${formatTable(report)}\n`);
  process.exit(0);
}
const quick = values.quick ?? false;
const seed = Number(values.seed);
const sizes = quick
  ? { pipeline: 1_000, serialize: 100, ingest: 2_000, coldPerFormat: 30, durationS: 2, connections: 50, marc: 10_000 }
  : { pipeline: 10_000, serialize: 2_000, ingest: 100_000, coldPerFormat: 300, durationS: 10, connections: 100, marc: 200_000 };

const started = now();
const startedAt = new Date().toISOString();
const rows: Row[] = [];
const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);

log(`pipeline on ${sizes.pipeline} records`);
const pipe = await pipelineSection(sizes.pipeline, seed, sizes.serialize);
rows.push(...pipe.rows);

log(`bulk ingest of ${sizes.ingest} records`);
const ing = await ingestSection(sizes.ingest, seed + 1, quick ? 180 : 1200, quick ? 60 : 600);
rows.push(...ing.rows);

log(`MARC stream of ${sizes.marc} records`);
const marc = await marcStreamSection(sizes.marc, seed + 3);
rows.push(...marc.rows);

// Every format a client can ask for by URL extension.
const exts = negotiableFormats().map((f) => f.extension);
// Enough records for the served one, then a fresh set per format for the cold path, with room for the refused 1%.
const data = writeDataDir(Math.ceil((20 + exts.length * sizes.coldPerFormat) * 1.05) + 20, seed + 2, 'serve');
let ldpubChild: ReturnType<typeof forkBench> | undefined;
try {
  ldpubChild = forkBench('serve-child.js', ['ldpub', data.dir]);
  const server = await nextMessage<ChildMessage & { port: number }>(ldpubChild, 120_000, 'listening').then(
    (m) => ({ port: m.port, data }),
    (e: Error) => ({ why: `the ldpub server did not start: ${e.message}` }),
  );
  log(`serving, ${sizes.durationS} s per run, ${sizes.connections} connections`);
  // The quick run keeps to four formats so it stays under a minute; the full run serves every one.
  const serving = await servingSection(server, quick ? ['html', 'ttl', 'jsonld', 'nt'] : exts, sizes);
  rows.push(...serving.rows);
  log('cold path');
  const cold = await coldSection('port' in server ? { port: server.port, ids: server.data.validIds.slice(20) } : server, exts, sizes.coldPerFormat);
  rows.push(...cold.rows);
  log('formatted citations, warm engines');
  rows.push(...citationSection(quick ? 200 : 1_000, seed + 3));

  const ratios = Object.values(serving.ratios);
  const result: BenchResult = {
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    quick,
    startedAt,
    durationS: (now() - started) / 1000,
    machine: machineInfo(),
    sizes: { ...sizes, seed },
    rows,
    targets: [
      checkTarget('validation alone, one core (compiled engine)', pipe.validationOneCore, 20_000, 'rec/s', true),
      checkTarget('  the same, by CPU time', pipe.validationOneCoreCpu, 20_000, 'rec/s', true),
      checkTarget('end to end, one core', pipe.endToEndOneCore, 3000, 'rec/s', true),
      checkTarget('  the same, by CPU time', pipe.endToEndOneCoreCpu, 3000, 'rec/s', true),
      checkTarget(`load ${sizes.ingest.toLocaleString('en-US')} records${quick ? ' (quick: 100k target scaled)' : ''}`, ing.loadS, quick ? (90 * sizes.ingest) / 100_000 : 90, 's', false),
      checkTarget('peak RSS while loading', ing.peakRssMiB, 2048, 'MiB', false),
      checkTarget('cached ÷ bare, worst format', ratios.length ? Math.min(...ratios) : null, 0.8, '×', true),
      checkTarget('cold path p99, worst format', cold.worstP99, 5, 'ms', false),
    ],
  };
  mkdirSync(new URL('../../bench/results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../bench/results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${formatTable(result)}\n`);
} finally {
  if (ldpubChild) await stopChild(ldpubChild);
  data.remove();
}
