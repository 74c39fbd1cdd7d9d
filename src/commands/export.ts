// `ldpub export --format nt|jsonld|jsonl --out FILE`: the same bulk dump as /dump.nt, /dump.jsonld or /dump.jsonl, written atomically to a file.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { loadCatalog, type Gate } from '../catalog/load.js';
import { loadGate } from '../validate/gate.js';
import { shaclGateKey } from '../catalog/gate-key.js';
import { availableParallelism } from 'node:os';
import { isLdpubError, LdpubError } from '../errors.js';
import { writeDump, type DumpKind } from '../harvest/dump.js';
import { Sink } from '../harvest/sink.js';
import type { CliIo, Command } from './io.js';
import { engineUsage, parseOptions, resolveBase } from './options.js';
import { parseEngine, type EngineName } from '../validate/engine-name.js';

const USAGE = `usage: ldpub export --format nt|jsonld|jsonl --out FILE [--data DIR] [--store PATH] [--base URL] [--engine NAME]
       ldpub export --static DIR [--data DIR] [--store PATH] [--base URL]

Writes every published record of the data folder as one dump: N-Triples (nt), one JSON-LD document of
every record (jsonld), or one compacted JSON-LD record per line (jsonl). The file appears only when
complete (written beside it, then renamed).
  --format nt|jsonld|jsonl  the dump to write
  --static DIR        instead: the whole site as files in DIR (emptied first), with Apache httpd rules
                      (DIR/_server/apache.conf) and an approximate nginx map (DIR/_server/nginx-map.conf, nginx-site.conf)
  --out FILE          where to write it
  --data DIR          the data folder (default: data)
  --store PATH        the catalog store folder (default: DIR/.ldpub), brought up to date first
  --base URL          base of record URIs (default: $LDPUB_BASE_URL or http://localhost:3000)
  ${engineUsage(20)}
Exit status: 0 when written, 1 when it could not be, 2 on misuse.
`;

export const run: Command = (argv, io) => exportDump(argv, io);

/** Exports through the SHACL gate (tests may pass their own), so a dump never holds a record the server would refuse. */
export async function exportDump(argv: string[], io: CliIo, gate?: Gate): Promise<number> {
  let values;
  try {
    values = parseOptions(argv, {
      format: { type: 'string' },
      static: { type: 'string' },
      out: { type: 'string', short: 'o' },
      data: { type: 'string', default: 'data' },
      store: { type: 'string' },
      base: { type: 'string' },
      engine: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }).values;
  } catch (e) {
    io.stderr.write(`ldpub export: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.static !== undefined) return exportSite(values, io, gate);
  const kind = values.format === 'nt' || values.format === 'ntriples' ? 'nt' : values.format === 'jsonld' || values.format === 'jsonl' ? values.format : undefined;
  if (!kind || !values.out) {
    io.stderr.write(`ldpub export: ${kind ? '--out FILE is required' : '--format must be nt, jsonld or jsonl'}\n\n${USAGE}`);
    return 2;
  }
  let base: string;
  let engine: EngineName;
  try {
    engine = parseEngine(values.engine);
    base = resolveBase(values.base);
  } catch (e) {
    io.stderr.write(`ldpub export: ${(e as LdpubError).toLine()}\n`);
    return 2;
  }
  try {
    // With the SHACL gate, large folders load in worker threads on every core (each compiles the same shapes).
    const catalog = await loadCatalog({
      dataDir: values.data,
      base,
      gate: gate ?? (await loadGate({ engine })),
      gateKey: gate ? 'test' : shaclGateKey(),
      workers: gate ? 1 : availableParallelism(),
      ...(values.store ? { storePath: values.store } : {}),
    });
    if (catalog.refused.length) io.stderr.write(`ldpub export: ${catalog.refused.length} record file(s) refused; run "ldpub validate ${values.data}" for why\n`);
    await writeAtomically(values.out, kind, catalog, io);
    io.stderr.write(`ldpub export: wrote ${catalog.size} records to ${values.out}\n`);
    return 0;
  } catch (e) {
    const error = isLdpubError(e) ? e : new LdpubError('LDPUB_IO', (e as Error).message, { record: values.out });
    io.stderr.write(`ldpub export: ${error.toLine()}\n`);
    return 1;
  }
}

async function writeAtomically(out: string, kind: DumpKind, catalog: Parameters<typeof writeDump>[0], io: CliIo): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now()}.tmp`);
  const stream = createWriteStream(temp);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  try {
    const sink = new Sink(stream);
    const progress = io.isTTY ? progressBar(io) : undefined;
    await Promise.race([writeDump(catalog, kind, sink, progress), failed]);
    await Promise.race([sink.end(), failed]);
    await finished(stream);
    if (progress) io.stderr.write('\n');
    await rename(temp, out);
  } catch (e) {
    stream.destroy();
    await rm(temp, { force: true });
    throw new LdpubError('LDPUB_IO', `cannot write the dump (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { record: out });
  }
}

/** A one-line bar on stderr, redrawn at most once per percent. */
function progressBar(io: CliIo): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === shown && done !== total) return;
    shown = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}`);
  };
}

/** `--static DIR`: every route of the site as files, and the rules a web server needs to negotiate over them. */
async function exportSite(values: { static?: string; data: string; store?: string; base?: string }, io: CliIo, gate?: Gate): Promise<number> {
  const outDir = values.static!;
  if (!outDir) {
    io.stderr.write(`ldpub export: --static needs a folder\n\n${USAGE}`);
    return 2;
  }
  let base: string;
  try {
    base = resolveBase(values.base);
  } catch (e) {
    io.stderr.write(`ldpub export: ${(e as LdpubError).toLine()}\n`);
    return 2;
  }
  try {
    const build = async () =>
      loadCatalog({
        dataDir: values.data,
        base,
        gate: gate ?? (await loadGate()),
        gateKey: gate ? 'test' : shaclGateKey(),
        workers: gate ? 1 : availableParallelism(),
        ...(values.store ? { storePath: values.store } : {}),
      });
    const catalog = await build();
    if (catalog.refused.length) io.stderr.write(`ldpub export: ${catalog.refused.length} record file(s) refused; run "ldpub validate ${values.data}" for why\n`);
    const { LiveCatalog } = await import('../catalog/live.js');
    const { exportStatic } = await import('../static/export.js');
    const progress = io.isTTY ? progressBar(io) : undefined;
    const result = await exportStatic({ live: new LiveCatalog(catalog, build), base, outDir, ...(progress ? { progress } : {}) });
    if (progress) io.stderr.write('\n');
    io.stderr.write(`ldpub export: wrote ${result.records} records (${result.tombstones} deleted) as ${result.files} files to ${outDir}; Apache rules in ${outDir}/_server/apache.conf\n`);
    return 0;
  } catch (e) {
    const error = isLdpubError(e) ? e : new LdpubError('LDPUB_IO', (e as Error).message, { record: outDir });
    io.stderr.write(`ldpub export: ${error.toLine()}\n`);
    return 1;
  }
}
