// Bytes to text, strictly: UTF-8 (with or without a byte-order mark), UTF-16 with one, else Windows-1252 with a
// warning; binary is refused. Never a U+FFFD in place of a byte the reader could not decode. See docs/text.md.
import { isUtf8 } from 'node:buffer';
import { LdpubError } from '../../errors.js';
import { ReadWarning } from '../warnings.js';
import { currentLimits, type InputLimits } from './limits.js';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read in: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
  warnings: ReadWarning[];
}

/** How much of the start of a file is looked at to tell binary from text. */
const SAMPLE = 8192;

function badEncoding(message: string, offset: number, byte: number | undefined): LdpubError {
  const value = byte === undefined ? `offset ${offset}` : `0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}`;
  return new LdpubError('LDPUB_BAD_ENCODING', message, { field: 'bytes', value });
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Binary: NUL bytes in more than 1 in 10 of the sampled bytes (UTF-16 without a BOM looks like this too), or mostly C0 controls. */
function binaryAt(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, SAMPLE);
  let nul = 0;
  let control = 0;
  let first = -1;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      control++;
      if (first < 0) first = i;
    }
  }
  return nul * 10 > end || control * 3 > end ? first : -1;
}

/**
 * Decodes a file's bytes. `file` is only for the warning text. Throws LdpubError LDPUB_BAD_ENCODING for binary
 * content (or UTF-16 without a BOM) and for a UTF-16 file whose bytes do not decode, LDPUB_TOO_LARGE past the size limit.
 */
export function decodeBytes(bytes: Uint8Array, limits: InputLimits = currentLimits()): Decoded {
  if (bytes.length > limits.maxFileBytes) {
    throw new LdpubError('LDPUB_TOO_LARGE', `the file is larger than the limit of ${limits.maxFileBytes} bytes (set LDPUB_MAX_FILE_BYTES)`, {
      field: 'size',
      value: `${bytes.length} bytes`,
    });
  }
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8(bytes.subarray(3), 3);
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) throw badEncoding(`the byte-order mark says ${encoding.toUpperCase()}, but the file has an odd number of bytes`, bytes.length - 1, bytes[bytes.length - 1]);
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding, warnings: [] };
    } catch {
      const at = firstBadUtf16(body, encoding === 'utf-16le');
      throw badEncoding(`the byte-order mark says ${encoding.toUpperCase()}, but the file holds an unpaired surrogate`, at + 2, body[at]);
    }
  }
  return utf8(bytes, 0);
}

function utf8(bytes: Uint8Array, skipped: number): Decoded {
  const binary = binaryAt(bytes);
  if (binary >= 0) {
    throw badEncoding('looks binary (or UTF-16 without a byte-order mark), not a text record', binary + skipped, bytes[binary]);
  }
  // isUtf8 is native (simdutf) and checks the same well-formedness; the offset is looked for only when it fails.
  const bad = isUtf8(bytes) ? -1 : firstBadUtf8(bytes);
  // Not UTF-8: plausible Windows-1252 text has no NUL and few control bytes; anything else is binary.
  if (bad >= 0) {
    const suspect = plausibleSingleByte(bytes);
    if (suspect >= 0) throw badEncoding('is neither UTF-8 nor plausible Windows-1252 text: it looks binary', suspect + skipped, bytes[suspect]);
  }
  // Well-formed, so Buffer's decoder (faster than TextDecoder's) gives the same text, a BOM past the first kept as U+FEFF.
  if (bad < 0) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: 'utf-8', warnings: [] };
  const byte = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
  const warning = new ReadWarning(
    'LDPUB_ENCODING_FALLBACK',
    `not UTF-8 (first bad byte 0x${byte} at offset ${bad + skipped}): read as Windows-1252`,
  );
  return { text: windows1252(bytes), encoding: 'windows-1252', warnings: [warning] };
}

/** The offset of the first NUL or control byte when the sample has any NUL or more than 1 in 20 control bytes, else -1. */
function plausibleSingleByte(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, SAMPLE);
  let control = 0;
  let first = -1;
  let nul = false;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      control++;
      if (first < 0) first = i;
      if (b === 0) nul = true;
    }
  }
  return nul || control * 20 > end ? first : -1;
}

// Windows-1252's 0x80–0x9F (WHATWG Encoding): Node's TextDecoder('windows-1252') decodes them as Latin-1's C1
// controls, so the table is applied here. The five unassigned bytes stay C1 controls (dropped and counted later).
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function windows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

function firstBadUtf16(body: Uint8Array, littleEndian: boolean): number {
  for (let i = 0; i + 1 < body.length; i += 2) {
    const unit = littleEndian ? (body[i] as number) | ((body[i + 1] as number) << 8) : ((body[i] as number) << 8) | (body[i + 1] as number);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const j = i + 2;
      const next = j + 1 < body.length ? (littleEndian ? (body[j] as number) | ((body[j + 1] as number) << 8) : ((body[j] as number) << 8) | (body[j + 1] as number)) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return 0;
}
