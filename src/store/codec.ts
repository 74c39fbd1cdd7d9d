// How the embedded store keeps its large values: a version as deflated JSON, a representation as deflated bytes.
// Done where the value is made (a worker thread, at ingest), so the thread that writes the store only copies bytes.
// Measured on generated records (docs/store.md): N-Triples shrink about 8× (17 KB to 2.2 KB) and versions about 2×
// (2.7 KB to 1.3 KB), which also keeps most values inside LMDB's leaf pages instead of 4 KiB overflow pages.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StoredVersion } from './store.js';

/** zlib level 1: within 12% of level 6 on N-Triples and about 40% faster to write (docs/store.md). */
const LEVEL = 1;

/** A version's name and its stored bytes: the name is a hash of the same JSON that is stored. */
export function encodeVersion(value: StoredVersion): { version: string; bytes: Buffer } {
  // Encoded to UTF-8 once, for both the hash and the deflate.
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return { version: hashOf(json), bytes: deflated(json) };
}

export function decodeVersion(bytes: Uint8Array): StoredVersion {
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as StoredVersion;
}

/** A version name from content: the same record, report and source give the same version, everywhere. */
export function versionOf(value: StoredVersion): string {
  return hashOf(JSON.stringify(value));
}

function hashOf(json: string | Buffer): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 22);
}

export function encodeBody(body: Buffer | string): Buffer {
  return deflated(body);
}

/**
 * Deflated, in a buffer of its own exactly its size. zlib gives a view of a fresh 16 KiB output chunk, which a
 * worker's postMessage would copy whole (about 40 µs a record for two values, against 7 µs for exact copies,
 * measured with bench/profile-ingest.ts --post), and which would stay alive as long as the view.
 */
function deflated(input: Buffer | string): Buffer {
  const bytes = deflateRawSync(input, { level: LEVEL });
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(own);
  return own;
}

export function decodeBody(bytes: Uint8Array): Buffer {
  return inflateRawSync(bytes);
}
