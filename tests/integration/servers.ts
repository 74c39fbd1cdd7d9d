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

/** nginx over the exported site: its own prefix folder and config, the site's two include files, a free port. */
export async function startNginx(siteDir: string, workDir: string): Promise<Running> {
  for (const d of ['logs', 'tmp']) mkdirSync(join(workDir, d), { recursive: true });
  const port = await freePort();
  const conf = join(workDir, 'nginx.conf');
  const tmp = join(workDir, 'tmp');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      'daemon off;',
      'master_process off;',
      `pid ${workDir}/nginx.pid;`,
      `error_log ${workDir}/logs/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${tmp}/${t};`),
      `  include ${siteDir}/_server/nginx-map.conf;`,
      '  server {',
      `    listen 127.0.0.1:${port};`,
      '    server_name 127.0.0.1;',
      `    include ${siteDir}/_server/nginx-site.conf;`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync('nginx', ['-t', '-p', workDir, '-e', join(workDir, 'logs', 'error.log'), '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refuses the configuration: ${check.stderr}${check.stdout}`);
  const { spawn } = await import('node:child_process');
  const child = spawn('nginx', ['-p', workDir, '-e', join(workDir, 'logs', 'error.log'), '-c', conf], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    child.kill('SIGTERM');
    await waitForExit(child.pid, 10_000, 'nginx shutdown');
  };
  try {
    await waitFor(async () => (await fetch(`${url}/dump.nt`)).status === 200, 15_000, 'nginx');
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}: ${readFileSync(join(workDir, 'logs', 'error.log'), 'utf8').slice(-2000)}`);
  }
  return { url, stop };
}
