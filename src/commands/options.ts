// Shared command-line plumbing: option parsing that reports misuse as a usage error, and the base URI rule.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LdpubError } from '../errors.js';
import { normalizeBase } from '../rdf/iris.js';

export const DEFAULT_PORT = 3000;

/** `--base`, else LDPUB_BASE_URL, else http://localhost:PORT. The Host header never decides it. */
export function resolveBase(flag: string | undefined, port: number = DEFAULT_PORT): string {
  const base = flag ?? process.env.LDPUB_BASE_URL ?? `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new LdpubError('LDPUB_USAGE', 'the base must be an absolute http(s) URL', { field: '--base', value: base });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' || url.search || url.hash) {
    throw new LdpubError('LDPUB_USAGE', 'the base must be an http(s) URL without query or fragment', { field: '--base', value: base });
  }
  return normalizeBase(base);
}

/** node:util parseArgs, with its errors turned into LdpubError LDPUB_USAGE. */
export function parseOptions<T extends ParseArgsConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true, allowNegative: true });
  } catch (e) {
    throw new LdpubError('LDPUB_USAGE', (e as Error).message);
  }
}

/** The usage line of `--engine`, shared by every command that validates. */
export function engineUsage(column: number): string {
  return `${'--engine NAME'.padEnd(column)}the SHACL engine: compiled (default) or reference (rdf-validate-shacl, slower)`;
}

/** A record file's bytes (the readers decode them, see docs/text.md); a file that cannot be read is an LdpubError LDPUB_IO naming it. */
export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new LdpubError('LDPUB_IO', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { record: file });
  }
}
