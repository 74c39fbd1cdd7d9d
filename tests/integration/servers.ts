// Real Apache httpd and Virtuoso for the integration tests: each in its own temporary folder, on free ports of
// 127.0.0.1, started as the current user and stopped after (by the process id it recorded).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const MODULES = ['mpm_event', 'authz_core', 'mime', 'negotiation', 'rewrite', 'headers', 'dir', 'alias'];
const MODULE_DIR = '/usr/lib/apache2/modules';

export interface Running {
  url: string;
  stop(): Promise<void>;
}

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
      await waitFor(async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      }, 10_000, 'Apache shutdown');
    },
  };
}

/** A private Virtuoso: its own database folder and ports; dba:dba. */
export async function startVirtuoso(workDir: string): Promise<Running & { sqlPort: number }> {
  const db = join(workDir, 'db');
  mkdirSync(db, { recursive: true });
  const sqlPort = await freePort();
  const httpPort = await freePort();
  const ini = join(workDir, 'virtuoso.ini');
  copyFileSync('/etc/virtuoso-opensource-7/virtuoso.ini', ini);
  let text = readFileSync(ini, 'utf8').replaceAll('/var/lib/virtuoso-opensource-7/db', db);
  text = setParameter(text, 'Parameters', 'ServerPort', String(sqlPort));
  text = setParameter(text, 'HTTPServer', 'ServerPort', String(httpPort));
  writeFileSync(ini, text);
  const child = spawn('virtuoso-t', ['-c', ini, '+wait'], { cwd: db, stdio: 'ignore', detached: true });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`virtuoso-t exited with ${code}`))));
    child.once('error', reject);
  });
  const url = `http://127.0.0.1:${httpPort}`;
  await waitFor(async () => (await fetch(`${url}/sparql?query=${encodeURIComponent('ASK {}')}`)).status === 200, 90_000, 'Virtuoso');
  // The daemon's process id, from its lock file (VIRT_PID=…): the one process this stops.
  const pid = Number(/VIRT_PID=(\d+)/.exec(readFileSync(join(db, 'virtuoso.lck'), 'utf8'))?.[1] ?? 0);
  return {
    url,
    sqlPort,
    stop: async () => {
      if (pid) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          return;
        }
        await waitFor(async () => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        }, 30_000, 'Virtuoso shutdown');
      }
    },
  };
}

function setParameter(ini: string, section: string, key: string, value: string): string {
  const lines = ini.split('\n');
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*\[(.+)\]\s*$/.exec(lines[i]!);
    if (m) inSection = m[1] === section;
    else if (inSection && new RegExp(`^\\s*${key}\\s*=`).test(lines[i]!)) lines[i] = `${key} = ${value}`;
  }
  return lines.join('\n');
}
