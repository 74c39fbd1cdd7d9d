// ISO 2709 (binary MARC) parsed incrementally: bytes are pushed in chunks of any size, whole records come out. A
// record whose leader or directory cannot be read becomes one LdpubError naming it, and reading goes on at the
// next record terminator; a file that ends inside a record ends with LDPUB_MARC_TRUNCATED.
import { LdpubError } from '../../errors.js';
import { decodeMarc8 } from './marc8.js';
import type { DataField, Field, MarcRecord } from './record.js';

const RECORD_END = 0x1d;
const FIELD_END = 0x1e;
const SUBFIELD = 0x1f;
const utf8 = new TextDecoder('utf-8');

export type Parsed = MarcRecord | LdpubError;

/** Names a record in error lines: its position in the file, and its 001 when that can be read. */
export function recordLabel(fileName: string, index: number, id?: string): string {
  return `${fileName}, record ${index}${id ? ` (001 ${id})` : ''}`;
}

export class Iso2709Parser {
  private buffer: Uint8Array = new Uint8Array(0);
  private index = 0;
  /** Set after a bad record: skip to the next record terminator. */
  private resync = false;

  constructor(private readonly fileName: string) {}

  push(chunk: Uint8Array): Parsed[] {
    this.buffer = this.buffer.length === 0 ? chunk : concat(this.buffer, chunk);
    return this.drain(false);
  }

  end(): Parsed[] {
    return this.drain(true);
  }

  private drain(final: boolean): Parsed[] {
    const out: Parsed[] = [];
    let pos = 0;
    const buf = this.buffer;
    for (;;) {
      if (this.resync) {
        const end = buf.indexOf(RECORD_END, pos);
        if (end < 0) {
          pos = buf.length;
          break;
        }
        pos = end + 1;
        this.resync = false;
      }
      // Line breaks between records are common in files that passed through text tools.
      while (pos < buf.length && (buf[pos] === 0x0a || buf[pos] === 0x0d)) pos++;
      if (pos >= buf.length) break;
      if (buf.length - pos < 5) {
        if (final) {
          out.push(this.truncated(buf.subarray(pos)));
          pos = buf.length;
        }
        break;
      }
      const lengthText = ascii(buf.subarray(pos, pos + 5));
      const index = ++this.index;
      if (!/^\d{5}$/.test(lengthText) || Number(lengthText) < 26) {
        out.push(this.badLeader(index, 'leader/00-04 (record length)', lengthText, 'is not a record length of five digits'));
        this.resync = true;
        continue;
      }
      const length = Number(lengthText);
      if (buf.length - pos < length) {
        this.index--; // not complete yet: counted again when it is
        if (final) {
          this.index++;
          out.push(this.truncated(buf.subarray(pos), index));
          pos = buf.length;
        }
        break;
      }
      const bytes = buf.subarray(pos, pos + length);
      if (bytes[length - 1] !== RECORD_END) {
        // The length is wrong: the record ends at the next terminator, which is where reading goes on.
        const end = buf.indexOf(RECORD_END, pos);
        if (end < 0 && !final) {
          this.index--;
          break;
        }
        out.push(this.badLeader(index, 'leader/00-04 (record length)', lengthText, `does not end at a record terminator${end >= 0 ? ` (the record is ${end + 1 - pos} bytes)` : ''}`, peekId(buf.subarray(pos, end < 0 ? buf.length : end))));
        pos = end < 0 ? buf.length : end + 1;
        continue;
      }
      out.push(parseRecord(bytes, this.fileName, index));
      pos += length;
    }
    this.buffer = buf.subarray(pos);
    return out;
  }

  private badLeader(index: number, field: string, value: string, message: string, id?: string): LdpubError {
    return new LdpubError('LDPUB_MARC_BAD_LEADER', message, { record: recordLabel(this.fileName, index, id), field, value });
  }

  private truncated(rest: Uint8Array, index = this.index + 1): LdpubError {
    return new LdpubError('LDPUB_MARC_TRUNCATED', `the file ends ${rest.length} bytes into a record`, {
      record: recordLabel(this.fileName, index, peekId(rest)),
      field: 'leader/00-04 (record length)',
      value: ascii(rest.subarray(0, 5)),
    });
  }
}

/** One whole record (its bytes end with the record terminator) to a MarcRecord, or the error naming what is wrong. */
export function parseRecord(bytes: Uint8Array, fileName: string, index: number): Parsed {
  const leader = ascii(bytes.subarray(0, 24));
  const label = (id?: string) => recordLabel(fileName, index, id);
  const id = peekId(bytes);
  const base = leader.slice(12, 17);
  if (!/^\d{5}$/.test(base) || Number(base) < 25 || Number(base) > bytes.length - 1) {
    return new LdpubError('LDPUB_MARC_BAD_LEADER', 'is not a base address of data inside the record', { record: label(id), field: 'leader/12-16 (base address of data)', value: base });
  }
  const baseAddress = Number(base);
  if (bytes[baseAddress - 1] !== FIELD_END || (baseAddress - 1 - 24) % 12 !== 0) {
    return new LdpubError('LDPUB_MARC_BAD_DIRECTORY', 'does not end at the base address with a field terminator in whole 12-byte entries', {
      record: label(id),
      field: 'directory',
      value: ascii(bytes.subarray(24, Math.min(baseAddress, 24 + 36))),
    });
  }
  const decode = leader[9] === 'a' ? (b: Uint8Array) => utf8.decode(b) : decodeMarc8;
  const fields: Field[] = [];
  const entries = (baseAddress - 1 - 24) / 12;
  for (let e = 0; e < entries; e++) {
    const entry = ascii(bytes.subarray(24 + e * 12, 36 + e * 12));
    const m = /^([0-9A-Za-z]{3})(\d{4})(\d{5})$/.exec(entry);
    if (!m) {
      return new LdpubError('LDPUB_MARC_BAD_DIRECTORY', 'is not a tag, a 4-digit length and a 5-digit start', { record: label(id), field: `directory entry ${e + 1}`, value: entry });
    }
    const tag = m[1] as string;
    const start = baseAddress + Number(m[3]);
    const end = start + Number(m[2]);
    if (Number(m[2]) < 1 || end > bytes.length - 1) {
      return new LdpubError('LDPUB_MARC_BAD_DIRECTORY', `points outside the record (${bytes.length} bytes)`, { record: label(id), field: `directory entry ${e + 1} (field ${tag})`, value: entry });
    }
    let data = bytes.subarray(start, end);
    if (data[data.length - 1] === FIELD_END) data = data.subarray(0, data.length - 1);
    if (tag.startsWith('00')) {
      fields.push({ tag, value: decode(data) });
      continue;
    }
    const field: DataField = { tag, ind1: indicator(data[0]), ind2: indicator(data[1]), subfields: [] };
    let i = data.indexOf(SUBFIELD);
    while (i >= 0 && i < data.length) {
      const next = data.indexOf(SUBFIELD, i + 1);
      const part = data.subarray(i + 1, next < 0 ? data.length : next);
      if (part.length > 0) field.subfields.push({ code: String.fromCharCode(part[0] as number), value: decode(part.subarray(1)) });
      i = next;
    }
    fields.push(field);
  }
  return { leader, fields };
}

function indicator(b: number | undefined): string {
  return b === undefined || b === SUBFIELD ? ' ' : String.fromCharCode(b);
}

/** The 001 of a record, read without trusting the directory (for naming a record whose structure is broken). */
function peekId(bytes: Uint8Array): string | undefined {
  if (bytes.length < 24) return undefined;
  const base = Number(ascii(bytes.subarray(12, 17)));
  for (let p = 24; p + 12 <= bytes.length && bytes[p] !== FIELD_END; p += 12) {
    const entry = ascii(bytes.subarray(p, p + 12));
    if (!entry.startsWith('001')) continue;
    const len = Number(entry.slice(3, 7));
    const start = Number(entry.slice(7, 12));
    if (!Number.isFinite(base) || !Number.isFinite(len) || !Number.isFinite(start)) return undefined;
    const v = ascii(bytes.subarray(base + start, base + start + len)).replace(/[\x1d\x1e]/g, '').trim();
    return v && /^[\x20-\x7e]+$/.test(v) ? v : undefined;
  }
  return undefined;
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Writes records as ISO 2709 in UTF-8 (leader/09 `a`), or in MARC-8 with `encode`: for fixtures and round trips. */
export function writeIso2709(record: MarcRecord, encode?: (text: string) => Uint8Array): Uint8Array {
  const enc = encode ?? ((t: string) => new TextEncoder().encode(t));
  const data: Uint8Array[] = [];
  let directory = '';
  let offset = 0;
  for (const f of record.fields) {
    let bytes: Uint8Array;
    if ('value' in f) bytes = concat(enc(f.value), Uint8Array.of(FIELD_END));
    else {
      const parts: Uint8Array[] = [enc(f.ind1 + f.ind2)];
      for (const s of f.subfields) parts.push(Uint8Array.of(SUBFIELD), enc(s.code + s.value));
      parts.push(Uint8Array.of(FIELD_END));
      bytes = parts.reduce(concat);
    }
    directory += f.tag + String(bytes.length).padStart(4, '0') + String(offset).padStart(5, '0');
    offset += bytes.length;
    data.push(bytes);
  }
  const base = 24 + directory.length + 1;
  const length = base + offset + 1;
  const leader = (record.leader.length === 24 ? record.leader : '     nam a22     uu 4500').split('');
  leader.splice(0, 5, ...String(length).padStart(5, '0'));
  leader.splice(12, 5, ...String(base).padStart(5, '0'));
  leader[9] = encode ? ' ' : 'a';
  leader.splice(10, 2, '2', '2');
  leader.splice(20, 4, '4', '5', '0', '0');
  const head = new TextEncoder().encode(leader.join('') + directory);
  return [head, Uint8Array.of(FIELD_END), ...data, Uint8Array.of(RECORD_END)].reduce(concat);
}
