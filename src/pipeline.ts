// Read → map for one file: the steps every publishing path (CLI, catalog, benchmarks) shares before validation.
import { basename } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { LdpubError, isLdpubError } from './errors.js';
import type { Record } from './model/record.js';
import { readFile, type ReadWarning } from './readers/index.js';
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

/** What one file gives: its mapped records, a refusal per bad entry (the others are still mapped), and warnings. */
export interface MappedFile {
  mapped: MappedRecord[];
  errors: LdpubError[];
  warnings: ReadWarning[];
}

/**
 * The URL extensions of the formats a record is served in (`/record/{id}.ttl`). An id ending in one of them would
 * make `/record/a.b.ttl` name both record `a.b` in Turtle and record `a.b.ttl`, so such ids are refused.
 * tests/readers/ids.test.ts checks this list against the format registry.
 */
export const FORMAT_EXTENSIONS: readonly string[] = ['ttl', 'jsonld', 'nt', 'rdf', 'html', 'json', 'bib', 'ris', 'txt', 'marcxml', 'datacite'];

/** A record's id: the one its format carries, else the file name without its extension (numbered when a file holds several). */
export function recordId(record: Record, fileName: string, index: number, count: number): string {
  if (record.id) return record.id;
  const name = basename(fileName);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return count > 1 ? `${stem}-${index + 1}` : stem;
}

/** Throws LDPUB_BAD_ID for an id that is not of the allowed form, or that ends in a format extension. */
export function assertPublishableId(id: string, source: string): void {
  assertValidId(id, source);
  const dot = id.lastIndexOf('.');
  const ext = dot > 0 ? id.slice(dot + 1).toLowerCase() : '';
  if (FORMAT_EXTENSIONS.includes(ext)) {
    throw new LdpubError('LDPUB_BAD_ID', `a record id must not end in .${ext}: /record/${id} would also name the ${ext} format of record ${id.slice(0, dot)}`, {
      record: source,
      field: 'id',
      value: id,
    });
  }
}

function mapOne(record: Record, source: string, base: string, index: number, count: number): MappedRecord {
  const id = recordId(record, source, index, count);
  assertPublishableId(id, source);
  const iri = recordIri(base, id);
  return { id, source, iri, record, quads: mapRecord(record, { iri, blankPrefix: `${id}-` }) };
}

/**
 * Maps records as a reader streams them (readRecordStream), errors passed through. One record is held back until
 * the next arrives, so a file of one record gets the same id as from mapFile. An id made from the file name counts
 * the file's entries, the refused ones too (`refs-3` stays the third entry's), as mapFileEntries does.
 */
export async function* mapRecordStream(items: AsyncIterable<Record | LdpubError>, source: string, base: string): AsyncIterable<MappedRecord | LdpubError> {
  let held: { record: Record; index: number } | undefined;
  let seen = 0;
  const map = ({ record, index }: { record: Record; index: number }, count: number): MappedRecord | LdpubError => {
    try {
      return mapOne(record, source, base, index, count);
    } catch (e) {
      if (e instanceof LdpubError) return e;
      throw e;
    }
  };
  for await (const item of items) {
    const index = seen++;
    if (item instanceof LdpubError) {
      // In file order: the held record first (the file has more than one entry now).
      if (held) yield map(held, 2);
      held = undefined;
      yield item;
      continue;
    }
    if (held) yield map(held, 2);
    held = { record: item, index };
  }
  if (held) yield map(held, seen === 1 ? 1 : 2);
}

/**
 * Reads the file (bytes or text) and maps each record to quads, with per-entry recovery: an entry that cannot be
 * read, or whose id is refused, is one of `errors`. Throws an LdpubError naming `source` when the whole file is unreadable.
 */
export function mapFileEntries(input: string | Uint8Array, source: string, base: string, format?: string): MappedFile {
  const { records, errors, warnings, positions, entries } = readFile(input, source, format);
  const mapped: MappedRecord[] = [];
  records.forEach((record, i) => {
    const id = recordId(record, source, positions?.[i] ?? i, entries ?? records.length);
    try {
      assertPublishableId(id, source);
    } catch (e) {
      if (!isLdpubError(e)) throw e;
      errors.push(e);
      return;
    }
    const iri = recordIri(base, id);
    mapped.push({ id, source, iri, record, quads: mapRecord(record, { iri, blankPrefix: `${id}-` }) });
  });
  return { mapped, errors, warnings };
}

/** Reads every record in `text` and maps each to quads, all or nothing: the first refused entry is thrown. */
export function mapFile(input: string | Uint8Array, source: string, base: string, format?: string): MappedRecord[] {
  const { mapped, errors } = mapFileEntries(input, source, base, format);
  if (errors[0]) throw errors[0];
  return mapped;
}
