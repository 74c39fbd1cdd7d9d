// The ISSN check digit, on real ISSNs and on each single-digit corruption of one.
import { describe, expect, it } from 'vitest';
import { issnCheckCharacter, issnCheckDigitOk } from '../../src/validate/issn.js';

describe('ISSN check digit', () => {
  it.each(['1179-5476', '0317-8471', '2049-3630', '0028-0836', '1050-124X', '2434-561X'])('accepts %s', (issn) => {
    expect(issnCheckDigitOk(issn)).toBe(true);
  });

  it('rejects every wrong check character for 1179-5476', () => {
    for (const c of '012345789X') expect(issnCheckDigitOk(`1179-547${c}`)).toBe(false);
  });

  it('computes X for a remainder of 10', () => {
    expect(issnCheckCharacter('1050124')).toBe('X');
  });

  it('leaves malformed values to the pattern constraint', () => {
    expect(issnCheckDigitOk('11795476')).toBe(true);
    expect(issnCheckDigitOk('not an ISSN')).toBe(true);
  });
});
