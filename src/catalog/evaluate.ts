// One file through read → map → validate, as plain data that can cross a worker boundary. No I/O here.
import { createHash } from 'node:crypto';
import { isLdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import { mapFileEntries, type MappedRecord } from '../pipeline.js';
import { writeNTriples } from '../formats/turtle.js';
import type { Gate } from '../validate/gate.js';
import { isPublishable, type ValidationReport } from '../validate/report.js';
import { encodeBody, encodeVersion } from '../store/codec.js';
import type { StoredRefusal } from '../store/store.js';
import { graphStats, withDatasetLink, type GraphStats } from './published.js';

export interface EvaluatedRecord {
  id: string;
  iri: string;
  record: Record;
  report: ValidationReport;
  stats: GraphStats;
  /** The published graph as N-Triples, for a record that passes the gate: stored at ingest, so dumps stream bytes. */
  nt?: string;
}

/** What became of one file: its records (published or not is decided later, in file order), or why it could not be read. */
/** A refused entry of a file whose other entries were read, or a reader's warning, as plain data. */
export interface EntryProblem {
  code: string;
  message: string;
  field?: string;
  value?: string;
}

/** A file that could not be read or parsed as a whole. */
export type FileError = { source: string; hash: string; error: { code: string; message: string; field?: string; value?: string } };

export type FileOutcome = { source: string; hash: string; records: EvaluatedRecord[]; errors?: EntryProblem[]; warnings?: EntryProblem[] } | FileError;

/** The hash that tells a changed file: SHA-256 of its bytes. */
export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** One mapped record through the gate, with its statistics and, when publishable, its published N-Triples. */
export function evaluateMapped(m: MappedRecord, base: string, gate: Gate, copy: boolean): EvaluatedRecord {
  const stats = graphStats(m.quads);
  // The published graph is the mapping plus one void:inDataset triple (see PublishedRecord.quads).
  stats.triples += 1;
  const report = gate(m.quads);
  const record = copy ? structuredClone(m.record) : m.record;
  const out: EvaluatedRecord = { id: m.id, iri: m.iri, record, report, stats };
  // The mapping is pure, so the published graph is the one just validated plus the dataset link: not mapped again.
  if (isPublishable(report)) out.nt = writeNTriples(withDatasetLink(m.quads.slice(), m.iri, base));
  return out;
}

/**
 * `copy` makes the record's strings independent of the file text (slices would keep every file alive in memory);
 * a worker passes false, since posting the outcome copies it anyway.
 */
export function evaluateFile(input: string | Uint8Array, source: string, hash: string, base: string, gate: Gate, copy = true): FileOutcome {
  try {
    const file = mapFileEntries(input, source, base);
    const records = file.mapped.map((m) => evaluateMapped(m, base, gate, copy));
    // An entry error names the file and the entry ("refs.bib line 9 (key)"); the message keeps the entry part.
    const errors = file.errors.map((e) => ({
      code: e.code,
      message: e.record && e.record !== source ? `${e.record.slice(e.record.startsWith(source) ? source.length : 0).trim()}: ${e.message}` : e.message,
      ...(e.field !== undefined ? { field: e.field } : {}),
      ...(e.value !== undefined ? { value: e.value } : {}),
    }));
    const warnings = file.warnings.map((w) => ({ code: w.code, message: w.message }));
    return { source, hash, records, ...(errors.length ? { errors } : {}), ...(warnings.length ? { warnings } : {}) };
  } catch (e) {
    if (!isLdpubError(e)) throw e;
    return { source, hash, error: { code: e.code, message: e.message, field: e.field, value: e.value } };
  }
}

export function unreadable(source: string, error: unknown): FileError {
  return { source, hash: '', error: { code: 'LDPUB_IO', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` } };
}

/**
 * A record as the store takes it: its version named and encoded (codec.ts), its N-Triples encoded, and the few
 * fields the index keeps. Made where the record was evaluated (a worker thread), so what crosses to the writing
 * thread is bytes and a handful of numbers, not the record's object graph.
 */
export interface PackedRecord {
  id: string;
  version: string;
  publishable: boolean;
  warnings: number;
  stats: GraphStats;
  title?: string;
  /** Byte length of the N-Triples (0 when refused). */
  ntBytes: number;
  /** The encoded StoredVersion and N-Triples, for a record that passes the gate. */
  value?: Uint8Array;
  nt?: Uint8Array;
  /** Why it was refused (without its source, which the file's state carries). */
  refusal?: Omit<StoredRefusal, 'source'>;
}

export type PackedOutcome = { source: string; hash: string; records: PackedRecord[]; errors?: EntryProblem[]; warnings?: EntryProblem[] } | FileError;

/** One file evaluated and packed for the store. */
export function evaluatePacked(input: string | Uint8Array, source: string, hash: string, base: string, gate: Gate): PackedOutcome {
  return packOutcome(evaluateFile(input, source, hash, base, gate, false));
}

/** A file's outcome with each record packed for the thread that writes the store. */
export function packOutcome(outcome: FileOutcome): PackedOutcome {
  if ('error' in outcome) return outcome;
  return { ...outcome, records: outcome.records.map((r) => packRecord(r, outcome.source)) };
}

function packRecord(r: EvaluatedRecord, source: string): PackedRecord {
  const publishable = isPublishable(r.report);
  const { version, bytes } = encodeVersion({ id: r.id, source, iri: r.iri, record: r.record, report: r.report, stats: r.stats });
  const nt = r.nt === undefined ? undefined : Buffer.from(r.nt, 'utf8');
  const packed: PackedRecord = { id: r.id, version, publishable, warnings: r.report.results.length, stats: r.stats, ntBytes: nt?.length ?? 0 };
  if (r.record.title !== undefined) packed.title = r.record.title;
  if (publishable) {
    packed.value = bytes;
    if (nt) packed.nt = encodeBody(nt);
  } else {
    const first = r.report.results.find((x) => x.severity === 'Violation');
    packed.refusal = {
      id: r.id,
      code: 'LDPUB_INVALID_RECORD',
      message: first?.message ?? 'does not conform to the shapes',
      ...(first?.field !== undefined ? { field: first.field } : {}),
      ...(first?.value !== undefined ? { value: first.value } : {}),
      report: r.report,
    };
  }
  return packed;
}
