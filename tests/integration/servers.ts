// Real Apache httpd and Virtuoso for the integration tests: each in its own temporary folder, on free ports of
// 127.0.0.1, started as the current user and stopped after (by the process id it recorded).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitFor, waitForExit, type Running } from '../../bench/lib/virtuoso.js';

export { freePort, startVirtuoso, waitFor, waitForExit, type Running } from '../../bench/lib/virtuoso.js';

const MODULES = ['mpm_event', 'authz_core', 'mime', 'negotiation', 'rewrite', 'headers', 'dir', 'alias'];
const MODULE_DIR = '/usr/lib/apache2/modules';

/** Apache httpd over the exported site, with the site's own rules included. */
export async function startApache(siteDir: string, workDir: string): Promise<Running> {
  mkdirSync(join(workDir, 'logs'), { recursive: true });
  const port = await freePort();
  const conf = join(workDir, 'httpd.conf');
  writeFileSync(
    conf,
    [
      `ServerRoot "${workDir}"`,
      `Listen 127.0.0.1:${port}`,
      `PidFile "${workDir}/httpd.pid"`,
      `ErrorLog "${workDir}/logs/error.log"`,
      'LogLevel warn',
      'ServerName 127.0.0.1',
      `Mutex file:${workDir}`,
      `DefaultRuntimeDir "${workDir}"`,
      ...MODULES.map((m) => `LoadModule ${m}_module ${MODULE_DIR}/mod_${m}.so`),
      'TypesConfig /etc/mime.types',
      `Include "${siteDir}/_server/apache.conf"`,
      '',
    ].join('\n'),
  );
  const r = spawnSync('apache2', ['-f', conf, '-k', 'start'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`apache2 did not start: ${r.stderr}${r.stdout}`);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/dump.nt`)).status === 200, 15_000, 'Apache');
  return {
    url,
    stop: async () => {
      const pid = Number(readFileSync(join(workDir, 'httpd.pid'), 'utf8'));
      process.kill(pid, 'SIGTERM');
      await waitForExit(pid, 10_000, 'Apache shutdown');
    },
  };
}

export interface FaultProxy extends Running {
  /** Answer 503 to every request from now on. */
  failing: boolean;
  /** Hold every answer this long before passing it on. */
  delayMs: number;
  /** Called with each request's method, path and body before it is passed on (or failed). */
  onRequest?: (method: string, path: string, body: string) => void;
}

/** A proxy in front of a server that can be made to fail or to answer slowly, for the fault tests. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { createServer } = await import('node:http');
  const proxy: FaultProxy = { url: '', failing: false, delayMs: 0, stop: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      proxy.onRequest?.(req.method ?? 'GET', req.url ?? '/', body.toString('utf8'));
      if (proxy.failing) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('down for the test\n');
        return;
      }
      const headers: { [k: string]: string } = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection' && k !== 'content-length') headers[k] = v;
      void (async () => {
        try {
          const upstream = await fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body.length ? { body } : {}) });
          const out = Buffer.from(await upstream.arrayBuffer());
          if (proxy.delayMs) await new Promise((r) => setTimeout(r, proxy.delayMs));
          const back: { [k: string]: string } = {};
          upstream.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'connection' && k !== 'transfer-encoding' && k !== 'content-encoding' && k !== 'keep-alive') back[k] = v;
          });
          if (!res.destroyed) res.writeHead(upstream.status, back).end(out);
        } catch {
          if (!res.destroyed) res.writeHead(502).end();
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  proxy.stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return proxy;
}
