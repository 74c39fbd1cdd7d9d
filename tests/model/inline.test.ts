// The pure helpers on inline-marked text and the text normal form (docs/text.md).
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/record.js';
import { hasMarkup, inlinePlainText, inlineToCslRichText, normalizeInline } from '../../src/model/inline.js';
import { cleanText, newTally, normalizeText } from '../../src/model/text.js';

describe('normalizeText', () => {
  it.each([
    ['  a \t b\r\n c  ', 'a b c'],
    ['a\u00A0b\u2028c\uFEFFd', 'a b c d'],
    ['e\u0301', '\u00E9'],
    ['a\u0000b\u001Fc\u007Fd\u0085e\uFFFEf', 'abcdef'],
    ['x\uD800y\uDC00z', 'xyz'],
    ['\uD83D\uDE00 \u{10FFFD}', '\uD83D\uDE00 \u{10FFFD}'],
    ['a\u000Bb\u000Cc', 'a b c'],
    ['zero\u200Dwidth joiner', 'zero\u200Dwidth joiner'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(expected)).toBe(expected);
  });

  it('counts what it drops', () => {
    const tally = newTally();
    cleanText('\u001Fa\u001Fb\u0001\uDFFF', tally);
    expect(tally).toEqual({ controls: 3, surrogates: 1, codes: new Set(['U+001F', 'U+0001']) });
  });
});

describe('inline nodes', () => {
  const nodes: Inline[] = ['  The ', { style: 'i', children: [' E. coli '] }, ' and CO', { style: 'sub', children: ['2'] }, { style: 'b', children: [''] }, '  '];

  it('normalise as a whole: one space across node boundaries, trimmed ends, no empty span', () => {
    expect(normalizeInline(nodes)).toEqual(['The ', { style: 'i', children: ['E. coli '] }, 'and CO', { style: 'sub', children: ['2'] }]);
    expect(inlinePlainText(normalizeInline(nodes))).toBe('The E. coli and CO2');
  });

  it('tell markup from plain text', () => {
    expect(hasMarkup(['plain'])).toBe(false);
    expect(hasMarkup(nodes)).toBe(true);
  });

  it('write CSL rich text with the five styles', () => {
    expect(inlineToCslRichText(['a ', { style: 'sc', children: ['b'] }, { style: 'sup', children: ['c'] }])).toBe(
      'a <span style="font-variant:small-caps;">b</span><sup>c</sup>',
    );
  });
});
