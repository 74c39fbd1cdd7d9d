// The shortcuts of the text normal form (src/model/text.ts) give exactly what the full steps give.
import { describe, expect, it } from 'vitest';
import { cleanText, collapseSpaces, newTally, normalizeText } from '../../src/model/text.js';

/** The normal form as docs/text.md defines it, step by step, with no shortcut. */
const cleanDefinition = (s: string) =>
  s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '')
    .normalize('NFC');
const normalDefinition = (s: string) => cleanDefinition(s).replace(/\s+/g, ' ').trim();

/** The characters cleanText passes through without NFC (see isClean). */
const NFC_SHORTCUT = [
  ...Array.from({ length: 0x300 }, (_, c) => c),
  ...Array.from({ length: 0x100 }, (_, c) => 0x1e00 + c),
  ...Array.from({ length: 0x206f - 0x2002 + 1 }, (_, c) => 0x2002 + c),
].map((c) => String.fromCharCode(c));

describe('text normal form', () => {
  it('the characters passed without NFC are each their own NFC, and never compose with any character before them', () => {
    const changed: string[] = [];
    for (const c of NFC_SHORTCUT) if (c.normalize('NFC') !== c) changed.push(c);
    for (let x = 0; x < 0x10000; x += 1) {
      if (x >= 0xd800 && x <= 0xdfff) continue;
      const before = String.fromCharCode(x);
      if (before.normalize('NFC') !== before) continue;
      // Every pair within the set; any other character against a sample of it, a different one for each.
      const within = x < 0x300 || (x >= 0x1e00 && x < 0x1f00) || (x >= 0x2002 && x < 0x2070);
      const against = within ? NFC_SHORTCUT : NFC_SHORTCUT.filter((_, i) => i % 97 === x % 97);
      for (const c of against) if ((before + c).normalize('NFC') !== before + c) changed.push(before + c);
    }
    expect(changed).toEqual([]);
  });

  it('agrees with the definition for every BMP code unit, alone, between letters, doubled and next to a space', () => {
    const wrong: string[] = [];
    for (let x = 0; x < 0x10000; x++) {
      const c = String.fromCharCode(x);
      for (const s of [c, `a${c}b`, `${c}${c}`, ` ${c} `, `a ${c}${c} b`, `e${c}\u0301`, `\u1ea1${c}`]) {
        if (cleanText(s) !== cleanDefinition(s) || normalizeText(s) !== normalDefinition(s) || collapseSpaces(s) !== s.replace(/\s+/g, ' ')) wrong.push(s);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('NFC still applies to text with a character outside the shortcut set', () => {
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(cleanText('\u212b')).toBe('\u00c5');
    expect(cleanText('\u2000')).toBe('\u2002');
    expect(normalizeText('Cafe\u0301 ')).toBe('Caf\u00e9');
  });

  it('drops lone surrogates and controls and counts them, keeps surrogate pairs', () => {
    const tally = newTally();
    expect(cleanText('a\ud800b\udc00c\u0007d\u{1f600}e\u0085', tally)).toBe('abcd\u{1f600}e');
    expect(tally.surrogates).toBe(2);
    expect(tally.controls).toBe(2);
    expect([...tally.codes]).toEqual(['U+0007', 'U+0085']);
  });

  it('collapses any white space run to one space, and leaves single spaces as they are', () => {
    expect(collapseSpaces('a b c')).toBe('a b c');
    expect(collapseSpaces('a  b\tc\u00a0d\ufeffe \n f')).toBe('a b c d e f');
    expect(normalizeText('  a\u2003 b ')).toBe('a b');
    expect(normalizeText(' a b ')).toBe('a b');
  });

  it('agrees with the definition on many mixed strings', () => {
    const parts = ['a', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u0007', '\u0085', '\ud800', '\udc00', '\ud83d\ude00', 'e\u0301', '\u0301', '\u00e9', '\u3000', '\u2026', '\u1ecb', '\u1100', '\u1161', '\uac00', '\u11a8', 'Z'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let k = next() % 9; k > 0; k--) s += parts[next() % parts.length];
      const tally = newTally();
      expect([normalizeText(s, tally), cleanText(s)]).toEqual([normalDefinition(s), cleanDefinition(s)]);
    }
  });
});
