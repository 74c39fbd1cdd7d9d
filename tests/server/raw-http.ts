// Test helper: one HTTP/1.1 connection driven by hand, to control exactly when each request is written and to see
// whether the server answers it or cuts the connection.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased names; a repeated header keeps its last value. */
  headers: { [name: string]: string };
  body: Buffer;
}

export class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | undefined;
  private ended = false;
  private failure: Error | undefined;
  private writes: Promise<void>[] = [];
  /** Resolves when the server has closed the connection (a reset rejects the pending answer instead). */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.deliver();
    });
    socket.on('end', () => {
      this.ended = true;
      this.deliver();
    });
    socket.on('error', (e) => {
      this.failure = e;
      this.deliver();
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => {
        socket.off('error', reject);
        resolve(new RawConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Writes a GET (identity coding, so Content-Length frames the body) and resolves with its answer. */
  get(path: string, headers: { [name: string]: string } = {}): Promise<RawResponse> {
    const lines = [`GET ${path} HTTP/1.1`, 'Host: localhost', 'Accept-Encoding: identity', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    const answer = new Promise<RawResponse>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.writes.push(new Promise((resolve, reject) => this.socket.write(`${lines.join('\r\n')}\r\n\r\n`, (e) => (e ? reject(e) : resolve()))));
    this.deliver();
    return answer;
  }

  /** Resolves once every request written so far has been handed to the kernel. */
  async flushed(): Promise<void> {
    await Promise.all(this.writes);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private deliver(): void {
    if (!this.waiting) return;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end >= 0) {
      const [statusLine, ...lines] = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers: { [name: string]: string } = {};
      for (const l of lines) {
        const colon = l.indexOf(':');
        headers[l.slice(0, colon).trim().toLowerCase()] = l.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (this.buffer.length >= end + 4 + length) {
        const body = this.buffer.subarray(end + 4, end + 4 + length);
        this.buffer = this.buffer.subarray(end + 4 + length);
        const w = this.waiting;
        this.waiting = undefined;
        w.resolve({ status: Number(statusLine!.split(' ')[1]), headers, body });
        return;
      }
    }
    if (this.failure || this.ended) {
      const w = this.waiting;
      this.waiting = undefined;
      w.reject(this.failure ?? new Error(`the server closed the connection before a complete answer (${this.buffer.length} bytes read)`));
    }
  }
}

/** One request with node:http, the body as sent (fetch would decode a content coding by itself). */
export function rawRequest(url: string, headers: { [name: string]: string } = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: { [name: string]: string } = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
