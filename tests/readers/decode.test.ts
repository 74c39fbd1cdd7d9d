// Bytes to text, strictly: UTF-8 with or without BOM, UTF-16 with a BOM, Windows-1252 with a warning, binary refused.
import { describe, expect, it } from 'vitest';
import { decodeBytes, firstBadUtf8 } from '../../src/readers/shared/decode.js';
import { DEFAULT_LIMITS } from '../../src/readers/shared/limits.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM, astral characters included', () => {
    expect(decodeBytes(utf8('Müller 😀'))).toEqual({ text: 'Müller 😀', encoding: 'utf-8', warnings: [] });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Müller')])).text).toBe('Müller');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Über 😀', 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeBytes(new Uint8Array(le))).toMatchObject({ text: 'Über 😀', encoding: 'utf-16le', warnings: [] });
    expect(decodeBytes(new Uint8Array(be))).toMatchObject({ text: 'Über 😀', encoding: 'utf-16be', warnings: [] });
  });

  it('refuses UTF-16 whose BOM is not borne out, naming the byte', () => {
    expect(() => decodeBytes(bytes(0xff, 0xfe, 0x41))).toThrow(expect.objectContaining({ code: 'LDPUB_BAD_ENCODING', field: 'bytes' }));
    expect(() => decodeBytes(bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00))).toThrow(
      expect.objectContaining({ code: 'LDPUB_BAD_ENCODING', value: '0x00 at offset 2' }),
    );
  });

  it('falls back to Windows-1252 with a warning that names the first bad byte and its offset; never U+FFFD', () => {
    const latin1 = Buffer.from('Zoë, Müller, ßtraße: Latin-1 text', 'latin1');
    const d = decodeBytes(new Uint8Array([...utf8('Zo'), 0xeb, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96]));
    expect(d.text).toBe('Zoë “q” –');
    expect(d.text).not.toContain('\uFFFD');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warnings.map((w) => w.toLine())).toEqual(['not UTF-8 (first bad byte 0xEB at offset 2): read as Windows-1252 [LDPUB_ENCODING_FALLBACK]']);
    expect(decodeBytes(new Uint8Array(latin1)).warnings).toHaveLength(1);
  });

  it('finds the first byte that is not well-formed UTF-8 (overlong, surrogate, truncated)', () => {
    expect(firstBadUtf8(utf8('ok é 😀'))).toBe(-1);
    expect(firstBadUtf8(bytes(0x41, 0xc0, 0x80))).toBe(1);
    expect(firstBadUtf8(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstBadUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).toBe(2);
    expect(firstBadUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });

  it('refuses binary and UTF-16 without a BOM', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(() => decodeBytes(png)).toThrow(expect.objectContaining({ code: 'LDPUB_BAD_ENCODING' }));
    expect(() => decodeBytes(new Uint8Array(Buffer.from('Title\nPublished in: X', 'utf16le')))).toThrow(
      expect.objectContaining({ code: 'LDPUB_BAD_ENCODING', value: '0x00 at offset 1' }),
    );
  });

  it('keeps a stray control character in text (normalisation drops and counts it)', () => {
    expect(decodeBytes(utf8('Title\u001F with a MARC delimiter and plenty of ordinary text around it')).text).toContain('\u001F');
  });

  it('refuses a file past the size limit before decoding it', () => {
    expect(() => decodeBytes(new Uint8Array(11), { ...DEFAULT_LIMITS, maxFileBytes: 10 })).toThrow(
      expect.objectContaining({ code: 'LDPUB_TOO_LARGE', value: '11 bytes' }),
    );
  });
});
