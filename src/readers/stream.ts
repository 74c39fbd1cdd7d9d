// The streaming entry point for input: bytes as they arrive → each record, or the error naming it, as it is read.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import { readRecords } from './index.js';
import { looksLikeIso2709, looksLikeMarcXml, readMarcStream } from './marc/index.js';

const MARC_EXTENSIONS = new Set(['mrc', 'marc']);

function extensionOf(fileName: string): string {
  const i = fileName.lastIndexOf('.');
  return i > 0 ? fileName.slice(i + 1).toLowerCase() : '';
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
    yield* readMarcStream(rest(), fileName);
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
