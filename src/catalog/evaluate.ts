// One file through read → map → validate, as plain data that can cross a worker boundary. No I/O here.
import { isLdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import { mapFileEntries } from '../pipeline.js';
import type { Gate } from '../validate/gate.js';
import type { ValidationReport } from '../validate/report.js';
import { graphStats, type GraphStats } from './published.js';

export interface EvaluatedRecord {
  id: string;
  iri: string;
  record: Record;
  report: ValidationReport;
  stats: GraphStats;
}

/** What became of one file: its records (published or not is decided later, in file order), or why it could not be read. */
/** A refused entry of a file whose other entries were read, or a reader's warning, as plain data. */
export interface EntryProblem {
  code: string;
  message: string;
  field?: string;
  value?: string;
}

export type FileOutcome =
  | { source: string; mtimeMs: number; records: EvaluatedRecord[]; errors?: EntryProblem[]; warnings?: EntryProblem[] }
  | { source: string; error: { code: string; message: string; field?: string; value?: string } };

/**
 * `copy` makes the record's strings independent of the file text (slices would keep every file alive in memory);
 * a worker passes false, since posting the outcome copies it anyway.
 */
export function evaluateFile(input: string | Uint8Array, source: string, mtimeMs: number, base: string, gate: Gate, copy = true): FileOutcome {
  try {
    const file = mapFileEntries(input, source, base);
    const records = file.mapped.map((m) => {
      const stats = graphStats(m.quads);
      // The published graph is the mapping plus one void:inDataset triple (see PublishedRecord.quads).
      stats.triples += 1;
      return { id: m.id, iri: m.iri, record: copy ? structuredClone(m.record) : m.record, report: gate(m.quads), stats };
    });
    // An entry error names the file and the entry ("refs.bib line 9 (key)"); the message keeps the entry part.
    const errors = file.errors.map((e) => ({
      code: e.code,
      message: e.record && e.record !== source ? `${e.record.slice(e.record.startsWith(source) ? source.length : 0).trim()}: ${e.message}` : e.message,
      ...(e.field !== undefined ? { field: e.field } : {}),
      ...(e.value !== undefined ? { value: e.value } : {}),
    }));
    const warnings = file.warnings.map((w) => ({ code: w.code, message: w.message }));
    return { source, mtimeMs, records, ...(errors.length ? { errors } : {}), ...(warnings.length ? { warnings } : {}) };
  } catch (e) {
    if (!isLdpubError(e)) throw e;
    return { source, error: { code: e.code, message: e.message, field: e.field, value: e.value } };
  }
}

export function unreadable(source: string, error: unknown): FileOutcome {
  return { source, error: { code: 'LDPUB_IO', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` } };
}
