// A generated MARCXML collection converted by `ldpub convert` in a child process: records/s and the child's RSS
// over the run, which must stay flat (the file is streamed record by record, never held whole).
// Standalone: `node dist/bench/marc.js [--count N] [--seed S]`.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateRecord } from './generate.js';
import { catalogReader } from '../src/readers/catalog.js';
import { marcRecordXml, recordToMarc } from '../src/formats/marcxml.js';
import type { Row } from './lib/report.js';

export interface MarcStreamMeasure {
  rows: Row[];
  recordsPerS: number;
  peakRssMiB: number;
}

/** Writes `count` generated records as one MARCXML collection; returns its size in bytes. */
async function writeCollection(path: string, count: number, seed: number): Promise<number> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n');
  for (let i = 0; i < count; i++) {
    const g = generateRecord(i, seed, 0);
    const [record] = catalogReader.read(g.text);
    await write(`${marcRecordXml(recordToMarc(record!, g.id), { standalone: false, indent: '  ' })}\n`);
  }
  await write('</collection>\n');
  await new Promise<void>((r) => out.end(r));
  return statSync(path).size;
}

function rssOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return undefined;
  }
}

export async function marcStreamSection(count: number, seed: number): Promise<MarcStreamMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'ldpub-marc-bench-'));
  try {
    const file = join(dir, 'collection.xml');
    const bytes = await writeCollection(file, count, seed);
    const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'convert', file, '--to', 'ntriples', '--no-validate'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let outBytes = 0;
    let records = 0;
    let errors = 0;
    let tail = '';
    // Each record's graph types its work once, on the record IRI (inner nodes have hash IRIs): count records by it.
    const WORK_TYPE = /^<[^#>]*> <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type> /;
    child.stdout.on('data', (c: Buffer) => {
      outBytes += c.length;
      const lines = (tail + c.toString('latin1')).split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) if (WORK_TYPE.test(line)) records++;
    });
    child.stderr.on('data', (c: Buffer) => (errors += c.toString().split('\n').length - 1));
    const samples: { t: number; rss: number }[] = [];
    let peak = 0;
    const timer = setInterval(() => {
      const m = child.pid ? rssOf(child.pid) : undefined;
      if (!m || !Number.isFinite(m.rss)) return;
      samples.push({ t: performance.now() - t0, rss: m.rss });
      peak = Math.max(peak, m.rss, Number.isFinite(m.hwm) ? m.hwm : 0);
    }, 100);
    const code = await new Promise<number | null>((r) => child.on('close', r));
    clearInterval(timer);
    const s = (performance.now() - t0) / 1000;
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))]?.rss ?? NaN;
    const mib = (b: number) => b / 2 ** 20;
    const quarter = mib(at(0.25));
    const end = mib(at(0.99));
    const recordsPerS = records / s;
    return {
      recordsPerS,
      peakRssMiB: mib(peak),
      rows: [
        { area: 'MARC stream', measure: `convert a ${count.toLocaleString('en-US')}-record MARCXML file (${mib(bytes).toFixed(0)} MiB) to N-Triples`, value: recordsPerS, unit: 'rec/s', detail: `${records} records, ${errors} error lines, exit ${code}, ${s.toFixed(1)} s, ${mib(outBytes).toFixed(0)} MiB out` },
        { area: 'MARC stream', measure: 'peak RSS of the convert process', value: mib(peak), unit: 'MiB' },
        { area: 'MARC stream', measure: 'RSS at 25% / 50% / 99% of the run', value: end - quarter, unit: 'MiB growth', detail: `${quarter.toFixed(0)} / ${mib(at(0.5)).toFixed(0)} / ${end.toFixed(0)} MiB` },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '200000' }, seed: { type: 'string', default: '1' } } });
  const m = await marcStreamSection(Number(values.count), Number(values.seed));
  for (const r of m.rows) process.stdout.write(`${r.measure}: ${r.value?.toFixed(1)} ${r.unit}${r.detail ? ` (${r.detail})` : ''}\n`);
}
