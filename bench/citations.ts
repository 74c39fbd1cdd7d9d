// Formatted citations in process: the one-time engine build per style, then the cost of each citation on a warm engine.
import { citationEngineCount, formatCitation, listStyles } from '../src/citation/index.js';
import type { Record } from '../src/model/record.js';
import { readRecords } from '../src/readers/index.js';
import { generateRecords } from './generate.js';
import type { Row } from './lib/report.js';
import { now, percentile } from './lib/stats.js';

const AREA = 'cold path';

/** For each shipped style (en-US): the first citation (engine build), then p50/p99 over `count` other records. */
export function citationSection(count: number, seed: number): Row[] {
  const records: { id: string; record: Record }[] = [];
  for (const t of generateRecords({ count: count + 1, seed })) {
    try {
      for (const record of readRecords(t.text, `${t.id}.txt`)) records.push({ id: t.id, record });
    } catch {
      /* an unreadable generated record is simply not cited */
    }
  }
  const rows: Row[] = [];
  const ctx = (id: string) => ({ id, uri: `https://bench.example/record/${id}` });
  for (const style of listStyles()) {
    const [first, ...rest] = records;
    if (!first) break;
    let t0 = now();
    formatCitation(first.record, ctx(first.id), { style });
    const buildMs = now() - t0;
    // Warm-up: let the JIT settle on this style's paths before anything is recorded.
    for (const r of rest.slice(0, 50)) formatCitation(r.record, ctx(r.id), { style });
    const samples: number[] = [];
    for (const r of rest) {
      t0 = now();
      formatCitation(r.record, ctx(r.id), { style });
      samples.push(now() - t0);
    }
    rows.push({
      area: AREA,
      measure: `citation ${style}, warm engine, p50`,
      value: Number(percentile(samples, 50).toFixed(3)),
      unit: 'ms',
      detail: `p99 ${percentile(samples, 99).toFixed(3)} ms over ${samples.length} records; engine built on first use in ${buildMs.toFixed(0)} ms`,
    });
  }
  rows.push({ area: AREA, measure: 'citeproc engines built', value: citationEngineCount(), unit: '', detail: 'one per style and locale used, reused for every record' });
  return rows;
}
