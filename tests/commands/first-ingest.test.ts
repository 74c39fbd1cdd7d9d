// A first ingest runs in a process of its own: the server listens once it is done and reads the store as a restart
// does; the ingest process goes when the server does, even killed with SIGKILL; its failure is the server's one line.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCatalogDir } from '../harvest/helpers.js';
import { tempDir } from '../helpers/temp.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli.js');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('the first ingest in a process of its own', () => {
  it('logs from that process, which is gone once the server listens', async () => {
    const dir = generateCatalogDir(3);
    const proc = spawn(process.execPath, [CLI, 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LDPUB_LOG_LEVEL: 'info' } });
    const lines: Array<{ [k: string]: unknown }> = [];
    let buffer = '';
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        lines.push(JSON.parse(buffer.slice(0, nl)) as { [k: string]: unknown });
        buffer = buffer.slice(nl + 1);
      }
    });
    try {
      expect(await until(() => lines.some((l) => l.msg === 'listening'), 60_000)).toBe(true);
      const child = lines.find((l) => l.msg === 'first ingest, in a process of its own');
      expect(child?.pid).not.toBe(proc.pid);
      expect(lines.find((l) => l.msg === 'catalog loaded')).toMatchObject({ evaluated: 3, published: 3 });
      expect(lines.find((l) => l.msg === 'listening')).toMatchObject({ published: 3 });
      expect(alive(child!.pid as number)).toBe(false);
      const port = lines.find((l) => l.msg === 'listening')!.port as number;
      expect((await fetch(`http://127.0.0.1:${port}/record/gen-00001`, { headers: { accept: 'text/turtle' } })).status).toBe(200);
    } finally {
      proc.kill('SIGTERM');
    }
  });

  it('stops when the server is killed with SIGKILL in the middle of it', async () => {
    const dir = generateCatalogDir(2500);
    const proc = spawn(process.execPath, [CLI, 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LDPUB_LOG_LEVEL: 'info' } });
    let pid: number | undefined;
    let buffer = '';
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const m = /"pid":(\d+)[^\n]*"msg":"first ingest, in a process of its own"/.exec(buffer);
      if (m) pid = Number(m[1]);
    });
    expect(await until(() => pid !== undefined, 60_000)).toBe(true);
    proc.kill('SIGKILL');
    expect(await until(() => !alive(pid!), 15_000)).toBe(true);
  });

  it("reports the ingest process's failure as the server's one line, with its code", () => {
    const parent = tempDir('first-ingest');
    const notFolder = join(parent, 'records.txt');
    writeFileSync(notFolder, 'not a folder');
    const r = spawnSync(process.execPath, [CLI, 'serve', '--data', notFolder, '--store', join(parent, 'store'), '--port', '0'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LDPUB_LOG_LEVEL: 'silent' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toBe(`ldpub serve: cannot load the data folder ${JSON.stringify(notFolder)}: ${notFolder}: cannot list the folder (ENOTDIR) [LDPUB_IO]`);
  });
});
