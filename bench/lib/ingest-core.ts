// The ingest path (read, map, validate) for a batch of record texts, shared by the main thread and the workers.
import type { Quad } from '@rdfjs/types';
import type { Record } from '../../src/model/record.js';
import type { BenchValidator, MapFn, ReadFn } from './project.js';
import { recordIri } from './project.js';

export interface Ingested {
  id: string;
  record: Record;
  quads: Quad[];
  publishable: boolean;
}

export interface IngestTally {
  records: number;
  publishable: number;
  refused: number;
  unreadable: number;
}

/** Reads, maps and validates each text; unreadable texts are counted, never thrown. */
export function ingest(
  texts: readonly { id: string; text: string }[],
  read: ReadFn,
  map: MapFn,
  validator: BenchValidator,
  keep = false,
): { tally: IngestTally; kept: Ingested[] } {
  const tally: IngestTally = { records: 0, publishable: 0, refused: 0, unreadable: 0 };
  const kept: Ingested[] = [];
  for (const { id, text } of texts) {
    let records: Record[];
    try {
      records = read(text, `${id}.txt`);
    } catch {
      tally.unreadable++;
      continue;
    }
    for (const record of records) {
      tally.records++;
      const quads = map(record, { iri: recordIri(id), blankPrefix: `${id}-` });
      const report = validator.validate(quads);
      const publishable = !report.results.some((r) => r.severity === 'Violation');
      if (publishable) tally.publishable++;
      else tally.refused++;
      if (keep) kept.push({ id, record, quads, publishable });
    }
  }
  return { tally, kept };
}
