// `ldpub convert FILE... --to FORMAT`: read, map, validate and serialize records to stdout; bad files are reported, good ones still written.
import { isLdpubError, LdpubError } from '../errors.js';
import { allFormats, formatByName } from '../formats/registry.js';
import { createReadStream } from 'node:fs';
import { mapRecordStream, type MappedRecord } from '../pipeline.js';
import { readRecordStream } from '../readers/stream.js';
import type { CliIo, Command } from './io.js';
import { parseOptions, resolveBase } from './options.js';

const USAGE = `usage: ldpub convert FILE... [--to FORMAT] [--base URL] [--from READER] [--no-validate]
                     [--style STYLE] [--locale LOCALE]

Reads each record, maps it to RDF, validates it against the SHACL shapes and writes it to stdout.
  --to FORMAT     ${'one of: ' + '{formats}'} (default: turtle)
  --base URL      base of record URIs (default: $LDPUB_BASE_URL or http://localhost:3000)
  --from READER   force an input reader instead of detecting it by extension and content
  --no-validate   write records even when they do not conform to the shapes
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
  try {
    base = resolveBase(values.base);
  } catch (e) {
    io.stderr.write(`ldpub convert: ${(e as LdpubError).toLine()}\n`);
    return 2;
  }
  const validator = values.validate ? await loadGate(io) : undefined;
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

  let failed = false;
  for (const file of positionals) {
    // Each record is written as it is read: a MARC file of any size streams through.
    try {
      for await (const m of mapRecordStream(readRecordStream(fileBytes(file), file, values.from), file, base)) {
        if (isLdpubError(m)) {
          failed = true;
          reportError(io, m, file);
          continue;
        }
        if (validator) {
          const refusal = validator(m);
          if (refusal) {
            failed = true;
            io.stderr.write(refusal);
            continue;
          }
        }
        try {
          await writeOut(io.stdout, await format.serialize({ ...m, base, params }));
        } catch (e) {
          failed = true;
          reportError(io, e, file);
        }
      }
    } catch (e) {
      failed = true;
      reportError(io, e, file);
    }
  }
  return failed ? 1 : 0;
};


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
async function loadGate(io: CliIo): Promise<((m: MappedRecord) => string | undefined) | null> {
  const { loadValidator, isPublishable, reportToText } = await import('../validate/index.js');
  try {
    const validator = await loadValidator();
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
