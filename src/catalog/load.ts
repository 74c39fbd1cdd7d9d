// Builds a Catalog from a data folder: every record file is read, mapped and put through the validation gate.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isLdpubError } from '../errors.js';
import { knownExtensions } from '../readers/index.js';
import { mapFile } from '../pipeline.js';
import { isPublishable, type ValidationReport } from '../validate/report.js';
import { Catalog, type Refusal } from './catalog.js';
import { graphStats, PublishedRecord } from './published.js';
import type { Quad } from '@rdfjs/types';

/** The SHACL gate: a record's quads in, its report out. */
export type Gate = (quads: Quad[]) => ValidationReport;

export interface CatalogLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface LoadOptions {
  dataDir: string;
  base: string;
  gate: Gate;
  logger?: CatalogLogger;
  /** Files read at once. */
  concurrency?: number;
}

const silent: CatalogLogger = { info() {}, warn() {} };

/** Lists the record files under `dir` (recursively), in a stable order, by the readers' extensions. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  const extensions = knownExtensions().map((e) => `.${e}`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.some((ext) => e.name.toLowerCase().endsWith(ext)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function loadCatalog(options: LoadOptions): Promise<Catalog> {
  const { dataDir, base, gate } = options;
  const logger = options.logger ?? silent;
  const files = await listRecordFiles(dataDir);
  const published: PublishedRecord[] = [];
  const refused: Refusal[] = [];
  const ids = new Map<string, string>();

  const refuse = (r: Refusal) => {
    refused.push(r);
    logger.warn({ record: r.source, id: r.id, code: r.code, field: r.field, value: r.value }, `refused: ${r.message}`);
  };

  const readOne = async (path: string): Promise<{ source: string; text?: string; mtime?: Date; error?: string }> => {
    const source = relative(dataDir, path) || path;
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { source, text, mtime: info.mtime };
    } catch (e) {
      return { source, error: (e as NodeJS.ErrnoException).code ?? 'error' };
    }
  };

  const handle = ({ source, text, mtime, error }: Awaited<ReturnType<typeof readOne>>) => {
    if (text === undefined || mtime === undefined) {
      refuse({ source, code: 'LDPUB_IO', message: `cannot read the file (${error})` });
      return;
    }
    try {
      for (const mapped of mapFile(text, source, base)) {
        const other = ids.get(mapped.id);
        if (other !== undefined) {
          refuse({ source, id: mapped.id, code: 'LDPUB_DUPLICATE_ID', message: `the id is already used by ${other}`, field: 'id', value: mapped.id });
          continue;
        }
        const report = gate(mapped.quads);
        if (!isPublishable(report)) {
          const first = report.results.find((r) => r.severity === 'Violation');
          refuse({
            source,
            id: mapped.id,
            code: 'LDPUB_INVALID_RECORD',
            message: first?.message ?? 'does not conform to the shapes',
            field: first?.field,
            value: first?.value,
            report,
          });
          continue;
        }
        ids.set(mapped.id, source);
        const seconds = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
        // The published graph is the mapping plus one void:inDataset triple (see PublishedRecord.quads).
        const stats = graphStats(mapped.quads);
        stats.triples += 1;
        published.push(new PublishedRecord(mapped.id, source, mapped.iri, base, mapped.record, report, seconds, stats));
      }
    } catch (e) {
      if (!isLdpubError(e)) throw e;
      refuse({ source, code: e.code, message: e.message, field: e.field, value: e.value });
    }
  };

  // Files are read concurrently, a batch at a time, but handled in listing order,
  // so a duplicate id is always refused in the same file.
  const concurrency = options.concurrency ?? 64;
  for (let i = 0; i < files.length; i += concurrency) {
    const batch = await Promise.all(files.slice(i, i + concurrency).map(readOne));
    for (const file of batch) handle(file);
  }
  const catalog = new Catalog(base, published, refused);
  logger.info({ ...catalog.counts(), dataDir }, 'catalog loaded');
  return catalog;
}
