// `ldpub publish` refuses bad options with exit 2 and one line naming the option, before touching any store.
import { describe, expect, it } from 'vitest';
import { publish } from '../../src/commands/publish.js';
import { runCommand } from '../helpers/cli.js';

describe('ldpub publish options', () => {
  it.each([
    [[], '--sparql URL is required'],
    [['--sparql', 'http://127.0.0.1:1/sparql', '--batch', '0'], '--batch must be a whole number'],
    [['--sparql', 'http://127.0.0.1:1/sparql', '--concurrency', 'many'], '--concurrency must be a whole number'],
    [['--sparql', 'http://127.0.0.1:1/sparql', '--concurrency', '0'], '--concurrency must be a whole number'],
    [['--sparql', 'http://127.0.0.1:1/sparql', '--timeout', 'soon'], '--timeout must be a whole number'],
  ])('%j is refused', async (argv, message) => {
    const r = await runCommand((a, io) => publish(a, io), argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(r.stderr).toContain('[LDPUB_USAGE]');
    expect(r.stderr).toContain('usage: ldpub publish');
  });

  it('--help names the Graph Store path and the concurrency', async () => {
    const r = await runCommand((a, io) => publish(a, io), ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--graph-store URL');
    expect(r.stdout).toContain('--concurrency N');
  });
});
