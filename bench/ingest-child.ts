// Bulk ingest in a process of its own, so its peak RSS is the catalog's: load a data folder, answer the first request, then stream the dump.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, send } from './lib/child.js';
import { findApp } from './lib/project.js';
import { measureDumpStream } from './dump.js';

const [dataDir, firstId] = process.argv.slice(2);
try {
  if (!dataDir || !firstId) throw new Error('usage: ingest-child DATA_DIR FIRST_ID');
  const factory = await findApp();
  if (!factory.ok) throw new Error(factory.why);
  const t0 = performance.now();
  const app = await factory.value(dataDir);
  const loadMs = performance.now() - t0;
  const rssAfterLoad = process.memoryUsage().rss;
  const server = createServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const res = await fetch(`http://127.0.0.1:${port}/record/${firstId}.ttl`);
  await res.arrayBuffer();
  const firstResponseMs = performance.now() - t0;
  const maxRssAfterLoad = process.resourceUsage().maxRSS * 1024;
  const dump = await measureDumpStream(`http://127.0.0.1:${port}/dump.nt`);
  send({
    type: 'result',
    loadMs,
    firstResponseMs,
    firstStatus: res.status,
    published: app.published,
    refused: app.refused,
    rssAfterLoad,
    maxRssAfterLoad,
    dump,
  });
  server.close();
  server.closeAllConnections();
  process.exit(0);
} catch (e) {
  fail(e);
}
