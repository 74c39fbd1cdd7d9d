// The catalog store: what the catalog, the server and the harvesting routes read, behind one interface that an
// embedded store (LMDB, the default) and a remote one (a SPARQL 1.1 store) can both implement. Reads are async
// where a remote store would need them; every value is plain data, and every validator is derived from content.
import type { Record } from '../model/record.js';
import type { ValidationReport } from '../validate/report.js';

/** Bumped whenever the layout of stored values changes; a store of another version is refused (LDPUB_STORE_VERSION). */
export const STORE_FORMAT_VERSION = 2;

/** Counts of a record's published graph, taken once at ingest. */
export interface GraphStats {
  triples: number;
  entities: number;
}

/**
 * One record as published, or its tombstone. `version` names the content (a hash of the evaluated record), so a
 * stored representation keyed by it is never stale; `datestamp` is when the store committed the change (ms, UTC).
 */
export interface Entry {
  id: string;
  /** The content version: a hash of what was published; '' for a tombstone. */
  version: string;
  datestamp: number;
  /** The data file it came from, relative to the data folder. */
  source: string;
  deleted?: true;
  /** Results (warnings) in the record's validation report. */
  warnings?: number;
  /** Byte length of the stored N-Triples, so a dump knows its length before it is read. */
  ntBytes?: number;
  stats?: GraphStats;
  /** The title, for listings that show one without reading the record. */
  title?: string;
}

/** What a version holds: the record and its report, enough to render every format. */
export interface StoredVersion {
  id: string;
  source: string;
  iri: string;
  record: Record;
  report: ValidationReport;
  stats: GraphStats;
}

/** Why a file or a record in it was not published. */
export interface StoredRefusal {
  source: string;
  code: string;
  message: string;
  id?: string;
  field?: string;
  value?: string;
  report?: ValidationReport;
}

/** A data file as last evaluated: the stat that tells it unchanged, the hash of its bytes, and its records. */
export interface FileState {
  /** Size, modification and change time, inode: equal means unchanged and the file is not read again. */
  stamp: string;
  /** SHA-256 of the bytes: equal means unchanged even when the stamp differs (a touch, a copy). */
  hash: string;
  /** Which evaluation produced it (the gate's key); another key means the file must be evaluated again. */
  gate: string;
  records: Array<{ id: string; version: string; publishable: boolean; warnings: number; ntBytes: number; stats: GraphStats; title?: string; refusal?: StoredRefusal }>;
  error?: StoredRefusal;
  /** Entries of a many-record file that could not be read; the others are in `records`. */
  entryErrors?: StoredRefusal[];
  /** What the reader changed on the way (encoding fallback, control characters dropped), as `code` and `message`. */
  warnings?: Array<{ code: string; message: string }>;
}

export interface StoreMeta {
  formatVersion: number;
  /** The base every stored IRI and representation was made with. */
  base?: string;
  /** The first datestamp ever given (OAI-PMH earliestDatestamp); never moves. */
  earliest?: number;
  /** The newest datestamp or responseDate given out: no datestamp is ever earlier. */
  floor?: number;
  /** When the published set last changed, deletions included (Last-Modified of the dumps). */
  changed?: number;
  /** A hash over every entry: changes whenever the published set or any tombstone does. */
  snapshot?: string;
  /** Versions replaced by the last publication, removed by the next one (requests in flight may still read them). */
  obsolete?: Array<{ id: string; version: string }>;
  /** Files were staged since the last publication: the next load must assemble every file to publish them. */
  staged?: boolean;
}

/** What the catalog reads. Implemented by the embedded store and, later, by a SPARQL-backed one. */
export interface CatalogReader {
  readonly location: string;
  meta(): Promise<StoreMeta>;
  /** Every entry, tombstones included, sorted by id: the order of every listing, page and dump. */
  entries(): Promise<Entry[]>;
  /** The same entries in the same order, in batches: a million are read without holding them all. */
  entryBatches(): AsyncIterable<Entry[]>;
  /** Entries committed after `datestamp` (ms), tombstones included, sorted by id. */
  changesSince(datestamp: number): Promise<Entry[]>;
  version(id: string, version: string): Promise<StoredVersion | undefined>;
  /** A stored representation: `key` is the format's key (with canonical parameters). */
  representation(id: string, version: string, key: string): Promise<Buffer | undefined>;
  /** The refusals of the last committed ingest, in file order. */
  refusals(): Promise<StoredRefusal[]>;
}

/**
 * A batch of evaluated files: written durably before anything is published, so a crash loses none of the work.
 * Versions and representations come encoded as the store keeps them (src/store/codec.ts), made where they were
 * evaluated, so the writing thread only copies bytes.
 */
export interface StagedFiles {
  files: Array<{ source: string; state: FileState }>;
  versions: Array<{ id: string; version: string; bytes: Uint8Array }>;
  representations: Array<{ id: string; version: string; key: string; bytes: Uint8Array }>;
}

/** The published change: entries written (new, changed, tombstones), files forgotten, and the new metadata. */
export interface Publication {
  /** Iterated once, inside the write (a first ingest publishes a million, kept packed until then). */
  entries: Iterable<Entry>;
  removedFiles: string[];
  refusals: StoredRefusal[];
  meta: StoreMeta;
  /** Versions no longer published, whose values and representations may go. */
  obsolete: Array<{ id: string; version: string }>;
}

export interface CatalogStore extends CatalogReader {
  /** The newest responseDate given out (ms): the next datestamp is never earlier. */
  responseFloor: number;
  /**
   * Every data file's state in key order (the order of `compareSources`), in batches: streamed, so a million
   * files are never held at once.
   */
  fileStates(): AsyncIterable<Array<[string, FileState]>>;
  /** One data file's state. */
  fileState(source: string): Promise<FileState | undefined>;
  /** True when a stored data file lies under the folder `prefix` (ending in a path separator). */
  hasFilesUnder(prefix: string): Promise<boolean>;
  stage(batch: StagedFiles): Promise<void>;
  publish(publication: Publication): Promise<void>;
  /** Persists a representation computed on first request. */
  putRepresentation(id: string, version: string, key: string, body: Buffer): Promise<void>;
  close(): Promise<void>;
}

/**
 * The order of data files everywhere (listing, staging, "the first file wins an id"): by Unicode code point, which
 * is the order the embedded store keeps its keys in (UTF-8 bytes). JavaScript's `<` compares UTF-16 code units
 * and differs only where a surrogate pair meets a character from U+E000 up.
 */
export function compareSources(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      if (cx !== cy) return cx < cy ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Sorts sources in `compareSources` order: the engine's sort first, the exact comparison only when needed. */
export function sortSources(sources: string[]): string[] {
  sources.sort();
  if (sources.some((s) => /[\ud800-\uffff]/.test(s))) sources.sort(compareSources);
  return sources;
}
