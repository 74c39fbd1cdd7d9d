#!/usr/bin/env node
// The `ldpub` command: parses only the command name, then loads that command's module on demand so start-up stays fast.
import type { Command } from './commands/io.js';
import { processIo } from './commands/io.js';
import { lookupTable } from './model/lookup.js';

const COMMANDS: { [name: string]: { summary: string; load: () => Promise<{ run: Command }> } } = lookupTable({
  convert: { summary: 'convert records to RDF or a citation format (stdout)', load: () => import('./commands/convert.js') },
  validate: { summary: 'validate records against the SHACL shapes; one line per problem', load: () => import('./commands/validate.js') },
  export: { summary: 'write every published record as one N-Triples or JSON-LD lines dump', load: () => import('./commands/export.js') },
  publish: { summary: 'publish the records into a SPARQL 1.1 store (incremental, resumable)', load: () => import('./commands/publish.js') },
  serve: { summary: 'serve the records in a data folder by content negotiation', load: () => import('./commands/serve.js') },
});

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: ldpub <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "ldpub <command> --help" for a command's options.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    processIo.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
    processIo.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    processIo.stderr.write(`ldpub: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const { run } = await command.load();
  return run(rest, processIo);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line; LDPUB_DEBUG=1 shows the stack.
    process.stderr.write(`ldpub: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.LDPUB_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  },
);
