// Graceful shutdown of an HTTP/1.1 server: stop accepting, let every request that has arrived finish, then close.
//
// Node's http.Server#close() (since Node 19) first destroys every connection its parser counts as idle, and a
// connection counts as idle until the parser has read the first bytes of a request: a request already sent by the
// client, but still in the socket's receive buffer or on a connection accepted in the same turn of the event loop,
// is cut with a reset. And a connection the kernel has completed but Node has not accepted yet (libuv accepts a few
// per turn of the event loop) is reset when the listener closes, though its client has sent its request. So this
// module tracks connections itself; on drain it goes on accepting until a turn of the event loop accepts nothing
// (at most half the drain's deadline), then stops the listener with net.Server#close() (which only stops accepting), and
// closes each connection once it has no request in progress and no unread bytes.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a connection that has not sent a single byte is kept during a drain: its request may be on its way. */
export const FRESH_CONNECTION_GRACE_MS = 1_000;
/** How often a drain looks for connections it may close. */
const SWEEP_MS = 50;

interface Connection {
  /** Requests on this connection whose response has not closed yet. */
  active: Set<ServerResponse>;
  /** socket.bytesRead when its last response finished (0 for a new connection): more means a request is arriving. */
  readAtIdle: number;
  acceptedAt: number;
  used: boolean;
  /** The sweep that first found it idle; it is closed by a later sweep that still does (a poll phase in between). */
  idleSince: number | undefined;
}

export interface DrainResult {
  /** Connections still open at the deadline, closed by force. */
  forced: number;
}

export interface Drainer {
  /** Connections open now. */
  readonly open: number;
  /** Stops accepting, finishes what has arrived, closes every connection; forces them closed after `timeoutMs`. */
  drain(timeoutMs: number): Promise<DrainResult>;
}

/** Tracks `server`'s connections from now on; call before the server accepts any. */
export function trackConnections(server: Server): Drainer {
  const connections = new Map<Socket, Connection>();
  let draining = false;
  let accepted = 0;
  let sweepSoon: () => void = () => {};

  server.on('connection', (socket: Socket) => {
    accepted++;
    connections.set(socket, { active: new Set(), readAtIdle: 0, acceptedAt: Date.now(), used: false, idleSince: undefined });
    socket.once('close', () => {
      connections.delete(socket);
      if (draining) sweepSoon();
    });
  });

  // First among the request listeners, so a response begun during a drain carries Connection: close from the start.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const c = connections.get(req.socket);
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    if (!c) return;
    c.used = true;
    c.active.add(res);
    res.once('close', () => {
      c.active.delete(res);
      c.readAtIdle = req.socket.bytesRead;
      if (draining) sweepSoon();
    });
  });

  /** True when closing `socket` would lose nothing seen so far: no response in progress, nothing read since, nothing to write. */
  const quiet = (socket: Socket, c: Connection, now: number): boolean =>
    c.active.size === 0 &&
    socket.bytesRead === c.readAtIdle &&
    socket.writableLength === 0 &&
    (c.used || now - c.acceptedAt >= FRESH_CONNECTION_GRACE_MS);

  // Sweeps run from setImmediate, one per turn of the event loop, so between two sweeps there is a poll phase, which
  // reads every socket that has bytes waiting. A connection is closed only when two sweeps in a row find it quiet:
  // a request whose bytes were waiting (say, while the loop was busy) is read in between and keeps it open.
  let turn = 0;
  const sweep = (): boolean => {
    turn++;
    const now = Date.now();
    let again = false;
    for (const [socket, c] of connections) {
      if (!quiet(socket, c, now)) {
        c.idleSince = undefined;
        // Responses not begun yet are the connection's last.
        for (const res of c.active) if (!res.headersSent) res.setHeader('Connection', 'close');
      } else if (c.idleSince === undefined) {
        c.idleSince = turn;
        again = true;
      } else if (c.idleSince < turn) {
        socket.destroy();
      }
    }
    return again;
  };

  return {
    get open() {
      return connections.size;
    },
    drain(timeoutMs: number): Promise<DrainResult> {
      draining = true;
      return new Promise<DrainResult>((resolve) => {
        let done = false;
        let forced = 0;
        let pending = false;
        sweepSoon = () => {
          if (pending || done) return;
          pending = true;
          setImmediate(() => {
            pending = false;
            if (!done && sweep()) sweepSoon();
          });
        };
        const interval = setInterval(sweepSoon, SWEEP_MS);
        const deadline = setTimeout(() => {
          forced = connections.size;
          for (const socket of connections.keys()) socket.destroy();
        }, timeoutMs);
        // libuv accepts about one queued connection per turn of the event loop, in its poll phase; setImmediate runs
        // after it. Listening stops after the first full turn (poll phase to poll phase) that accepted nothing.
        const started = Date.now();
        const stopAccepting = () => {
          if (accepted > 0 && Date.now() - started < timeoutMs / 2) {
            accepted = 0;
            setImmediate(stopAccepting);
            return;
          }
          // Without http.Server#close()'s sweep of "idle" connections (see the top of this file).
          NetServer.prototype.close.call(server, () => {
            done = true;
            clearInterval(interval);
            clearTimeout(deadline);
            resolve({ forced });
          });
        };
        // The signal is handled in a poll phase, so the first check comes before the next one: it only starts counting.
        setImmediate(() => {
          accepted = 0;
          setImmediate(stopAccepting);
        });
        sweepSoon();
      });
    },
  };
}
