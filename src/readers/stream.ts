// The streaming entry point for input: bytes as they arrive → each record, or the error naming it, as it is read.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import { readRecords } from './index.js';
import { newTally, normalizeRecord } from './shared/normalize.js';
import { looksLikeIso2709, looksLikeMarcXml, readMarcStream } from './marc/index.js';

const MARC_EXTENSIONS = new Set(['mrc', 'marc']);

function extensionOf(fileName: string): string {
  const i = fileName.lastIndexOf('.');
  return i > 0 ? fileName.slice(i + 1).toLowerCase() : '';
}

/**
 * True when a file is read record by record as its bytes arrive: MARC by extension, by `--from marc`, or by content
 * (`head`, the file's first bytes, for a `.xml` file or one without an extension).
 */
export function isStreamedInput(fileName: string, format: string | undefined, head: Uint8Array): boolean {
  if (format !== undefined) return format === 'marc';
  const ext = extensionOf(fileName);
  if (MARC_EXTENSIONS.has(ext)) return true;
  const first = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return looksLikeIso2709(first) || ((ext === 'xml' || ext === '') && looksLikeMarcXml(first.toString('utf8')));
}

/**
 * Reads the records in a file given as a stream of bytes. MARC files (by extension, `--from marc`, or content) are
 * read record by record, so their size does not matter; every other format is read whole through readRecords.
 * A record that cannot be read is yielded as an LdpubError naming the file and the record, and reading goes on.
 */
export async function* readRecordStream(bytes: AsyncIterable<Uint8Array>, fileName: string, format?: string): AsyncIterable<Record | LdpubError> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < 8192) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const first = Buffer.concat(head);
  const rest = async function* (): AsyncIterable<Uint8Array> {
    yield first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  };
  const ext = extensionOf(fileName);
  const marc =
    format === 'marc' ||
    (format === undefined &&
      (MARC_EXTENSIONS.has(ext) || looksLikeIso2709(first) || ((ext === 'xml' || ext === '') && looksLikeMarcXml(first.toString('utf8')))));
  if (marc) {
    // Each record in the normal form every reader's records are in (docs/text.md).
    const tally = newTally();
    for await (const item of readMarcStream(rest(), fileName)) yield item instanceof LdpubError ? item : normalizeRecord(item, tally);
    return;
  }
  const chunks: Uint8Array[] = [];
  for await (const c of rest()) chunks.push(c);
  try {
    yield* readRecords(Buffer.concat(chunks).toString('utf8'), fileName, format);
  } catch (e) {
    if (e instanceof LdpubError) yield e;
    else throw e;
  }
}
