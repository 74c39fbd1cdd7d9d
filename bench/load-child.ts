// The load generator in a process of its own: runs autocannon on request and reports requests/s and latency.
import autocannon from 'autocannon';
import { fail, send } from './lib/child.js';

interface RunRequest {
  type: 'run';
  url: string;
  connections: number;
  durationS: number;
  headers?: { [name: string]: string };
}

export interface LoadResult {
  type: 'result';
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSec: number;
}

process.on('message', (m: unknown) => {
  const req = m as RunRequest;
  if (req.type !== 'run') return;
  autocannon({ url: req.url, connections: req.connections, duration: req.durationS, headers: req.headers ?? {}, timeout: 10 })
    .then((r) =>
      send({
        type: 'result',
        reqPerSec: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        requests: r.requests.total,
        ok2xx: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        bytesPerSec: r.throughput.average,
      } satisfies LoadResult),
    )
    .catch(fail);
});
send({ type: 'ready' });
