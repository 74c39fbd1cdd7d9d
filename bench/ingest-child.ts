// Bulk ingest in a process of its own, so its peak RSS is the catalog's: load a data folder, answer the first request, then stream the dump.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, send } from './lib/child.js';
import { findApp, findCatalogLoader } from './lib/project.js';
import { measureDumpStream } from './dump.js';
import type { DumpMeasure } from './dump.js';

const [dataDir, firstId] = process.argv.slice(2);
try {
  if (!dataDir || !firstId) throw new Error('usage: ingest-child DATA_DIR FIRST_ID');
  const loader = await findCatalogLoader();
  if (!loader.ok) throw new Error(loader.why);
  const app = await findApp();
  const t0 = performance.now();
  const loaded = await loader.value(dataDir);
  const loadMs = performance.now() - t0;
  const rssAfterLoad = process.memoryUsage().rss;
  const maxRssAfterLoad = process.resourceUsage().maxRSS * 1024;
  let first: { ms: number; status: number } | { why: string } = { why: app.ok ? '' : app.why };
  let dump: DumpMeasure = { measured: false, why: app.ok ? '' : app.why };
  if (app.ok) {
    const server = createServer(await app.value(loaded.catalog));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/record/${firstId}.ttl`);
    await res.arrayBuffer();
    first = { ms: performance.now() - t0, status: res.status };
    dump = await measureDumpStream(`http://127.0.0.1:${port}/dump.nt`);
    server.close();
    server.closeAllConnections();
  }
  send({ type: 'result', loadMs, published: loaded.published, refused: loaded.refused, rssAfterLoad, maxRssAfterLoad, first, dump });
  process.exit(0);
} catch (e) {
  fail(e);
}
