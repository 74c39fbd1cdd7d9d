// Test helper: run a command function with captured stdout and stderr.
import { Writable } from 'node:stream';
import type { CliIo, Command } from '../../src/commands/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runCommand(command: Command, argv: string[]): Promise<CliResult> {
  const out = sink();
  const err = sink();
  const io: CliIo = { stdout: out.stream, stderr: err.stream, isTTY: false };
  const code = await command(argv, io);
  return { code, stdout: out.text(), stderr: err.text() };
}
