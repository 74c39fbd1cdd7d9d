// The embedded catalog store: one LMDB file beside the data (DIR/.ldpub/catalog.mdb), no set-up, crash-safe by
// construction (copy-on-write pages, atomic commits: a kill -9 loses at most the transaction in flight).
import { closeSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LdpubError } from '../errors.js';
import { decodeBody, decodeVersion, encodeBody } from './codec.js';
import {
  STORE_FORMAT_VERSION,
  type CatalogStore,
  type Entry,
  type FileState,
  type Publication,
  type StagedFiles,
  type StoredRefusal,
  type StoredVersion,
  type StoreMeta,
} from './store.js';

type Lmdb = typeof import('lmdb');
type RootDatabase = import('lmdb').RootDatabase;
type Database<V = unknown, K extends import('lmdb').Key = string> = import('lmdb').Database<V, K>;

export const STORE_FILE = 'catalog.mdb';

/** The default store folder of a data folder. */
export function defaultStorePath(dataDir: string): string {
  return join(dataDir, '.ldpub');
}

const open = new Map<string, Promise<LmdbStore>>();

/**
 * Opens (creating if need be) the store in folder `dir`. One handle per folder per process. Throws LdpubError
 * LDPUB_STORE_IO (cannot create or write), LDPUB_STORE_CORRUPT (not a store) or LDPUB_STORE_VERSION.
 */
export function openStore(dir: string): Promise<LmdbStore> {
  let store = open.get(dir);
  if (!store) {
    store = LmdbStore.open(dir);
    open.set(dir, store);
    store.catch(() => open.delete(dir));
  }
  return store;
}

/** Closes every store this process opened (tests, and a command before it exits). */
export async function closeStores(): Promise<void> {
  const all = [...open.values()];
  open.clear();
  await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.close()));
}

export class LmdbStore implements CatalogStore {
  /** The newest responseDate given out by this process: no datestamp committed later is earlier. */
  responseFloor = 0;

  private constructor(
    readonly location: string,
    private root: RootDatabase,
    private metaDb: Database<unknown, string>,
    private entryDb: Database<Entry, string>,
    private fileDb: Database<FileState, string>,
    private versionDb: Database<Buffer, string>,
    private repDb: Database<Buffer, string>,
    private refusalDb: Database<StoredRefusal[], string>,
  ) {}

  /** The databases of an opened environment. */
  private static databases(root: RootDatabase) {
    const db = <V>(name: string, encoding: 'msgpack' | 'binary' = 'msgpack') => root.openDB<V, string>({ name, encoding });
    return [db<unknown>('meta'), db<Entry>('entries'), db<FileState>('files'), db<Buffer>('versions', 'binary'), db<Buffer>('representations', 'binary'), db<StoredRefusal[]>('refusals')] as const;
  }

  /**
   * Closes and maps the file again. Writing a large ingest reads many of its pages through the memory map (page
   * splits, reused pages), and they stay counted in this process's memory; mapped afresh, the process holds only
   * what it reads afterwards. Call it when no read is in flight (before serving).
   */
  async remap(): Promise<void> {
    await this.root.committed;
    await this.root.close();
    const lmdb: Lmdb = await import('lmdb');
    const root = lmdb.open({ path: this.location, maxDbs: 12, compression: false, encoding: 'msgpack' });
    this.root = root;
    [this.metaDb, this.entryDb, this.fileDb, this.versionDb, this.repDb, this.refusalDb] = LmdbStore.databases(root);
  }

  static async open(dir: string): Promise<LmdbStore> {
    const path = join(dir, STORE_FILE);
    try {
      mkdirSync(dir, { recursive: true });
      const probe = statSync(dir);
      if (!probe.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (e) {
      throw new LdpubError('LDPUB_STORE_IO', `cannot create the store folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give a writable --store PATH`, { record: dir });
    }
    checkHeader(path);
    const lmdb: Lmdb = await import('lmdb');
    let root: RootDatabase;
    try {
      root = lmdb.open({ path, maxDbs: 12, compression: false, encoding: 'msgpack' });
    } catch (e) {
      const message = (e as Error).message;
      if (/MDB_INVALID|MDB_VERSION_MISMATCH|MDB_CORRUPTED|MDB_PAGE_NOTFOUND/.test(message)) {
        throw new LdpubError('LDPUB_STORE_CORRUPT', `the store file is damaged or not a store (${message.split(':')[0]}); remove the folder to rebuild it from the data`, { record: path });
      }
      throw new LdpubError('LDPUB_STORE_IO', `cannot open the store (${(e as NodeJS.ErrnoException).code ?? message}); give a writable --store PATH`, { record: path });
    }
    try {
      const store = new LmdbStore(path, root, ...LmdbStore.databases(root));
      await store.checkVersion();
      return store;
    } catch (e) {
      await root.close().catch(() => undefined);
      if (e instanceof LdpubError) throw e;
      throw new LdpubError('LDPUB_STORE_CORRUPT', `the store cannot be read (${(e as Error).message}); remove the folder to rebuild it from the data`, { record: path });
    }
  }

  private async checkVersion(): Promise<void> {
    const version = this.metaDb.get('formatVersion');
    if (version === undefined) {
      if (this.entryDb.getCount() > 0 || this.fileDb.getCount() > 0) {
        throw new LdpubError('LDPUB_STORE_CORRUPT', 'the store has records but no format version; remove the folder to rebuild it from the data', { record: this.location });
      }
      await this.metaDb.put('formatVersion', STORE_FORMAT_VERSION);
      return;
    }
    if (version !== STORE_FORMAT_VERSION) {
      throw new LdpubError(
        'LDPUB_STORE_VERSION',
        `the store was written in format ${String(version)} and this ldpub reads format ${STORE_FORMAT_VERSION}; remove the folder (it is rebuilt from the data, but deletions recorded so far are forgotten) or run the ldpub that wrote it`,
        { record: this.location },
      );
    }
  }

  async meta(): Promise<StoreMeta> {
    const get = <T>(k: string) => this.metaDb.get(k) as T | undefined;
    const meta: StoreMeta = { formatVersion: get<number>('formatVersion') ?? STORE_FORMAT_VERSION };
    for (const k of ['base', 'earliest', 'floor', 'changed', 'snapshot', 'obsolete', 'staged'] as const) {
      const v = get<never>(k);
      if (v !== undefined) meta[k] = v;
    }
    return meta;
  }

  async entries(): Promise<Entry[]> {
    const out: Entry[] = [];
    for await (const batch of this.entryBatches()) for (const e of batch) out.push(e);
    return out;
  }

  async *entryBatches(): AsyncIterable<Entry[]> {
    let batch: Entry[] = [];
    for (const { value } of this.entryDb.getRange({})) {
      batch.push(value);
      // A million entries take seconds to decode: a restarted server answers requests between batches.
      if (batch.length === 20_000) {
        yield batch;
        batch = [];
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (batch.length) yield batch;
  }

  /** One entry by id, synchronously (a restarted server answers from it before its index is read). */
  entrySync(id: string): Entry | undefined {
    return this.entryDb.get(id);
  }

  async changesSince(datestamp: number): Promise<Entry[]> {
    return (await this.entries()).filter((e) => e.datestamp > datestamp);
  }

  async version(id: string, version: string): Promise<StoredVersion | undefined> {
    const bytes = this.versionDb.getBinaryFast(versionKey(id, version));
    return bytes ? decodeVersion(bytes) : undefined;
  }

  async representation(id: string, version: string, key: string): Promise<Buffer | undefined> {
    return this.representationSync(id, version, key);
  }

  /** The same, synchronously: the embedded store can answer without a round trip, and the dump reads millions. */
  representationSync(id: string, version: string, key: string): Buffer | undefined {
    // getBinaryFast returns a buffer reused by the next read: it is decoded (copied) at once.
    const bytes = this.repDb.getBinaryFast(repKey(id, version, key));
    return bytes ? decodeBody(bytes) : undefined;
  }

  async refusals(): Promise<StoredRefusal[]> {
    return this.refusalDb.get('all') ?? [];
  }

  async *fileStates(): AsyncIterable<Array<[string, FileState]>> {
    let batch: Array<[string, FileState]> = [];
    for (const { key, value } of this.fileDb.getRange({})) {
      batch.push([key, value]);
      if (batch.length === 2_000) {
        yield batch;
        batch = [];
        // A million files take seconds to decode: requests served meanwhile (a reload runs beside them) get a turn.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (batch.length) yield batch;
  }

  async fileState(source: string): Promise<FileState | undefined> {
    return this.fileDb.get(source);
  }

  async hasFilesUnder(prefix: string): Promise<boolean> {
    for (const key of this.fileDb.getKeys({ start: prefix, limit: 1 })) return key.startsWith(prefix);
    return false;
  }

  async stage(batch: StagedFiles): Promise<void> {
    await this.root.transaction(() => {
      for (const v of batch.versions) void this.versionDb.put(versionKey(v.id, v.version), asBuffer(v.bytes));
      for (const r of batch.representations) void this.repDb.put(repKey(r.id, r.version, r.key), asBuffer(r.bytes));
      for (const { source, state } of batch.files) void this.fileDb.put(source, state);
      void this.metaDb.put('staged', true);
    });
  }

  async publish(p: Publication): Promise<void> {
    await this.root.transaction(() => {
      for (const e of p.entries) void this.entryDb.put(e.id, e);
      for (const source of p.removedFiles) void this.fileDb.remove(source);
      void this.refusalDb.put('all', p.refusals);
      for (const [k, v] of Object.entries(p.meta)) if (v !== undefined && k !== 'staged') void this.metaDb.put(k, v);
      void this.metaDb.remove('staged');
      for (const { id, version } of p.obsolete) {
        void this.versionDb.remove(versionKey(id, version));
        for (const key of this.repDb.getKeys({ start: repKey(id, version, ''), end: repKey(id, version, '\uffff') })) void this.repDb.remove(key);
      }
    });
  }

  async putRepresentation(id: string, version: string, key: string, body: Buffer): Promise<void> {
    // Only while the version is still published: a late write after a reload must not resurrect it.
    if (this.versionDb.doesExist(versionKey(id, version))) await this.repDb.put(repKey(id, version, key), encodeBody(body));
  }

  /** Resolves once every write asked for so far is committed. */
  async settled(): Promise<void> {
    await this.root.committed;
  }

  /** Forgets every stored value (a store made with another base), keeping the format version and the floor. */
  async clear(): Promise<void> {
    await this.root.transaction(() => {
      for (const db of [this.entryDb, this.fileDb, this.versionDb, this.repDb, this.refusalDb]) {
        for (const key of db.getKeys({})) void db.remove(key);
      }
      for (const k of ['base', 'earliest', 'changed', 'snapshot', 'obsolete']) void this.metaDb.remove(k);
    });
  }

  async close(): Promise<void> {
    open.delete(this.location.slice(0, -STORE_FILE.length - 1));
    await this.root.close();
  }
}

const MAGIC = 0xbeefc0de;

/**
 * Checks both LMDB meta pages before the engine maps the file: LMDB trusts its header, and a file that is not a
 * store (or was overwritten) would otherwise abort the process instead of failing with an error.
 */
function checkHeader(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new LdpubError('LDPUB_STORE_IO', `cannot read the store (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { record: path });
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const damaged = (why: string) =>
      new LdpubError('LDPUB_STORE_CORRUPT', `the store file is damaged or not a store (${why}); remove the folder to rebuild it from the data`, { record: path });
    const head = Buffer.alloc(0x40);
    if (readSync(fd, head, 0, head.length, 0) < head.length) throw damaged('too short');
    if (head.readUInt32LE(0x18) !== MAGIC) throw damaged('no LMDB header');
    const pageSize = head.readUInt32LE(0x30);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0 || size < 2 * pageSize) throw damaged('bad page size');
    const second = Buffer.alloc(0x40);
    if (readSync(fd, second, 0, second.length, pageSize) < second.length || second.readUInt32LE(0x18) !== MAGIC) throw damaged('no second meta page');
  } finally {
    closeSync(fd);
  }
}

function versionKey(id: string, version: string): string {
  return `${id}\u0000${version}`;
}

function repKey(id: string, version: string, key: string): string {
  return `${id}\u0000${version}\u0000${key}`;
}

/** Bytes posted from a worker arrive as a plain Uint8Array; lmdb's binary encoding wants a Buffer (a view, no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export { versionOf } from './codec.js';
