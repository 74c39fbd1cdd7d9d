// Bulk dumps of the whole catalog, written record by record: N-Triples, one JSON-LD document (a @graph of every
// record's compacted JSON-LD), and JSON Lines of the same records, one document per line.
import type { Catalog } from '../catalog/catalog.js';
import type { PublishedRecord } from '../catalog/published.js';
import { formatByName } from '../formats/registry.js';
import { toJsonLdObject } from '../formats/jsonld.js';
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
  // One complete JSON-LD document per line (each with its own inline @context): JSON Lines, not one JSON-LD
  // document, so it is not labelled application/ld+json.
  // One JSON-LD document: {"@graph": [record, record, …]}, each record with its own embedded @context.
  jsonld: { kind: 'jsonld', path: '/dump.jsonld', contentType: 'application/ld+json; charset=utf-8', mediaType: 'application/ld+json' },
  // One complete JSON-LD document per line (each with its own inline @context): JSON Lines.
  jsonl: { kind: 'jsonl', path: '/dump.jsonl', contentType: 'application/jsonl; charset=utf-8', mediaType: 'application/jsonl' },
};

const NT = formatByName('ntriples')!;
const JSONLD = formatByName('jsonld')!;

/**
 * One record's part of the dump. A body already in the record's cache is reused; otherwise it is serialized
 * here and not cached, so a dump never leaves the whole catalog's serializations in memory.
 */
export async function recordDump(record: PublishedRecord, kind: DumpKind): Promise<string> {
  if (kind === 'nt') {
    const cached = record.peek(NT);
    return cached ? (await cached).body.toString('utf8') : writeNTriples(record.quads());
  }
  const cached = record.peek(JSONLD);
  const object = cached ? JSON.parse((await cached).body.toString('utf8')) : await toJsonLdObject(record.quads(), record.iri);
  return `${JSON.stringify(kind === 'jsonld' ? apartBlankNodes(object, record.id) : object)}\n`;
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

/** Writes the dump of every record in `catalog`, waiting on the sink between records. */
export async function writeDump(
  catalog: Catalog,
  kind: DumpKind,
  sink: Sink,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  const total = catalog.records.length;
  const framing = FRAMING[kind];
  let done = 0;
  await sink.write(framing.start);
  for (const record of catalog.records) {
    if (sink.aborted) return;
    const part = await recordDump(record, kind);
    await sink.write(done > 0 ? framing.between + part : part);
    done++;
    progress?.(done, total);
  }
  await sink.write(framing.end);
}
