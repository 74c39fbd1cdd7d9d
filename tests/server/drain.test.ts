// Draining a server: idle connections close at once, responses begun during the drain say Connection: close, and the
// deadline closes what is still open.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackConnections } from '../../src/server/drain.js';
import { RawConnection } from './raw-http.js';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]) {
  server = createServer(handler);
  const drainer = trackConnections(server);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { drainer, port: (server.address() as AddressInfo).port };
}

describe('trackConnections().drain', () => {
  it('closes a kept-alive idle connection without waiting for the deadline', async () => {
    const { drainer, port } = await listen((_req, res) => res.end('ok'));
    const c = await RawConnection.open(port);
    const first = await c.get('/');
    expect(first.headers.connection).toBe('keep-alive');
    expect(drainer.open).toBe(1);
    // A deadline far beyond the test's own timeout: the drain must end by closing the idle connection.
    expect(await drainer.drain(600_000)).toEqual({ forced: 0 });
    await c.closed;
    expect(drainer.open).toBe(0);
  });

  it('lets a slow response finish, with Connection: close, and refuses new connections meanwhile', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const arrival = new Promise<void>((r) => (arrived = r));
    const { drainer, port } = await listen((_req, res) => {
      arrived();
      void released.then(() => res.end('slow'));
    });
    const c = await RawConnection.open(port);
    const answer = c.get('/slow');
    await arrival;
    const drained = drainer.drain(600_000);
    // Listening stops after a turn of the event loop that accepts nothing.
    await new Promise((r) => setTimeout(r, 100));
    await expect(RawConnection.open(port)).rejects.toThrow(/ECONNREFUSED/);
    release();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('slow');
    expect(res.headers.connection).toBe('close');
    expect(await drained).toEqual({ forced: 0 });
  });

  it('closes a connection whose response never ends at the deadline, and says so', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((r) => (arrived = r));
    const { drainer, port } = await listen(() => arrived());
    const c = await RawConnection.open(port);
    const answer = c.get('/never');
    await arrival;
    expect(await drainer.drain(200)).toEqual({ forced: 1 });
    await expect(answer).rejects.toThrow();
  });
});
