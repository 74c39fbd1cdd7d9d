// A server in a process of its own: ldpub's real app over a data folder, or a bare Express 5 handler returning the same bodies.
import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadGate } from '../src/validate/gate.js';
import { benchApp, loadBenchCatalog } from './lib/app.js';
import { fail, send } from './lib/child.js';

export interface BareBody {
  ext: string;
  mediaType: string;
  body: string;
}

/** The ceiling: Express 5 with one route that sends a fixed string, as any Express app would. */
function bareApp(bodies: readonly BareBody[]): RequestListener {
  const app = express();
  const byExt = new Map(bodies.map((b) => [b.ext, b]));
  app.get('/bare/:ext', (req, res) => {
    const b = byExt.get(req.params.ext);
    if (!b) {
      res.status(404).send('no such body');
      return;
    }
    res.type(b.mediaType).send(b.body);
  });
  return app;
}

async function listen(handler: RequestListener, extra: { [k: string]: unknown }): Promise<void> {
  const server = createServer(handler);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
  send({ type: 'listening', port, ...extra });
}

const [mode, dataDir] = process.argv.slice(2);
try {
  if (mode === 'bare') {
    process.once('message', (m: unknown) => {
      const bodies = (m as { bodies: BareBody[] }).bodies;
      listen(bareApp(bodies), {}).catch(fail);
    });
    send({ type: 'ready' });
  } else if (mode === 'ldpub' && dataDir) {
    const gate = await loadGate();
    const t0 = performance.now();
    const catalog = await loadBenchCatalog(dataDir, gate);
    const { published, refused } = catalog.counts();
    await listen(benchApp(catalog), { loadMs: performance.now() - t0, published, refused });
  } else {
    throw new Error('usage: serve-child bare | ldpub DATA_DIR');
  }
} catch (e) {
  fail(e);
}
