// Forked child processes with bounded waits: servers, load generators and loaders each get a process of their own.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

/** Forks a compiled bench module (path relative to this file's folder's parent, e.g. 'serve-child.js'). */
export function forkBench(module: string, args: string[] = [], execArgv: string[] = []): ChildProcess {
  const path = new URL(`../${module}`, import.meta.url);
  return fork(path, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv });
}

/** The next message from `child` (of `type`, if given); rejects on an 'error' message, on exit, or after `timeoutMs`. */
export function nextMessage<T extends ChildMessage>(child: ChildProcess, timeoutMs: number, type?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: unknown): void => {
      const msg = m as ChildMessage;
      if (msg.type === 'error') {
        done();
        reject(new Error(String(msg.message)));
      } else if (!type || msg.type === type) {
        done();
        resolve(msg as T);
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      done();
      reject(new Error(`child exited (${signal ?? code}) before sending ${type ?? 'a message'}`));
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(new Error(`child sent no ${type ?? 'message'} within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Ends a child: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** For children: report one message to the parent. */
export function send(msg: ChildMessage): void {
  process.send?.(msg);
}

/** For children: report an error to the parent and exit. */
export function fail(e: unknown): never {
  send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
}
