// `ldpub validate FILE|DIR...`: reads, maps and validates records, one line per problem, and exits non-zero if any fails.
import { stat } from 'node:fs/promises';
import { listRecordFiles } from '../catalog/load.js';
import { isLdpubError, LdpubError } from '../errors.js';
import { mapFileEntries, type MappedRecord } from '../pipeline.js';
import { knownExtensions } from '../readers/index.js';
import type { ValidationReport, Validator } from '../validate/index.js';
import { isPublishable, loadValidator, parseEngine, reportToJsonLd, reportToText, reportToTurtle } from '../validate/index.js';
import type { EngineName } from '../validate/index.js';
import type { Command } from './io.js';
import { engineUsage, parseOptions, readBytes, resolveBase } from './options.js';

const FORMATS = ['text', 'turtle', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: ldpub validate FILE|DIR... [--format text|turtle|json] [--base URL] [--from READER] [--engine NAME]

Reads each record, maps it to RDF and validates it against the SHACL shapes.
A folder validates every record file in it (and below it): {extensions}.
  --format text    one line per problem (file, field, value, message), then a summary (default)
  --format turtle  the sh:ValidationReport of every record, in Turtle
  --format json    the sh:ValidationReport of every record, as a JSON-LD array
  --base URL       base of record URIs (default: $LDPUB_BASE_URL or http://localhost:3000)
  --from READER    force an input reader instead of detecting it by extension and content
  ${engineUsage(17)}
Exit status: 0 when every record conforms (warnings alone do not fail), 1 otherwise, 2 on misuse.
`;

const usage = () => USAGE.replace('{extensions}', knownExtensions().map((e) => `*.${e}`).join(', '));

interface Checked {
  /** The record as named to the user: the file, and the id when a file holds several. */
  name: string;
  report: ValidationReport;
}

export const run: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseOptions(argv, {
      format: { type: 'string', default: 'text' },
      base: { type: 'string' },
      from: { type: 'string' },
      engine: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (e) {
    io.stderr.write(`ldpub validate: ${(e as Error).message}\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(usage());
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    io.stderr.write(`ldpub validate: unknown format "${values.format}"; use one of: ${FORMATS.join(', ')}\n\n${usage()}`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr.write(`ldpub validate: no input files\n\n${usage()}`);
    return 2;
  }
  let base: string;
  let engine: EngineName;
  try {
    engine = parseEngine(values.engine);
    base = resolveBase(values.base);
  } catch (e) {
    io.stderr.write(`ldpub validate: ${(e as LdpubError).toLine()}\n\n${usage()}`);
    return 2;
  }
  let validator: Validator;
  try {
    validator = await loadValidator({ engine });
  } catch (e) {
    io.stderr.write(`ldpub validate: ${isLdpubError(e) ? e.toLine() : (e as Error).message}\n`);
    return 1;
  }

  const checked: Checked[] = [];
  let unreadable = 0;
  const fail = (e: unknown, source: string) => {
    unreadable++;
    const error = isLdpubError(e) ? (e.record ? e : e.withRecord(source)) : new LdpubError('LDPUB_IO', (e as Error).message, { record: source });
    io.stderr.write(`${error.toLine()}\n`);
  };
  for (const path of positionals) {
    let files: string[];
    try {
      files = await expand(path);
    } catch (e) {
      fail(e, path);
      continue;
    }
    for (const file of files) {
      let mapped: MappedRecord[];
      try {
        const result = mapFileEntries(await readBytes(file), file, base, values.from);
        for (const w of result.warnings) io.stderr.write(`warning: ${w.toLine()}\n`);
        for (const e of result.errors) fail(e, file);
        mapped = result.mapped;
      } catch (e) {
        fail(e, file);
        continue;
      }
      for (const m of mapped) {
        const report = validator.validate(m.quads);
        const name = mapped.length > 1 ? `${file} (${m.id})` : file;
        checked.push({ name, report });
        if (format === 'text') io.stdout.write(reportToText(report, { record: name }));
      }
    }
  }

  const failed = checked.filter((c) => !isPublishable(c.report)).length + unreadable;
  const warned = checked.filter((c) => isPublishable(c.report) && !c.report.conforms).length;
  const conform = checked.filter((c) => c.report.conforms).length;
  const summary = `${conform} conform, ${warned} with warnings, ${failed} fail\n`;
  if (format === 'text') io.stdout.write(summary);
  else {
    const reports = checked.map((c) => c.report);
    io.stdout.write(format === 'turtle' ? reportToTurtle(reports) : `${JSON.stringify(reports.map(reportToJsonLd), null, 2)}\n`);
    io.stderr.write(summary);
  }
  return failed > 0 ? 1 : 0;
};

/** A file stands for itself; a folder for every record file in it. An empty folder is an error, not a pass. */
async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new LdpubError('LDPUB_IO', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { record: path });
  }
  if (!info.isDirectory()) return [path];
  const files = await listRecordFiles(path);
  if (files.length === 0) {
    throw new LdpubError('LDPUB_IO', `the folder holds no record file (${knownExtensions().map((e) => `*.${e}`).join(', ')})`, { record: path });
  }
  return files;
}

