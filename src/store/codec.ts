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
  const json = JSON.stringify(value);
  return { version: hashOf(json), bytes: deflateRawSync(json, { level: LEVEL }) };
}

export function decodeVersion(bytes: Uint8Array): StoredVersion {
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as StoredVersion;
}

/** A version name from content: the same record, report and source give the same version, everywhere. */
export function versionOf(value: StoredVersion): string {
  return hashOf(JSON.stringify(value));
}

function hashOf(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 22);
}

export function encodeBody(body: Buffer | string): Buffer {
  return deflateRawSync(body, { level: LEVEL });
}

export function decodeBody(bytes: Uint8Array): Buffer {
  return inflateRawSync(bytes);
}
