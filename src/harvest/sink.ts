// Writes text or stored bytes to a stream in batched chunks and waits when the stream is full, so a long response
// holds one chunk, not the answer.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Where streamed text goes: an HTTP response, a gzip stream in front of one, or a file. */
export class Sink {
  private buffer: Buffer[] = [];
  private buffered = 0;
  private closed = false;

  constructor(
    private readonly out: Writable,
    /** Bytes gathered before a write: big enough to keep writes few, small enough to keep memory flat. */
    private readonly chunkSize = 64 * 1024,
  ) {
    out.once('close', () => {
      this.closed = true;
    });
  }

  /** True once the other end has gone away (client disconnected): producers should stop. */
  get aborted(): boolean {
    return this.closed || this.out.destroyed;
  }

  /** Adds text or bytes; flushes (honouring backpressure) once a chunk's worth has gathered. */
  async write(data: string | Buffer): Promise<void> {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.buffer.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const chunk = this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer, this.buffered);
    this.buffer = [];
    this.buffered = 0;
    if (this.aborted) return;
    if (!this.out.write(chunk)) await this.drained();
  }

  /** Flushes what is left and ends the stream. */
  async end(): Promise<void> {
    await this.flush();
    if (!this.aborted) this.out.end();
  }

  private async drained(): Promise<void> {
    if (this.aborted) return;
    // Resolves on 'drain', or when the stream closes or fails (a client that disconnects never drains).
    const ac = new AbortController();
    await Promise.race([once(this.out, 'drain', { signal: ac.signal }), once(this.out, 'close', { signal: ac.signal })]).catch(() => undefined);
    ac.abort();
  }
}
