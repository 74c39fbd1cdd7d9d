// Runs exactly what a load worker does per file (evaluatePacked: read, map, validate, write N-Triples, encode and
// deflate) on generated records, one record a file, with nothing else in the process; reports CPU µs per record.
//   npm run build && node dist/bench/profile-ingest.js [COUNT] [ROUNDS] [--stages] [--post] [--read]
//   node --cpu-prof --cpu-prof-dir=bench/results dist/bench/profile-ingest.js 3000
//   node dist/bench/profile-summary.js bench/results/<file>.cpuprofile
// `--stages` also times each step alone (CPU µs per record), on the same records, after the whole-path rounds;
// `--post` times what a worker's batch message costs: structured clone out and in (both in this thread).
// `--read` times reading each record's file as a worker does, synchronously and with fs/promises.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile as readFileAsync } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { contentHash, evaluatePacked, type PackedOutcome } from '../src/catalog/evaluate.js';
import { publishedQuads } from '../src/catalog/published.js';
import { writeNTriples } from '../src/formats/turtle.js';
import { readFile } from '../src/readers/index.js';
import { mapRecord } from '../src/rdf/map-record.js';
import { recordIri } from '../src/rdf/iris.js';
import { encodeBody, encodeVersion } from '../src/store/codec.js';
import { loadGate } from '../src/validate/gate.js';
import { generateRecord } from './generate.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const stages = process.argv.includes('--stages');
const post = process.argv.includes('--post');
const readFiles = process.argv.includes('--read');
const count = Number(args[0] ?? 3000);
const rounds = Number(args[1] ?? 1);
const base = 'https://example.org/';
const files = Array.from({ length: count }, (_, i) => {
  const { id, text } = generateRecord(i, 1);
  return { source: `${id}.txt`, bytes: Buffer.from(text, 'utf8') };
});
const gate = await loadGate();
// A warm-up pass over a few records, so the figure is not the JIT's first compile.
for (const f of files.slice(0, Math.min(200, count))) evaluatePacked(f.bytes, f.source, contentHash(f.bytes), base, gate);

/** CPU µs per record of `fn` run once over every item (user + system, the whole process: GC threads included). */
function cpuPer<T>(items: readonly T[], fn: (item: T) => void): number {
  const cpu0 = process.cpuUsage();
  for (const item of items) fn(item);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / items.length;
}

let best = Infinity;
for (let r = 0; r < rounds; r++) {
  let published = 0;
  const t0 = performance.now();
  const us = cpuPer(files, (f) => {
    const out = evaluatePacked(f.bytes, f.source, contentHash(f.bytes), base, gate);
    if (!('error' in out)) for (const rec of out.records) if (rec.publishable) published++;
  });
  const ms = performance.now() - t0;
  best = Math.min(best, us);
  process.stdout.write(
    `${count} records in ${(ms / 1000).toFixed(2)} s wall (${Math.round((count * 1000) / ms)} rec/s); CPU ${us.toFixed(0)} µs/record (${Math.round(1e6 / us)} rec/s per core); ${published} publishable\n`,
  );
}
if (rounds > 1) process.stdout.write(`best CPU ${best.toFixed(0)} µs/record\n`);

if (stages) {
  const read = files.map((f) => ({ ...f, record: readFile(f.bytes, f.source).records[0]! }));
  const mapped = read.map((f) => {
    const id = f.source.replace(/\.txt$/, '');
    const iri = recordIri(base, id);
    return { ...f, id, iri, quads: mapRecord(f.record, { iri, blankPrefix: `${id}-` }) };
  });
  const reports = mapped.map((m) => gate(m.quads));
  const published = mapped.map((m) => publishedQuads(m.record, m.id, m.iri, base));
  const nts = published.map((q) => writeNTriples(q));
  const rows: [string, number][] = [
    ['hash the file', cpuPer(files, (f) => contentHash(f.bytes))],
    ['read (decode, parse, normalise)', cpuPer(files, (f) => readFile(f.bytes, f.source))],
    ['map', cpuPer(mapped, (m) => mapRecord(m.record, { iri: m.iri, blankPrefix: `${m.id}-` }))],
    ['validate', cpuPer(mapped, (m) => gate(m.quads))],
    ['published quads (mapped again)', cpuPer(mapped, (m) => publishedQuads(m.record, m.id, m.iri, base))],
    ['write N-Triples', cpuPer(published, (q) => writeNTriples(q))],
    ['encode version (JSON, hash, deflate)', cpuPer(mapped, (m) => {
      const i = mapped.indexOf(m);
      encodeVersion({ id: m.id, source: m.source, iri: m.iri, record: m.record, report: reports[i]!, stats: { triples: m.quads.length + 1, entities: 1 } });
    })],
    ['encode N-Triples (UTF-8, deflate)', cpuPer(nts, (nt) => encodeBody(Buffer.from(nt, 'utf8')))],
  ];
  for (const [name, us] of rows) process.stdout.write(`${name.padEnd(40)} ${us.toFixed(0).padStart(6)} µs/record\n`);
  process.stdout.write(`${'sum'.padEnd(40)} ${rows.reduce((a, [, us]) => a + us, 0).toFixed(0).padStart(6)} µs/record\n`);
}

if (post) {
  // As src/catalog/load-worker.ts posts: batches of 250 outcomes.
  const outcomes: PackedOutcome[] = files.map((f) => evaluatePacked(f.bytes, f.source, contentHash(f.bytes), base, gate));
  const { port1, port2 } = new MessageChannel();
  const batches: PackedOutcome[][] = [];
  for (let i = 0; i < outcomes.length; i += 250) batches.push(outcomes.slice(i, i + 250));
  const us = cpuPer(batches, (batch) => {
    port1.postMessage({ outcomes: batch, same: [] });
    receiveMessageOnPort(port2);
  }) / 250;
  port1.close();
  process.stdout.write(`${'post + receive a batch message'.padEnd(40)} ${us.toFixed(1).padStart(6)} µs/record\n`);
}

if (readFiles) {
  // A worker's read of each file, one after the other, synchronous and asynchronous, on files just written (so in
  // the page cache, as a folder being published usually is). CPU of the whole process: libuv's pool threads too.
  const dir = mkdtempSync(join(tmpdir(), 'ldpub-read-'));
  try {
    const paths = files.map((f) => {
      const path = join(dir, f.source);
      writeFileSync(path, f.bytes);
      return path;
    });
    const half = paths.length >> 1;
    const sync = cpuPer(paths.slice(0, half), (p) => readFileSync(p));
    const cpu0 = process.cpuUsage();
    for (const p of paths.slice(half)) await readFileAsync(p);
    const cpu = process.cpuUsage(cpu0);
    const async = (cpu.user + cpu.system) / (paths.length - half);
    process.stdout.write(`${'read a file, synchronously'.padEnd(40)} ${sync.toFixed(0).padStart(6)} µs/record\n`);
    process.stdout.write(`${'read a file, fs/promises readFile'.padEnd(40)} ${async.toFixed(0).padStart(6)} µs/record\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
