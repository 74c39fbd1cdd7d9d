// Bulk dumps of the whole catalog, written record by record from the store: N-Triples (stored at ingest, so the
// dump streams stored bytes and its length is known before the first byte), and JSON Lines of compacted JSON-LD
// (each record's JSON-LD computed once, then stored).
import type { Catalog, CatalogEntry } from '../catalog/catalog.js';
import { formatByName } from '../formats/registry.js';
import { writeNTriples } from '../formats/turtle.js';
import type { Sink } from './sink.js';

export type DumpKind = 'nt' | 'jsonld';

export interface DumpInfo {
  kind: DumpKind;
  path: string;
  /** The Content-Type header value. */
  contentType: string;
  /** The media type, without parameters, for VoID. */
  mediaType: string;
}

export const DUMPS: { readonly [K in DumpKind]: DumpInfo } = {
  nt: { kind: 'nt', path: '/dump.nt', contentType: 'application/n-triples; charset=utf-8', mediaType: 'application/n-triples' },
  // One complete JSON-LD document per line (each with its own inline @context): JSON Lines, not one JSON-LD
  // document, so it is not labelled application/ld+json.
  jsonld: { kind: 'jsonld', path: '/dump.jsonld', contentType: 'application/x-ndjson; charset=utf-8', mediaType: 'application/x-ndjson' },
};

const JSONLD = formatByName('jsonld')!;

/** One record's part of the dump, from the store; computed (and for JSON-LD, stored) when the store has none. */
export async function recordDump(catalog: Catalog, entry: CatalogEntry, kind: DumpKind): Promise<Buffer | string> {
  if (kind === 'nt') {
    const stored = await catalog.store.representation(entry.id, entry.version, 'ntriples');
    if (stored) return stored;
    const record = await catalog.get(entry.id);
    return record ? writeNTriples(record.quads()) : '';
  }
  const record = await catalog.get(entry.id);
  if (!record) return '';
  const { body } = await record.render(JSONLD);
  return `${JSON.stringify(JSON.parse(body.toString('utf8')))}\n`;
}

/** The byte length of the N-Triples dump, known from the lengths stored at ingest. */
export function ntLength(catalog: Catalog): number | undefined {
  let total = 0;
  for (const r of catalog.records) {
    if (r.ntBytes === undefined) return undefined;
    total += r.ntBytes;
  }
  return total;
}

/**
 * Writes the dump of every record in `catalog`, waiting on the sink between records. `range` (N-Triples only)
 * writes bytes [start, end] of the dump, skipping whole records before it by their stored lengths.
 */
export async function writeDump(
  catalog: Catalog,
  kind: DumpKind,
  sink: Sink,
  progress?: (done: number, total: number) => void,
  range?: { start: number; end: number },
): Promise<void> {
  const records = catalog.records;
  const total = records.length;
  let done = 0;
  let offset = 0;
  for (const entry of records) {
    if (sink.aborted) return;
    if (range) {
      const size = entry.ntBytes ?? 0;
      if (offset + size <= range.start) {
        offset += size;
        continue;
      }
      if (offset > range.end) break;
      const part = await recordDump(catalog, entry, kind);
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      await sink.write(bytes.subarray(Math.max(0, range.start - offset), range.end + 1 - offset));
      offset += size;
      continue;
    }
    await sink.write(await recordDump(catalog, entry, kind));
    progress?.(++done, total);
  }
}
