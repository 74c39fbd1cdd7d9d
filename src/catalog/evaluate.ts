// One file through read → map → validate, as plain data that can cross a worker boundary. No I/O here.
import { createHash } from 'node:crypto';
import { isLdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import { mapFile } from '../pipeline.js';
import { writeNTriples } from '../formats/turtle.js';
import type { Gate } from '../validate/gate.js';
import { isPublishable, type ValidationReport } from '../validate/report.js';
import { graphStats, publishedQuads, type GraphStats } from './published.js';

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
export type FileOutcome =
  | { source: string; hash: string; records: EvaluatedRecord[] }
  | { source: string; hash: string; error: { code: string; message: string; field?: string; value?: string } };

/** The hash that tells a changed file: SHA-256 of its bytes. */
export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * `copy` makes the record's strings independent of the file text (slices would keep every file alive in memory);
 * a worker passes false, since posting the outcome copies it anyway.
 */
export function evaluateFile(text: string, source: string, hash: string, base: string, gate: Gate, copy = true): FileOutcome {
  try {
    const records = mapFile(text, source, base).map((m) => {
      const stats = graphStats(m.quads);
      // The published graph is the mapping plus one void:inDataset triple (see PublishedRecord.quads).
      stats.triples += 1;
      const report = gate(m.quads);
      const record = copy ? structuredClone(m.record) : m.record;
      const out: EvaluatedRecord = { id: m.id, iri: m.iri, record, report, stats };
      if (isPublishable(report)) out.nt = writeNTriples(publishedQuads(record, m.id, m.iri, base));
      return out;
    });
    return { source, hash, records };
  } catch (e) {
    if (!isLdpubError(e)) throw e;
    return { source, hash, error: { code: e.code, message: e.message, field: e.field, value: e.value } };
  }
}

export function unreadable(source: string, error: unknown): FileOutcome {
  return { source, hash: '', error: { code: 'LDPUB_IO', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` } };
}
