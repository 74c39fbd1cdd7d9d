// `ldpub convert FILE... --to FORMAT`: read, map, validate and serialize records to stdout; bad files are reported, good ones still written.
import { isLdpubError, LdpubError } from '../errors.js';
import { allFormats, formatByName } from '../formats/registry.js';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { mapFileEntries, mapRecordStream, type MappedRecord } from '../pipeline.js';
import { isStreamedInput, readRecordStream } from '../readers/stream.js';
import type { CliIo, Command } from './io.js';
import { engineUsage, parseOptions, readBytes, resolveBase } from './options.js';
import { parseEngine, type EngineName } from '../validate/engine-name.js';

const USAGE = `usage: ldpub convert FILE... [--to FORMAT] [--base URL] [--from READER] [--no-validate] [--engine NAME]
                     [--style STYLE] [--locale LOCALE]

Reads each record, maps it to RDF, validates it against the SHACL shapes and writes it to stdout.
  --to FORMAT     ${'one of: ' + '{formats}'} (default: turtle)
  --base URL      base of record URIs (default: $LDPUB_BASE_URL or http://localhost:3000)
  --from READER   force an input reader instead of detecting it by extension and content
  --no-validate   write records even when they do not conform to the shapes
  ${engineUsage(16)}
  --style, --locale   for formatted citations (--to text)
Exit status: 0 when every file was converted, 1 when any was refused or unreadable, 2 on misuse.
`;

function usage(): string {
  return USAGE.replace('{formats}', allFormats().map((f) => f.key).join(', '));
}

export const run: Command = async (argv, io) => {
  let options;
  try {
    options = parseOptions(argv, {
      to: { type: 'string', default: 'turtle' },
      base: { type: 'string' },
      from: { type: 'string' },
      validate: { type: 'boolean', default: true },
      engine: { type: 'string' },
      style: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (e) {
    io.stderr.write(`ldpub convert: ${(e as Error).message}\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = options;
  if (values.help) {
    io.stdout.write(usage());
    return 0;
  }
  const format = formatByName(values.to);
  if (!format) {
    io.stderr.write(`ldpub convert: unknown format "${values.to}"; use one of: ${allFormats().map((f) => f.key).join(', ')}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr.write(`ldpub convert: no input files\n\n${usage()}`);
    return 2;
  }
  let base: string;
  let engine: EngineName;
  try {
    engine = parseEngine(values.engine);
    base = resolveBase(values.base);
  } catch (e) {
    io.stderr.write(`ldpub convert: ${(e as LdpubError).toLine()}\n`);
    return 2;
  }
  const validator = values.validate ? await loadGate(io, engine) : undefined;
  if (validator === null) return 1;

  let params: { [k: string]: string } = {};
  if (values.style) params.style = values.style;
  if (values.locale) params.locale = values.locale;
  try {
    // Checked once, before any file: an unknown style or locale is a usage error that lists the shipped ones.
    if (format.normalizeParams) params = format.normalizeParams(params);
  } catch (e) {
    if (!isLdpubError(e)) throw e;
    io.stderr.write(`ldpub convert: ${e.toLine()}\n`);
    return 2;
  }

  const output = format.key === 'csl-json' ? jsonArrayOutput(io.stdout) : { write: (text: string) => writeOut(io.stdout, text), end: () => undefined };

  /** Validates and writes one record; false when it was refused or could not be written. */
  const emit = async (m: MappedRecord): Promise<boolean> => {
    if (validator) {
      const refusal = validator(m);
      if (refusal) {
        io.stderr.write(refusal);
        return false;
      }
    }
    try {
      await output.write(await format.serialize({ ...m, base, params }));
      return true;
    } catch (e) {
      reportError(io, e, m.source);
      return false;
    }
  };

  let failed = false;
  for (const file of positionals) {
    // Each record is written as it is read: a MARC file of any size streams through.
    try {
      if (isStreamedInput(file, values.from, await fileHead(file))) {
        for await (const m of mapRecordStream(readRecordStream(fileBytes(file), file, values.from), file, base)) {
          if (isLdpubError(m)) {
            failed = true;
            reportError(io, m, file);
            continue;
          }
          if (!(await emit(m))) failed = true;
        }
        continue;
      }
      const result = mapFileEntries(await readBytes(file), file, base, values.from);
      // Warnings and refused entries, one line each; the good entries of the file are still converted.
      for (const w of result.warnings) io.stderr.write(`ldpub convert: warning: ${w.toLine()}\n`);
      for (const e of result.errors) reportError(io, e, file);
      if (result.errors.length > 0) failed = true;
      for (const m of result.mapped) if (!(await emit(m))) failed = true;
    } catch (e) {
      failed = true;
      reportError(io, e, file);
    }
  }
  await output.end();
  return failed ? 1 : 0;
};

/**
 * CSL-JSON out: one record is one object, as DOI content negotiation gives it; several records are one JSON array,
 * written as they come. The first record is held until the second arrives (or the input ends), so memory stays at
 * one record whatever the number.
 */
function jsonArrayOutput(stream: NodeJS.WritableStream): { write(text: string): Promise<void> | void; end(): Promise<void> | void } {
  let held: string | undefined;
  let opened = false;
  return {
    write(text) {
      const item = text.trimEnd();
      if (opened) return writeOut(stream, `,\n${item}`);
      if (held === undefined) {
        held = item;
        return;
      }
      opened = true;
      const first = held;
      held = undefined;
      return writeOut(stream, `[\n${first},\n${item}`);
    },
    end() {
      if (opened) return writeOut(stream, '\n]\n');
      if (held !== undefined) return writeOut(stream, `${held}\n`);
    },
  };
}


/** Writes and waits while the stream's buffer is full, so a reader faster than stdout never piles output in memory. */
function writeOut(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.removeListener('drain', done);
      stream.removeListener('close', done);
      stream.removeListener('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}

/** The first bytes of a file, to tell a MARC file by its content; a file that cannot be read gives none (and fails later, named). */
async function fileHead(file: string): Promise<Uint8Array> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(8192);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return new Uint8Array(0);
  }
}

/** A file's bytes as they are read; a file that cannot be read is an LdpubError LDPUB_IO naming it. */
async function* fileBytes(file: string): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Buffer;
  } catch (e) {
    throw new LdpubError('LDPUB_IO', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { record: file });
  }
}

function reportError(io: CliIo, e: unknown, file: string): void {
  if (isLdpubError(e)) io.stderr.write(`ldpub convert: ${(e.record ? e : e.withRecord(file)).toLine()}\n`);
  else io.stderr.write(`ldpub convert: ${file}: ${(e as Error).message}\n`);
}

/** The SHACL gate as a function returning the refusal text, or null (after saying why) when the shapes cannot be loaded. */
async function loadGate(io: CliIo, engine: EngineName): Promise<((m: MappedRecord) => string | undefined) | null> {
  const { loadValidator, isPublishable, reportToText } = await import('../validate/index.js');
  try {
    const validator = await loadValidator({ engine });
    return (m) => {
      const report = validator.validate(m.quads);
      if (isPublishable(report)) return undefined;
      return `ldpub convert: ${m.source}: refused, the record does not conform to the shapes [LDPUB_INVALID_RECORD]\n${reportToText(report, { record: m.source })}`;
    };
  } catch (e) {
    io.stderr.write(`ldpub convert: ${isLdpubError(e) ? e.toLine() : (e as Error).message}\n`);
    return null;
  }
}
