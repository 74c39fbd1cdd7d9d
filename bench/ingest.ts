// Bulk ingest: time and peak RSS to load a large generated catalog through the real loader, and the time to the first answer.
import { forkBench, nextMessage, stopChild } from './lib/child.js';
import type { ChildMessage } from './lib/child.js';
import { writeDataDir } from './lib/data-dir.js';
import { notMeasured } from './lib/report.js';
import type { Row } from './lib/report.js';
import { now } from './lib/stats.js';
import type { DumpMeasure } from './dump.js';

const AREA = 'bulk ingest';
const MiB = 2 ** 20;

interface IngestResult extends ChildMessage {
  loadMs: number;
  first: { ms: number; status: number };
  published: number;
  refused: number;
  rssAfterLoad: number;
  heapAfterGc: number;
  rssAfterGc: number;
  maxRssAfterLoad: number;
}

export interface IngestOutcome {
  rows: Row[];
  loadS: number | null;
  peakRssMiB: number | null;
}

export async function ingestSection(count: number, seed: number, timeoutS: number, dumpTimeoutS: number): Promise<IngestOutcome> {
  const t0 = now();
  const data = writeDataDir(count, seed, 'ingest');
  const writeS = (now() - t0) / 1000;
  const child = forkBench('ingest-child.js', [data.dir, data.validIds[0] ?? ''], ['--expose-gc']);
  let last = { rss: 0, maxRss: 0, ms: 0 };
  child.on('message', (m: ChildMessage) => {
    if (m.type === 'progress') last = m as ChildMessage & typeof last;
  });
  try {
    const dumped = nextMessage<ChildMessage & { dump: DumpMeasure }>(child, (timeoutS + dumpTimeoutS) * 1000, 'dumped').catch((e: Error) => e);
    const r = await nextMessage<IngestResult>(child, timeoutS * 1000, 'loaded');
    const rows: Row[] = [
      { area: AREA, measure: `load ${count.toLocaleString('en-US')} records`, value: r.loadMs / 1000, unit: 's', detail: `read+map+validate by the catalog loader; ${r.published} published, ${r.refused} refused; files written in ${writeS.toFixed(1)} s beforehand` },
      { area: AREA, measure: 'peak RSS of the loading process', value: r.maxRssAfterLoad / MiB, unit: 'MiB', detail: `RSS ${(r.rssAfterLoad / MiB).toFixed(0)} MiB once loaded; after a full GC: heap ${(r.heapAfterGc / MiB).toFixed(0)} MiB, RSS ${(r.rssAfterGc / MiB).toFixed(0)} MiB` },
    ];
    rows.push({ area: AREA, measure: 'time to first answered request', value: r.first.ms / 1000, unit: 's', detail: `from the start of loading to the first GET /record/{id}.ttl answer (${r.first.status})` });
    const got = await dumped;
    if (got instanceof Error) rows.push(notMeasured(AREA, 'dump.nt streaming, RSS growth', 'MiB', `the dump did not finish: ${got.message}`));
    else {
      const d = got.dump;
      rows.push({ area: AREA, measure: 'dump.nt streaming, RSS growth', value: d.growth / MiB, unit: 'MiB', detail: `${(d.bytes / MiB).toFixed(0)} MiB streamed in ${(d.ms / 1000).toFixed(1)} s; RSS ${(d.rssBefore / MiB).toFixed(0)} → ${(d.rssPeak / MiB).toFixed(0)} MiB` });
    }
    return { rows, loadS: r.loadMs / 1000, peakRssMiB: r.maxRssAfterLoad / MiB };
  } catch (e) {
    const why = `failed: ${(e as Error).message}; by then ${(last.ms / 1000).toFixed(0)} s in, RSS ${(last.rss / MiB).toFixed(0)} MiB (peak ${(last.maxRss / MiB).toFixed(0)} MiB)`;
    return { rows: [notMeasured(AREA, `load ${count.toLocaleString('en-US')} records`, 's', why)], loadS: null, peakRssMiB: null };
  } finally {
    await stopChild(child);
    data.remove();
  }
}
