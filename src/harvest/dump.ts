// Bulk dumps of the whole catalog, written record by record: N-Triples, and JSON Lines of compacted JSON-LD.
import type { Catalog } from '../catalog/catalog.js';
import type { PublishedRecord } from '../catalog/published.js';
import { formatByName } from '../formats/registry.js';
import { toJsonLdObject } from '../formats/jsonld.js';
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
  return `${JSON.stringify(object)}\n`;
}

/** Writes the dump of every record in `catalog`, waiting on the sink between records. */
export async function writeDump(
  catalog: Catalog,
  kind: DumpKind,
  sink: Sink,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  const total = catalog.records.length;
  let done = 0;
  for (const record of catalog.records) {
    if (sink.aborted) return;
    await sink.write(await recordDump(record, kind));
    progress?.(++done, total);
  }
}
