// Bulk ingest in a process of its own, so its peak RSS is the catalog's: load a data folder, answer the first request, then stream the dump.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, send } from './lib/child.js';
import { findApp, findCatalogLoader, findDumpApp } from './lib/project.js';
import { measureDumpStream } from './dump.js';
import type { DumpMeasure } from './dump.js';

const [dataDir, firstId] = process.argv.slice(2);
try {
  if (!dataDir || !firstId) throw new Error('usage: ingest-child DATA_DIR FIRST_ID');
  const loader = await findCatalogLoader();
  if (!loader.ok) throw new Error(loader.why);
  const app = await findApp();
  const dumpApp = app.ok ? app : await findDumpApp();
  const t0 = performance.now();
  // RSS once a second, so a load that runs out of time still says how far memory got.
  const progress = setInterval(() => send({ type: 'progress', rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024, ms: performance.now() - t0 }), 1000);
  const loaded = await loader.value(dataDir);
  const loadMs = performance.now() - t0;
  const rssAfterLoad = process.memoryUsage().rss;
  const maxRssAfterLoad = process.resourceUsage().maxRSS * 1024;
  clearInterval(progress);
  let first: { ms: number; status: number } | { why: string } = { why: app.ok ? '' : app.why };
  let dump: DumpMeasure = { measured: false, why: dumpApp.ok ? '' : dumpApp.why };
  if (app.ok) {
    const server = createServer(await app.value(loaded.catalog));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/record/${firstId}.ttl`);
    await res.arrayBuffer();
    first = { ms: performance.now() - t0, status: res.status };
    server.close();
    server.closeAllConnections();
  }
  // What the catalog really holds, apart from garbage V8 has not collected yet (the child runs with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const afterGc = process.memoryUsage();
  // Reported before the dump, so a dump that runs out of time does not lose the load figures.
  send({ type: 'loaded', loadMs, heapAfterGc: afterGc.heapUsed, rssAfterGc: afterGc.rss, published: loaded.published, refused: loaded.refused, rssAfterLoad, maxRssAfterLoad, first });
  if (dumpApp.ok) {
    // The dump streams from the process holding the catalog: its RSS growth is what a harvester costs the server.
    const server = createServer(await dumpApp.value(loaded.catalog));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dump = await measureDumpStream(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dump.nt`);
    server.close();
    server.closeAllConnections();
  }
  send({ type: 'dumped', dump });
  process.exit(0);
} catch (e) {
  fail(e);
}
