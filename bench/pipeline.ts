// Pipeline throughput: records per second for each stage and end to end, on one thread and on every core.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { allFormats } from '../src/formats/registry.js';
import type { Record } from '../src/model/record.js';
import { mapRecord } from '../src/rdf/map-record.js';
import { recordIri } from '../src/rdf/iris.js';
import { readRecords } from '../src/readers/index.js';
import { loadGate } from '../src/validate/gate.js';
import { isPublishable } from '../src/validate/report.js';
import { generateRecords } from './generate.js';
import { BASE, ingest } from './lib/ingest-core.js';
import type { IngestTally } from './lib/ingest-core.js';
import { notMeasured } from './lib/report.js';
import type { Row } from './lib/report.js';
import { now, perSecond } from './lib/stats.js';
import { validationSection } from './validation.js';

const AREA = 'pipeline';

function rateRow(measure: string, count: number, ms: number, detail: string): Row {
  return { area: AREA, measure, value: perSecond(count, ms), unit: 'rec/s', detail: `${count} in ${(ms / 1000).toFixed(2)} s; ${detail}` };
}

export interface PipelineOutcome {
  rows: Row[];
  endToEndOneCore: number | null;
  endToEndAllCores: number | null;
  /** Validation alone with the compiled engine, one thread. */
  validationOneCore: number | null;
  /** The same two figures by the process's CPU time: what one core does when the machine is shared. */
  endToEndOneCoreCpu: number | null;
  validationOneCoreCpu: number | null;
}

/** `serializeCount` bounds the records each format serializes: the slow serializers would otherwise dominate the run. */
export async function pipelineSection(count: number, seed: number, serializeCount: number): Promise<PipelineOutcome> {
  const rows: Row[] = [];
  const texts = [...generateRecords({ count, seed })];
  const gate = await loadGate();

  let t0 = now();
  const records: { id: string; record: Record }[] = [];
  for (const t of texts) {
    try {
      for (const record of readRecords(t.text, `${t.id}.txt`)) records.push({ id: t.id, record });
    } catch {
      /* counted below as unreadable */
    }
  }
  rows.push(rateRow('read', texts.length, now() - t0, `${texts.length - records.length} unreadable`));

  t0 = now();
  const mapped: { id: string; record: Record; quads: Quad[] }[] = [];
  for (const r of records) mapped.push({ ...r, quads: mapRecord(r.record, { iri: recordIri(BASE, r.id), blankPrefix: `${r.id}-` }) });
  const mapMs = now() - t0;
  const triples = mapped.reduce((n, m) => n + m.quads.length, 0);
  rows.push(rateRow('map', mapped.length, mapMs, `${(triples / Math.max(1, mapped.length)).toFixed(0)} triples/record`));
  t0 = now();
  for (const m of mapped) new Writer({ format: 'N-Triples' }).addQuads(m.quads);
  rows.push(rateRow('n3 Writer alone (reference)', mapped.length, now() - t0, 'the writer library on the same quads, no ldpub code'));

  t0 = now();
  const valid = mapped.filter((m) => isPublishable(gate(m.quads)));
  rows.push(rateRow('validate', mapped.length, now() - t0, `${mapped.length - valid.length} refused; one cold pass, the gate as ingest uses it`));
  const validation = await validationSection(mapped.map((m) => m.quads), Math.min(mapped.length, 2000));
  rows.push(...validation.rows);

  const sample = valid.slice(0, serializeCount);
  if (sample.length === 0) rows.push(notMeasured(AREA, 'serialize (each format)', 'rec/s', 'no validated records to serialize'));
  else {
    for (const f of allFormats()) {
      t0 = now();
      let bytes = 0;
      for (const m of sample) bytes += (await f.serialize({ ...m, iri: recordIri(BASE, m.id), base: BASE, params: {} })).length;
      rows.push(rateRow(`serialize ${f.extension || f.key}`, sample.length, now() - t0, `${(bytes / sample.length / 1024).toFixed(1)} KiB/record`));
    }
  }

  t0 = now();
  const c0 = process.cpuUsage();
  const tally = ingest(texts, gate);
  const oneMs = now() - t0;
  const cpu = process.cpuUsage(c0);
  const oneCpuMs = (cpu.user + cpu.system) / 1000;
  rows.push(
    rateRow(
      'end to end, 1 thread',
      texts.length,
      oneMs,
      `read+map+validate; ${tally.publishable} publishable, ${tally.refused} refused; by CPU time ${Math.round(perSecond(texts.length, oneCpuMs))} rec/s`,
    ),
  );
  const all = await allCores(texts.length, seed);
  rows.push(rateRow(`end to end, ${all.threads} worker threads`, texts.length, all.ms, `wall time from start signal; ${all.tally.publishable} publishable`));
  return {
    rows,
    endToEndOneCore: perSecond(texts.length, oneMs),
    endToEndOneCoreCpu: perSecond(texts.length, oneCpuMs),
    validationOneCoreCpu: validation.compiledPerCpuSecond,
    endToEndAllCores: perSecond(texts.length, all.ms),
    validationOneCore: validation.compiledPerSecond,
  };
}

/** Splits the records over one worker per core; times from the start signal (after every worker has loaded) to the last finish. */
async function allCores(count: number, seed: number): Promise<{ threads: number; ms: number; tally: IngestTally }> {
  const threads = os.availableParallelism();
  const share = Math.ceil(count / threads);
  const workers = Array.from({ length: threads }, (_, i) => {
    const start = i * share;
    return new Worker(new URL('./pipeline-worker.js', import.meta.url), {
      workerData: { seed, start, count: Math.max(0, Math.min(share, count - start)), invalidRate: 0.01 },
    });
  });
  const message = (w: Worker, type: string): Promise<{ ms: number; tally: IngestTally }> =>
    new Promise((resolve, reject) => {
      const on = (m: { type: string; ms: number; tally: IngestTally }): void => {
        if (m.type === type) { w.off('message', on); resolve(m); }
      };
      w.on('message', on);
      w.once('error', reject);
    });
  try {
    await Promise.all(workers.map((w) => message(w, 'ready')));
    const t0 = now();
    const done = workers.map((w) => message(w, 'done'));
    for (const w of workers) w.postMessage('go');
    const results = await Promise.all(done);
    const ms = now() - t0;
    const tally = results.reduce<IngestTally>(
      (a, r) => ({ records: a.records + r.tally.records, publishable: a.publishable + r.tally.publishable, refused: a.refused + r.tally.refused, unreadable: a.unreadable + r.tally.unreadable }),
      { records: 0, publishable: 0, refused: 0, unreadable: 0 },
    );
    return { threads, ms, tally };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
