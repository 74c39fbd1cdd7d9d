// `ldpub serve` as a child process: it listens, logs refused records, and on SIGTERM lets a request in flight finish, then exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFolder, SEED_ID } from '../server/harness.js';
import { generateCatalogDir } from '../harvest/helpers.js';
import { fixturePath } from '../helpers/fixtures.js';
import { RawConnection, type RawResponse } from '../server/raw-http.js';

const ROOT = join(import.meta.dirname, '..', '..');
// The built command, as `npx ldpub` runs it (npm test builds it first).
const OUT = join(ROOT, 'dist');

interface Child {
  proc: ChildProcess;
  lines: { [k: string]: unknown }[];
  port: number;
  exit: Promise<number | null>;
}

function start(args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, [join(OUT, 'src', 'cli.js'), 'serve', ...args], {
    env: { ...process.env, LDPUB_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: { [k: string]: unknown }[] = [];
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in time')), 20_000);
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
          resolve({ proc, lines, port: line.port as number, exit });
        }
      }
    });
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exit.then((code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
  });
}

/**
 * Sends `head` once connected (calling `sent`), waits for `go`, then sends `tail`; resolves with the raw response once
 * the server closes the socket.
 */
function splitRequest(port: number, head: string, sent: () => void, go: Promise<void>, tail: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head, () => sent()));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (data += c));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    void go.then(() => socket.write(tail));
  });
}

describe('ldpub serve', () => {
  let dir: string;
  beforeAll(() => {
    dir = dataFolder();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'broken.txt'), '<html><body>not a record</body></html>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves, logs refusals, and finishes an in-flight request on SIGTERM before exiting 0', async () => {
    const child = await start(['--data', dir, '--port', '0', '--base', 'http://localhost:3000']);
    try {
      const refused = child.lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith('refused'));
      expect(refused).toMatchObject({ record: join('sub', 'broken.txt'), code: 'LDPUB_NOT_A_RECORD' });
      expect(child.lines.find((l) => l.msg === 'listening')).toMatchObject({ published: 3, refused: 1, host: '127.0.0.1' });

      const res = await fetch(`http://127.0.0.1:${child.port}/record/${SEED_ID}`, { headers: { accept: 'text/turtle' } });
      expect(res.status).toBe(200);

      let release!: () => void;
      const go = new Promise<void>((r) => (release = r));
      let headSent!: () => void;
      const sent = new Promise<void>((r) => (headSent = r));
      const answer = splitRequest(child.port, `GET /record/${SEED_ID} HTTP/1.1\r\nHost: localhost\r\n`, headSent, go, 'Accept: application/n-triples\r\n\r\n');
      // Connected and half a request written; give the idle server a moment to read it before the signal.
      await sent;
      await new Promise((r) => setTimeout(r, 500));
      child.proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      expect(child.proc.exitCode).toBeNull();
      // New connections are refused while the request in flight finishes.
      await expect(fetch(`http://127.0.0.1:${child.port}/health`)).rejects.toThrow();
      release();
      const raw = await answer;
      expect(raw).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(raw).toContain('Content-Type: application/n-triples; charset=utf-8');
      expect(raw).toContain(`<http://localhost:3000/record/${SEED_ID}>`);
      expect(await child.exit).toBe(0);
      expect(child.lines.some((l) => l.msg === 'stopped')).toBe(true);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('answers all of 50 requests in flight at SIGTERM, on new and on kept-alive connections, then exits 0', async () => {
    const N = 50;
    // One record more than requests: the last one loads each format's writer before the test begins.
    const many = generateCatalogDir(N + 1);
    const extensions = ['rdf', 'html', 'ttl', 'jsonld', 'nt'];
    const child = await start(['--data', many, '--port', '0', '--base', 'http://localhost:3000']);
    const connections: RawConnection[] = [];
    let answers: Promise<RawResponse>[] = [];
    try {
      expect(child.lines.find((l) => l.msg === 'listening')).toMatchObject({ published: N + 1 });
      for (const ext of extensions) expect((await fetch(`http://127.0.0.1:${child.port}/record/gen-${String(N).padStart(5, '0')}.${ext}`)).status).toBe(200);
      // Half the connections are kept alive after a first answer; the server counts them as idle from then on.
      for (let i = 0; i < N / 2; i++) {
        const c = await RawConnection.open(child.port);
        expect((await c.get('/health')).status).toBe(200);
        connections.push(c);
      }
      // The server is stopped (SIGSTOP) while the other half connect and all 50 send a request for a body it has not
      // rendered yet, then gets SIGTERM as it resumes: every request is in flight when the signal is handled.
      child.proc.kill('SIGSTOP');
      try {
        for (let i = N / 2; i < N; i++) connections.push(await RawConnection.open(child.port));
        const paths = connections.map((_, i) => `/record/gen-${String(i).padStart(5, '0')}.${extensions[i % extensions.length]}`);
        answers = connections.map((c, i) => c.get(paths[i]!));
        await Promise.all(connections.map((c) => c.flushed()));
        child.proc.kill('SIGTERM');
      } finally {
        child.proc.kill('SIGCONT');
      }
      const results = await Promise.allSettled(answers);
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${i}: ${String(r.reason)}`] : []));
      expect(failed).toEqual([]);
      results.forEach((r, i) => {
        const res = (r as PromiseFulfilledResult<RawResponse>).value;
        expect(res.status).toBe(200);
        expect(res.body.length).toBe(Number(res.headers['content-length']));
        expect(res.body.toString('utf8')).toContain(`gen-${String(i).padStart(5, '0')}`);
      });
      // The server closes each connection after its answer (answers begun after the signal say Connection: close).
      await Promise.all(connections.map((c) => c.closed));
      expect(await child.exit).toBe(0);
      expect(child.lines.find((l) => l.msg === 'shutting down: finishing requests in flight')).toMatchObject({ signal: 'SIGTERM' });
      expect(child.lines.some((l) => l.msg === 'stopped')).toBe(true);
    } finally {
      child.proc.kill('SIGKILL');
      for (const c of connections) c.destroy();
      rmSync(many, { recursive: true, force: true });
    }
  }, 60_000);

  it('without --watch, a SIGHUP swaps in the files seen changing before it compares the whole folder', async () => {
    const folder = dataFolder([]);
    let child = await start(['--data', folder, '--port', '0', '--base', 'http://localhost:3000']);
    /** Waits (bounded: 20 s, every 20 ms) until `n` log lines say `msg`. */
    const logged = async (msg: string, n = 1) => {
      const count = () => child.lines.filter((l) => l.msg === msg).length;
      for (let i = 0; i < 1000 && count() < n; i++) await new Promise((r) => setTimeout(r, 20));
      return count();
    };
    try {
      expect(await logged('watching the data folder: a SIGHUP reloads the files seen changing first')).toBe(1);
      // The first catalog was built before the folder was watched: this SIGHUP compares the whole folder only.
      child.proc.kill('SIGHUP');
      expect(await logged('catalog swapped in')).toBe(1);
      copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(folder, 'plos-one-e-locator.txt'));
      child.proc.kill('SIGHUP');
      expect(await logged('catalog swapped in', 3)).toBe(3);
      const journal = child.lines.findIndex((l) => l.msg === 'reloading the files seen changing, then comparing the whole folder');
      const swaps = child.lines.flatMap((l, i) => (l.msg === 'catalog swapped in' ? [i] : []));
      expect(child.lines[journal]).toMatchObject({ paths: 1 });
      expect(journal).toBeGreaterThan(swaps[0]!);
      expect(journal).toBeLessThan(swaps[1]!);
      // The scoped reload swapped in the new record; the full comparison came after it and found nothing more.
      expect(child.lines[swaps[1]!]).toMatchObject({ published: 2 });
      expect(child.lines[swaps[2]!]).toMatchObject({ published: 2 });
      expect((await fetch(`http://127.0.0.1:${child.port}/record/plos-one-e-locator`)).status).toBe(200);
      child.proc.kill('SIGTERM');
      expect(await child.exit).toBe(0);
    } finally {
      child.proc.kill('SIGKILL');
    }
    // A restart watches the folder before it compares it with the store: the first SIGHUP uses the journal.
    const again = await start(['--data', folder, '--port', '0', '--base', 'http://localhost:3000']);
    child = again;
    try {
      expect(await logged('catalog swapped in')).toBe(1);
      const watching = again.lines.findIndex((l) => l.msg === 'watching the data folder: a SIGHUP reloads the files seen changing first');
      expect(watching).toBeGreaterThanOrEqual(0);
      expect(watching).toBeLessThan(again.lines.findIndex((l) => l.msg === 'index read'));
      copyFileSync(fixturePath('catalog', 'nature-genetics-consortium.txt'), join(folder, 'nature-genetics-consortium.txt'));
      again.proc.kill('SIGHUP');
      expect(await logged('catalog swapped in', 3)).toBe(3);
      const journal = again.lines.findIndex((l) => l.msg === 'reloading the files seen changing, then comparing the whole folder');
      const swaps = again.lines.flatMap((l, i) => (l.msg === 'catalog swapped in' ? [i] : []));
      expect(journal).toBeGreaterThan(swaps[0]!);
      expect(journal).toBeLessThan(swaps[1]!);
      expect(again.lines[swaps[1]!]).toMatchObject({ published: 3 });
      again.proc.kill('SIGTERM');
      expect(await again.exit).toBe(0);
    } finally {
      again.proc.kill('SIGKILL');
    }
  }, 60_000);

  it('rejects a bad port with a usage error', async () => {
    const proc = spawn(process.execPath, [join(OUT, 'src', 'cli.js'), 'serve', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
    const code = await new Promise<number | null>((r) => proc.on('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a whole number');
  });
});
