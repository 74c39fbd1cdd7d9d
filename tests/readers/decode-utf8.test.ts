// decodeBytes checks UTF-8 with the native isUtf8 and decodes with Buffer: the same verdict and text as the
// byte-by-byte check (firstBadUtf8) and a fatal TextDecoder.
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeBytes, firstBadUtf8 } from '../../src/readers/shared/decode.js';

describe('UTF-8 check', () => {
  it('isUtf8 agrees with firstBadUtf8 on every sequence of up to three bytes after a lead byte, and on sampled four-byte ones', () => {
    const disagree: string[] = [];
    const check = (seq: number[]) => {
      const bytes = Buffer.from([0x61, ...seq, 0x62]);
      if (isUtf8(bytes) !== firstBadUtf8(bytes) < 0) disagree.push(seq.map((b) => b.toString(16)).join(' '));
    };
    for (let a = 0; a < 256; a++) {
      check([a]);
      for (let b = 0; b < 256; b++) {
        check([a, b]);
        if (a >= 0xe0 && a <= 0xef) for (let c = 0x70; c < 0xd0; c++) check([a, b, c]);
      }
    }
    for (const a of [0xef, 0xf0, 0xf3, 0xf4, 0xf5]) for (let b = 0x70; b < 0xd0; b++) for (const c of [0x7f, 0x80, 0xbf, 0xc0]) for (const d of [0x7f, 0x80, 0xbf, 0xc0]) check([a, b, c, d]);
    expect(disagree).toEqual([]);
  });

  it('decodes well-formed UTF-8 to what a fatal TextDecoder gives, a later BOM kept', () => {
    for (const text of ['plain', 'caf\u00e9 \u2026 \u1ecb', '\u{1f600} and \ud7ff\ue000\ufffd', 'a\ufeffb', '']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(decodeBytes(bytes).text).toBe(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
    }
    expect(decodeBytes(Buffer.from('\ufeff\ufeffx', 'utf8')).text).toBe('\ufeffx');
  });

  it('still falls back to Windows-1252, naming the first bad byte', () => {
    const decoded = decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('caf\u00e9 \u201cq\u201d');
    expect(decoded.warnings[0]?.message).toContain('0xE9 at offset 3');
  });
});
