// `ldpub serve` and its store: a restart serves from the store; a damaged or unusable store is one line with a
// code and exit status 1, never a crash.
import { spawnSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { dataFolder, SEED_ID } from '../server/harness.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli.js');

function serveOnce(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LDPUB_LOG_LEVEL: 'silent' } });
  return { status: r.status, stderr: r.stderr };
}

/** Starts the server, fetches the seed record, stops it; returns the log lines. */
async function serveAndFetch(dir: string): Promise<{ status: number; lines: { [k: string]: unknown }[] }> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LDPUB_LOG_LEVEL: 'info' } });
  const lines: { [k: string]: unknown }[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no listening line')), 60_000);
    let buffer = '';
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as { [k: string]: unknown };
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (line.msg === 'listening') {
          clearTimeout(timer);
          resolve(line.port as number);
        }
      }
    });
  });
  const res = await fetch(`http://127.0.0.1:${port}/record/${SEED_ID}`, { headers: { accept: 'text/turtle' } });
  await res.text();
  const exit = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exit;
  return { status: res.status, lines };
}

describe('ldpub serve with its store', () => {
  it('creates DIR/.ldpub on first start and serves from it on the next, before comparing the folder', async () => {
    const dir = dataFolder();
    const first = await serveAndFetch(dir);
    expect(first.status).toBe(200);
    expect(first.lines.findIndex((l) => l.msg === 'catalog loaded')).toBeLessThan(first.lines.findIndex((l) => l.msg === 'listening'));
    const second = await serveAndFetch(dir);
    expect(second.status).toBe(200);
    // The restart listens from the store; the folder comparison (nothing to evaluate) comes after.
    const listening = second.lines.findIndex((l) => l.msg === 'listening');
    const loaded = second.lines.findIndex((l) => l.msg === 'catalog loaded');
    expect(listening).toBeGreaterThanOrEqual(0);
    if (loaded >= 0) {
      expect(loaded).toBeGreaterThan(listening);
      expect(second.lines[loaded]).toMatchObject({ evaluated: 0 });
    }
  }, 120_000);

  it('exits 1 with LDPUB_STORE_CORRUPT for a damaged store, and LDPUB_STORE_IO for one it cannot create', () => {
    const dir = dataFolder();
    const store = tempDir('bad-store');
    writeFileSync(join(store, 'catalog.mdb'), Buffer.alloc(32 * 1024, 7));
    const corrupt = serveOnce(['--data', dir, '--store', store]);
    expect(corrupt.status).toBe(1);
    expect(corrupt.stderr.trim().split('\n')).toHaveLength(1);
    expect(corrupt.stderr).toMatch(/^ldpub serve: .*catalog\.mdb: .*\[LDPUB_STORE_CORRUPT\]$/m);
    writeFileSync(join(dir, 'a-file'), 'x');
    const io = serveOnce(['--data', dir, '--store', join(dir, 'a-file', 'store')]);
    expect(io.status).toBe(1);
    expect(io.stderr).toContain('[LDPUB_STORE_IO]');
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });
});
