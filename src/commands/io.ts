// What a command may touch: its streams and a way to exit. Tests pass their own to capture output.

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True when stdout/stderr is a terminal (progress bars, colour). */
  isTTY: boolean;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
};

/** A command: argv after the command name in, exit code out. It never throws for bad input. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
