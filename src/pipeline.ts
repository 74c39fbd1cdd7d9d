// Read → map for one file: the steps every publishing path (CLI, catalog, benchmarks) shares before validation.
import { basename } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { Record } from './model/record.js';
import { readRecordsReport } from './readers/index.js';
import type { LdpubError } from './errors.js';
import { mapRecord } from './rdf/map-record.js';
import { assertValidId, recordIri } from './rdf/iris.js';

export interface MappedRecord {
  id: string;
  /** The file the record came from, as named to the user. */
  source: string;
  iri: string;
  record: Record;
  quads: Quad[];
}

/** A record's id: the one its format carries, else the file name without its extension (numbered when a file holds several). */
export function recordId(record: Record, fileName: string, index: number, count: number): string {
  if (record.id) return record.id;
  const name = basename(fileName);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return count > 1 ? `${stem}-${index + 1}` : stem;
}

/**
 * Reads every record in `text` and maps each to quads. Throws an LdpubError naming `source` for unreadable input;
 * in a many-record file, each record that cannot be read goes to `onProblem` and the others are still mapped.
 */
export function mapFile(text: string, source: string, base: string, format?: string, onProblem?: (problem: LdpubError) => void): MappedRecord[] {
  const { records, problems } = readRecordsReport(text, source, format);
  for (const p of problems) onProblem?.(p);
  return records.map((record, i) => {
    const id = recordId(record, source, i, records.length);
    assertValidId(id, source);
    const iri = recordIri(base, id);
    return { id, source, iri, record, quads: mapRecord(record, { iri, blankPrefix: `${id}-` }) };
  });
}

