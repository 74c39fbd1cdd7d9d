// Read → map for one file: the steps every publishing path (CLI, catalog, benchmarks) shares before validation.
import { basename } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { LdpubError } from './errors.js';
import type { Record } from './model/record.js';
import { readRecords } from './readers/index.js';
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

/** Reads every record in `text` and maps each to quads. Throws an LdpubError naming `source` for unreadable input. */
export function mapFile(text: string, source: string, base: string, format?: string): MappedRecord[] {
  const records = readRecords(text, source, format);
  return records.map((record, i) => mapOne(record, source, base, i, records.length));
}

function mapOne(record: Record, source: string, base: string, index: number, count: number): MappedRecord {
  const id = recordId(record, source, index, count);
  assertValidId(id, source);
  const iri = recordIri(base, id);
  return { id, source, iri, record, quads: mapRecord(record, { iri, blankPrefix: `${id}-` }) };
}

/**
 * Maps records as a reader streams them (readRecordStream), errors passed through. One record is held back until
 * the next arrives, so a file of one record gets the same id as from mapFile.
 */
export async function* mapRecordStream(items: AsyncIterable<Record | LdpubError>, source: string, base: string): AsyncIterable<MappedRecord | LdpubError> {
  let held: Record | undefined;
  let index = 0;
  let seen = 0;
  const map = (record: Record, count: number): MappedRecord | LdpubError => {
    try {
      return mapOne(record, source, base, index++, count);
    } catch (e) {
      if (e instanceof LdpubError) return e;
      throw e;
    }
  };
  for await (const item of items) {
    seen++;
    if (item instanceof LdpubError) {
      // In file order: the held record first (the file has more than one entry now).
      if (held) yield map(held, 2);
      held = undefined;
      yield item;
      continue;
    }
    if (held) yield map(held, 2);
    held = item;
  }
  if (held) yield map(held, seen === 1 ? 1 : 2);
}

