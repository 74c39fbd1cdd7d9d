// `ldpub convert FILE... --to FORMAT`: read, map, validate and serialize records to stdout; bad files are reported, good ones still written.
import { isLdpubError, LdpubError } from '../errors.js';
import { allFormats, formatByName } from '../formats/registry.js';
import { mapFile, type MappedRecord } from '../pipeline.js';
import type { CliIo, Command } from './io.js';
import { parseOptions, readText, resolveBase } from './options.js';

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
    let mapped: MappedRecord[];
    try {
      mapped = mapFile(await readText(file), file, base, values.from, (problem) => {
        failed = true;
        reportError(io, problem, file);
      });
    } catch (e) {
      failed = true;
      reportError(io, e, file);
      continue;
    }
    for (const m of mapped) {
      if (validator) {
        const refusal = validator(m);
        if (refusal) {
          failed = true;
          io.stderr.write(refusal);
          continue;
        }
      }
      try {
        io.stdout.write(await format.serialize({ ...m, base, params }));
      } catch (e) {
        failed = true;
        reportError(io, e, file);
      }
    }
  }
  return failed ? 1 : 0;
};


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
