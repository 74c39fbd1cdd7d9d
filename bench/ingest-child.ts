// Bulk ingest in a process of its own, so its peak RSS is the catalog's: load a data folder, answer the first request, then stream the dump.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGate } from '../src/validate/gate.js';
import { benchApp, loadBenchCatalog } from './lib/app.js';
import { fail, send } from './lib/child.js';
import { measureDumpStream } from './dump.js';

const [dataDir, firstId] = process.argv.slice(2);
try {
  if (!dataDir || !firstId) throw new Error('usage: ingest-child DATA_DIR FIRST_ID');
  const gate = await loadGate();
  const t0 = performance.now();
  // RSS once a second, so a load that runs out of time still says how far memory got.
  const progress = setInterval(() => send({ type: 'progress', rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024, ms: performance.now() - t0 }), 1000);
  const catalog = await loadBenchCatalog(dataDir, gate);
  const loadMs = performance.now() - t0;
  const rssAfterLoad = process.memoryUsage().rss;
  const maxRssAfterLoad = process.resourceUsage().maxRSS * 1024;
  clearInterval(progress);
  const server = createServer(benchApp(catalog));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${url}/record/${firstId}.ttl`);
  await res.arrayBuffer();
  const first = { ms: performance.now() - t0, status: res.status };
  // What the catalog really holds, apart from garbage V8 has not collected yet (the child runs with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const afterGc = process.memoryUsage();
  // Reported before the dump, so a dump that runs out of time does not lose the load figures.
  send({ type: 'loaded', loadMs, heapAfterGc: afterGc.heapUsed, rssAfterGc: afterGc.rss, ...catalog.counts(), rssAfterLoad, maxRssAfterLoad, first });
  // The dump streams from the process holding the catalog: its RSS growth is what a harvester costs the server.
  const dump = await measureDumpStream(`${url}/dump.nt`);
  server.close();
  server.closeAllConnections();
  send({ type: 'dumped', dump });
  process.exit(0);
} catch (e) {
  fail(e);
}
