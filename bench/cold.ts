// The cold path: the first request for a record in each format (nothing cached for it), one request at a time.
import { notMeasured } from './lib/report.js';
import type { Row } from './lib/report.js';
import { now, percentile } from './lib/stats.js';

const AREA = 'cold path';

async function timedGet(url: string): Promise<{ ms: number; ok: boolean }> {
  const t0 = now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { ms: now() - t0, ok: res.ok };
}

export interface ColdOutcome {
  rows: Row[];
  /** Worst p99 over the formats, in ms. */
  worstP99: number | null;
}

/**
 * For each format, requests `perFormat` records never requested before (disjoint sets per format), then the same number of
 * requests for one record already cached in that format, as the floor: the difference is the cost of the first serialization.
 * Latency is measured by the client over loopback HTTP, so it includes the request round trip.
 */
export async function coldSection(ldpub: { port: number; ids: readonly string[] } | { why: string }, exts: readonly string[], perFormat: number): Promise<ColdOutcome> {
  if (!('port' in ldpub)) return { rows: [notMeasured(AREA, 'first request, each format', 'ms', ldpub.why)], worstP99: null };
  const rows: Row[] = [];
  let worst = 0;
  const base = `http://127.0.0.1:${ldpub.port}/record`;
  for (const [i, ext] of exts.entries()) {
    const ids = ldpub.ids.slice(i * perFormat, (i + 1) * perFormat);
    if (ids.length < perFormat) {
      rows.push(notMeasured(AREA, `first ${ext}`, 'ms', `only ${ids.length} fresh records left`));
      continue;
    }
    const cold: number[] = [];
    let failed = 0;
    for (const id of ids) {
      const r = await timedGet(`${base}/${id}.${ext}`);
      if (r.ok) cold.push(r.ms);
      else failed++;
    }
    const warm: number[] = [];
    const cachedId = ids[0] as string;
    for (let k = 0; k < perFormat; k++) warm.push((await timedGet(`${base}/${cachedId}.${ext}`)).ms);
    const p99 = percentile(cold, 99);
    worst = Math.max(worst, p99);
    rows.push({
      area: AREA,
      measure: `first ${ext}, p99`,
      value: p99,
      unit: 'ms',
      detail: `p50 ${percentile(cold, 50).toFixed(2)} ms over ${cold.length} records${failed ? ` (${failed} refused)` : ''}; cached: p50 ${percentile(warm, 50).toFixed(2)}, p99 ${percentile(warm, 99).toFixed(2)} ms`,
    });
  }
  return { rows, worstP99: rows.some((r) => r.value !== null) ? worst : null };
}
