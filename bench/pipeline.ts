// Pipeline throughput: records per second for each stage and end to end, on one thread and on every core.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { Record } from '../src/model/record.js';
import { generateRecords } from './generate.js';
import { ingest } from './lib/ingest-core.js';
import type { IngestTally } from './lib/ingest-core.js';
import type { Pipeline } from './lib/project.js';
import { recordIri } from './lib/project.js';
import { notMeasured } from './lib/report.js';
import type { Row } from './lib/report.js';
import { now, perSecond } from './lib/stats.js';

const AREA = 'pipeline';

function rateRow(measure: string, count: number, ms: number, detail: string): Row {
  return { area: AREA, measure, value: perSecond(count, ms), unit: 'rec/s', detail: `${count} in ${(ms / 1000).toFixed(2)} s; ${detail}` };
}

export interface PipelineOutcome {
  rows: Row[];
  endToEndOneCore: number | null;
  endToEndAllCores: number | null;
}

/** `serializeCount` bounds the records each format serializes: the slow serializers would otherwise dominate the run. */
export async function pipelineSection(p: Pipeline, count: number, seed: number, serializeCount: number): Promise<PipelineOutcome> {
  const rows: Row[] = [];
  const texts = [...generateRecords({ count, seed })];
  if (!p.read.ok) {
    rows.push(notMeasured(AREA, 'read', 'rec/s', p.read.why));
    return { rows, endToEndOneCore: null, endToEndAllCores: null };
  }
  const read = p.read.value;
  let t0 = now();
  const records: { id: string; record: Record }[] = [];
  for (const t of texts) {
    try {
      for (const record of read(t.text, `${t.id}.txt`)) records.push({ id: t.id, record });
    } catch {
      /* counted below as unreadable */
    }
  }
  rows.push(rateRow('read', texts.length, now() - t0, `${texts.length - records.length} unreadable`));

  if (!p.map.ok) rows.push(notMeasured(AREA, 'map', 'rec/s', p.map.why));
  const mapped: { id: string; record: Record; quads: Quad[] }[] = [];
  if (p.map.ok) {
    const map = p.map.value;
    t0 = now();
    for (const r of records) mapped.push({ ...r, quads: map(r.record, { iri: recordIri(r.id), blankPrefix: `${r.id}-` }) });
    const ms = now() - t0;
    const triples = mapped.reduce((n, m) => n + m.quads.length, 0);
    rows.push(rateRow('map', mapped.length, ms, `${(triples / Math.max(1, mapped.length)).toFixed(0)} triples/record`));
    t0 = now();
    for (const m of mapped) new Writer({ format: 'N-Triples' }).addQuads(m.quads);
    rows.push(rateRow('n3 Writer alone (reference)', mapped.length, now() - t0, 'the writer library on the same quads, no ldpub code'));
  }

  if (!p.validator.ok) rows.push(notMeasured(AREA, 'validate', 'rec/s', p.validator.why));
  const valid: typeof mapped = [];
  if (p.validator.ok && mapped.length > 0) {
    const v = p.validator.value;
    t0 = now();
    for (const m of mapped) if (!v.validate(m.quads).results.some((r) => r.severity === 'Violation')) valid.push(m);
    rows.push(rateRow('validate', mapped.length, now() - t0, `${mapped.length - valid.length} refused`));
  }

  if (!p.formats.ok) rows.push(notMeasured(AREA, 'serialize (each format)', 'rec/s', p.formats.why));
  else if (valid.length === 0) rows.push(notMeasured(AREA, 'serialize (each format)', 'rec/s', 'no validated records to serialize'));
  else {
    const sample = valid.slice(0, serializeCount);
    for (const f of p.formats.value) {
      t0 = now();
      let bytes = 0;
      for (const m of sample) bytes += (await f.serialize({ id: m.id, record: m.record, quads: m.quads, iri: recordIri(m.id) })).length;
      rows.push(rateRow(`serialize ${f.ext}`, sample.length, now() - t0, `${(bytes / sample.length / 1024).toFixed(1)} KiB/record`));
    }
  }

  if (!p.map.ok || !p.validator.ok) {
    rows.push(notMeasured(AREA, 'end to end, 1 thread', 'rec/s', 'needs read, map and validate'));
    rows.push(notMeasured(AREA, 'end to end, all cores', 'rec/s', 'needs read, map and validate'));
    return { rows, endToEndOneCore: null, endToEndAllCores: null };
  }
  t0 = now();
  const { tally } = ingest(texts, read, p.map.value, p.validator.value);
  const oneMs = now() - t0;
  rows.push(rateRow('end to end, 1 thread', texts.length, oneMs, `read+map+validate; ${tally.publishable} publishable, ${tally.refused} refused`));
  const all = await allCores(texts.length, seed);
  rows.push(rateRow(`end to end, ${all.threads} worker threads`, texts.length, all.ms, `wall time from start signal; ${all.tally.publishable} publishable`));
  return { rows, endToEndOneCore: perSecond(texts.length, oneMs), endToEndAllCores: perSecond(texts.length, all.ms) };
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
      const on = (m: { type: string; message?: string; ms: number; tally: IngestTally }): void => {
        if (m.type === 'error') reject(new Error(m.message));
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
