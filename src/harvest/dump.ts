// Bulk dumps of the whole catalog, written record by record from the store: N-Triples (stored at ingest, so the
// dump streams stored bytes and its length is known before the first byte), one JSON-LD document (a @graph of
// every record's compacted JSON-LD), and JSON Lines of the same records, one document per line (each record's
// JSON-LD computed once, then stored).
import type { Catalog, CatalogEntry } from '../catalog/catalog.js';
import { formatByName } from '../formats/registry.js';
import { writeNTriples } from '../formats/turtle.js';
import type { Sink } from './sink.js';

export type DumpKind = 'nt' | 'jsonld' | 'jsonl';

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
  // One JSON-LD document: {"@graph": [record, record, …]}, each record with its own embedded @context.
  jsonld: { kind: 'jsonld', path: '/dump.jsonld', contentType: 'application/ld+json; charset=utf-8', mediaType: 'application/ld+json' },
  // One complete JSON-LD document per line (each with its own inline @context): JSON Lines.
  jsonl: { kind: 'jsonl', path: '/dump.jsonl', contentType: 'application/jsonl; charset=utf-8', mediaType: 'application/jsonl' },
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
  const object: unknown = JSON.parse(body.toString('utf8'));
  return `${JSON.stringify(kind === 'jsonld' ? apartBlankNodes(object, entry.id) : object)}\n`;
}

/**
 * Blank-node labels prefixed with the record id (as in the N-Triples dump): in one JSON-LD document, labels are
 * shared by the whole document, so two records' `_:b0` would otherwise become one node.
 */
function apartBlankNodes(value: unknown, id: string): unknown {
  if (Array.isArray(value)) return value.map((v) => apartBlankNodes(v, id));
  if (typeof value !== 'object' || value === null) return value;
  const out: { [k: string]: unknown } = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '@context' ? v : k === '@id' && typeof v === 'string' && v.startsWith('_:') ? `_:${id}-${v.slice(2)}` : apartBlankNodes(v, id);
  }
  return out;
}

/** What goes before the first record, between two, and after the last. */
const FRAMING: { readonly [K in DumpKind]: { start: string; between: string; end: string } } = {
  nt: { start: '', between: '', end: '' },
  jsonl: { start: '', between: '', end: '' },
  jsonld: { start: '{"@graph":[\n', between: ',', end: ']}\n' },
};

/** The byte length of the N-Triples dump, known from the lengths stored at ingest. */
export function ntLength(catalog: Catalog): number | undefined {
  return catalog.ntBytes;
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
  if (range) {
    for (const entry of records) {
      if (sink.aborted) return;
      const size = entry.ntBytes ?? 0;
      if (offset + size <= range.start) {
        offset += size;
        continue;
      }
      if (offset > range.end) break;
      const part = await recordDump(catalog, entry, 'nt');
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      await sink.write(bytes.subarray(Math.max(0, range.start - offset), range.end + 1 - offset));
      offset += size;
    }
    return;
  }
  const framing = FRAMING[kind];
  if (framing.start) await sink.write(framing.start);
  for (const entry of records) {
    if (sink.aborted) return;
    const part = await recordDump(catalog, entry, kind);
    if (done > 0 && framing.between) await sink.write(framing.between);
    await sink.write(part);
    done++;
    progress?.(done, total);
  }
  if (framing.end) await sink.write(framing.end);
}
