// A private Virtuoso 7 for the integration tests and `npm run bench -- --sparql`: its own database folder and free
// ports of 127.0.0.1, started as the current user (dba:dba) and stopped after by the process id it recorded.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface Running {
  url: string;
  stop(): Promise<void>;
}

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

/** Waits until process `pid` has gone. */
export async function waitForExit(pid: number, timeoutMs: number, what: string): Promise<void> {
  await waitFor(
    async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    timeoutMs,
    what,
  );
}

const INI = '/etc/virtuoso-opensource-7/virtuoso.ini';

/** Why a private Virtuoso cannot be started here, or undefined when it can. */
export function virtuosoMissing(): string | undefined {
  if (spawnSync('virtuoso-t', ['-?'], { stdio: 'ignore' }).error) return 'virtuoso-t is not installed (apt-get install virtuoso-opensource)';
  if (!existsSync(INI)) return `${INI} is missing`;
  return undefined;
}

/** A private Virtuoso: its own database folder and ports; dba:dba. `settings` are [section, key, value] for the ini. */
export async function startVirtuoso(workDir: string, settings: Array<[string, string, string]> = []): Promise<Running & { sqlPort: number; db: string }> {
  const db = join(workDir, 'db');
  mkdirSync(db, { recursive: true });
  const sqlPort = await freePort();
  const httpPort = await freePort();
  const ini = join(workDir, 'virtuoso.ini');
  copyFileSync(INI, ini);
  let text = readFileSync(ini, 'utf8').replaceAll('/var/lib/virtuoso-opensource-7/db', db);
  text = setParameter(text, 'Parameters', 'ServerPort', String(sqlPort));
  text = setParameter(text, 'HTTPServer', 'ServerPort', String(httpPort));
  for (const [section, key, value] of settings) text = setParameter(text, section, key, value);
  writeFileSync(ini, text);
  const child = spawn('virtuoso-t', ['-c', ini, '+wait'], { cwd: db, stdio: 'ignore', detached: true });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`virtuoso-t exited with ${code}`))));
    child.once('error', reject);
  });
  const url = `http://127.0.0.1:${httpPort}`;
  // The daemon's process id, from its lock file (VIRT_PID=…): the one process stop() ends.
  const pid = Number(/VIRT_PID=(\d+)/.exec(readFileSync(join(db, 'virtuoso.lck'), 'utf8'))?.[1] ?? 0);
  const stop = async () => {
    if (!pid) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    await waitForExit(pid, 30_000, 'Virtuoso shutdown');
  };
  try {
    await waitFor(async () => (await fetch(`${url}/sparql?query=${encodeURIComponent('ASK {}')}`)).status === 200, 90_000, 'Virtuoso');
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, sqlPort, db, stop };
}

/** Sets `key = value` in `[section]`, adding the line when the section has none. */
function setParameter(ini: string, section: string, key: string, value: string): string {
  const lines = ini.split('\n');
  let inSection = false;
  let found = false;
  let sectionEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*\[(.+)\]\s*$/.exec(lines[i]!);
    if (m) {
      if (inSection) sectionEnd = i;
      inSection = m[1] === section;
    } else if (inSection && new RegExp(`^\\s*${key}\\s*=`).test(lines[i]!)) {
      lines[i] = `${key} = ${value}`;
      found = true;
    }
  }
  if (!found) {
    if (inSection) lines.push(`${key} = ${value}`);
    else if (sectionEnd >= 0) lines.splice(sectionEnd, 0, `${key} = ${value}`);
    else lines.push(`[${section}]`, `${key} = ${value}`);
  }
  return lines.join('\n');
}
