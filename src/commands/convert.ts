// `ldpub convert FILE... --to FORMAT [--base URL]`: read, map, validate and serialize records to stdout.
import type { Command } from './io.js';

export const run: Command = async (_argv, io) => {
  io.stderr.write('ldpub convert: not built yet\n');
  return 1;
};
