// Serving as ratios: a cached record from ldpub's app against a bare Express handler with a body of the same size, same load.
import type { ChildProcess } from 'node:child_process';
import { forkBench, nextMessage, stopChild } from './lib/child.js';
import type { ChildMessage } from './lib/child.js';
import type { DataDir } from './lib/data-dir.js';
import type { LoadResult } from './load-child.js';
import type { BareBody } from './serve-child.js';
import { notMeasured } from './lib/report.js';
import type { Row } from './lib/report.js';

const AREA = 'serving';

export interface LoadSettings {
  durationS: number;
  connections: number;
}

export interface ServingOutcome {
  rows: Row[];
  /** ldpub ÷ bare req/s per format extension. */
  ratios: { [ext: string]: number };
}

type Listening = ChildMessage & { port: number };

async function load(loader: ChildProcess, url: string, s: LoadSettings): Promise<LoadResult> {
  const result = nextMessage<LoadResult & ChildMessage>(loader, (s.durationS + 30) * 1000, 'result');
  loader.send({ type: 'run', url, connections: s.connections, durationS: s.durationS });
  return result;
}

function describe(r: LoadResult): string {
  const bad = r.non2xx + r.errors + r.timeouts;
  return `${Math.round(r.reqPerSec)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${bad ? `, ${bad} failed` : ''}`;
}

/** Runs the bare ceiling and (when `ldpub` is listening) ldpub for each format, alternating, through one load process. */
export async function servingSection(ldpub: { port: number; data: DataDir } | { why: string }, exts: readonly string[], s: LoadSettings): Promise<ServingOutcome> {
  const rows: Row[] = [];
  const ratios: ServingOutcome['ratios'] = {};
  const children: ChildProcess[] = [];
  try {
    const bodies: BareBody[] = [];
    let id: string | undefined;
    if ('port' in ldpub) {
      for (const candidate of ldpub.data.validIds.slice(0, 20)) {
        const res = await fetch(`http://127.0.0.1:${ldpub.port}/record/${candidate}.${exts[0]}`);
        await res.arrayBuffer();
        if (res.ok) { id = candidate; break; }
      }
      if (!id) throw new Error('ldpub served none of the first 20 valid generated records');
      for (const ext of exts) {
        const res = await fetch(`http://127.0.0.1:${ldpub.port}/record/${id}.${ext}`);
        bodies.push({ ext, mediaType: res.headers.get('content-type') ?? 'text/plain', body: await res.text() });
      }
    } else {
      // Without ldpub, measure the ceiling alone with a typical Turtle-sized body, so the machinery and the baseline are known.
      bodies.push({ ext: 'ttl', mediaType: 'text/turtle; charset=utf-8', body: '<a> <b> "c" .\n'.repeat(300) });
    }
    const bare = forkBench('serve-child.js', ['bare']);
    children.push(bare);
    await nextMessage(bare, 30_000, 'ready');
    const bareListening = nextMessage<Listening>(bare, 30_000, 'listening');
    bare.send({ type: 'bodies', bodies });
    const barePort = (await bareListening).port;
    const loader = forkBench('load-child.js');
    children.push(loader);
    await nextMessage(loader, 30_000, 'ready');
    // Warm both servers (JIT, connection pools) before anything is recorded.
    const warm = { ...s, durationS: 1 };
    await load(loader, `http://127.0.0.1:${barePort}/bare/${bodies[0]?.ext}`, warm);
    if ('port' in ldpub) await load(loader, `http://127.0.0.1:${ldpub.port}/record/${id}.${bodies[0]?.ext}`, warm);
    for (const [i, b] of bodies.entries()) {
      const size = `${(Buffer.byteLength(b.body) / 1024).toFixed(1)} KiB`;
      const bareUrl = `http://127.0.0.1:${barePort}/bare/${b.ext}`;
      if (!('port' in ldpub)) {
        const bareResult = await load(loader, bareUrl, s);
        rows.push({ area: AREA, measure: `bare Express, ${b.ext} body (${size})`, value: bareResult.reqPerSec, unit: 'req/s', detail: describe(bareResult) });
        rows.push(notMeasured(AREA, 'ldpub cached record, each format', 'req/s', ldpub.why));
        continue;
      }
      // Alternate which side goes first, so drift on a shared machine does not always favour the same one.
      const oursUrl = `http://127.0.0.1:${ldpub.port}/record/${id}.${b.ext}`;
      const [first, second] = i % 2 === 0 ? [bareUrl, oursUrl] : [oursUrl, bareUrl];
      const a = await load(loader, first, s);
      const c = await load(loader, second, s);
      const [bareResult, ours] = i % 2 === 0 ? [a, c] : [c, a];
      rows.push({ area: AREA, measure: `bare Express, ${b.ext} body (${size})`, value: bareResult.reqPerSec, unit: 'req/s', detail: describe(bareResult) });
      rows.push({ area: AREA, measure: `ldpub cached ${b.ext} (${size})`, value: ours.reqPerSec, unit: 'req/s', detail: describe(ours) });
      ratios[b.ext] = ours.reqPerSec / bareResult.reqPerSec;
      rows.push({ area: AREA, measure: `ldpub ÷ bare, ${b.ext}`, value: ratios[b.ext] ?? null, unit: 'ratio', detail: `${s.connections} connections, ${s.durationS} s each` });
    }
  } catch (e) {
    rows.push(notMeasured(AREA, 'serving run', 'req/s', `failed: ${(e as Error).message}`));
  } finally {
    await Promise.all(children.map((c) => stopChild(c)));
  }
  return { rows, ratios };
}
