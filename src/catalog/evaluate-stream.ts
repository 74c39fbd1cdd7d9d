// A MARC file (MARCXML or ISO 2709) through read → map → validate as its bytes arrive: the file never sits in memory
// whole, whatever its size, and a record that cannot be read refuses only itself, as in every other format.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { LdpubError } from '../errors.js';
import { mapRecordStream } from '../pipeline.js';
import { isStreamedInput, readRecordStream } from '../readers/stream.js';
import type { Gate } from '../validate/gate.js';
import { evaluateMapped, unreadable, type EntryProblem, type EvaluatedRecord, type FileOutcome } from './evaluate.js';

/** The extensions a streamed file can have; any other file is read whole without looking at its content. */
const CANDIDATES = /\.(?:mrc|marc|xml)$/i;

/** True when the file is MARC (by extension, or a `.xml` whose first 8 KiB are MARCXML): it is read record by record. */
export async function isStreamedFile(path: string): Promise<boolean> {
  if (!CANDIDATES.test(path)) return false;
  if (!/\.xml$/i.test(path)) return true;
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return isStreamedInput(path, undefined, buffer.subarray(0, bytesRead));
  } catch {
    // Unreadable now: read the usual way, which refuses it with the reason.
    return false;
  } finally {
    await handle?.close();
  }
}

/** SHA-256 of the file's bytes, read as a stream (the same hash as contentHash of the whole file). */
async function streamHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64url');
}

/**
 * Evaluates a streamed file: `same` when its bytes hash as `known` (nothing else is done), else its outcome, with
 * one entry problem per record that could not be read or whose id is refused. The bytes are read twice (hashed,
 * then read and hashed again as they are evaluated, so the stored hash is that of the bytes evaluated), in chunks.
 */
export async function evaluateStreamedFile(path: string, source: string, known: string | undefined, base: string, gate: Gate, copy = true): Promise<FileOutcome | 'same'> {
  try {
    if (known !== undefined && (await streamHash(path)) === known) return 'same';
  } catch (e) {
    return unreadable(source, e);
  }
  const hash = createHash('sha256');
  async function* bytes(): AsyncIterable<Uint8Array> {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  const records: EvaluatedRecord[] = [];
  const errors: EntryProblem[] = [];
  try {
    for await (const m of mapRecordStream(readRecordStream(bytes(), source, 'marc'), source, base)) {
      if (m instanceof LdpubError) {
        // "f.mrc, record 2 (001 x)": the message keeps the record part, as for the entries of other formats.
        const where = m.record && m.record !== source ? m.record.slice(m.record.startsWith(source) ? source.length : 0).replace(/^[\s,]+/, '') : '';
        errors.push({
          code: m.code,
          message: where ? `${where}: ${m.message}` : m.message,
          ...(m.field !== undefined ? { field: m.field } : {}),
          ...(m.value !== undefined ? { value: m.value } : {}),
        });
        continue;
      }
      records.push(evaluateMapped(m, base, gate, copy));
    }
  } catch (e) {
    if (e instanceof LdpubError) return { source, hash: '', error: { code: e.code, message: e.message, ...(e.field !== undefined ? { field: e.field } : {}), ...(e.value !== undefined ? { value: e.value } : {}) } };
    if ((e as NodeJS.ErrnoException).code) return unreadable(source, e);
    throw e;
  }
  return { source, hash: hash.digest('base64url'), records, ...(errors.length ? { errors } : {}) };
}
