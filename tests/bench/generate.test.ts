import { describe, it, expect } from 'vitest';
import { generateRecord, generateRecords, INVALID_KINDS } from '../../bench/generate.js';
import { issn } from '../../bench/generate/record-text.js';
import { mulberry32 } from '../../bench/generate/prng.js';

/** The value of a label line (and its continuation lines up to the next label), or undefined. */
function fieldValue(text: string, label: string): string | undefined {
  const m = new RegExp(`^${label}: ?(.*)$`, 'm').exec(text);
  return m?.[1];
}

/** The first line that is neither blank nor page noise: the title, when there is one. */
function firstContentLine(text: string): string | undefined {
  return text.split('\n').find((l) => l !== '' && l !== 'Loading…' && l !== 'Saved in:' && l !== 'Bibliographic Details');
}

function issnCheckOk(value: string): boolean {
  const digits = value.replace('-', '');
  const sum = [...digits.slice(0, 7)].reduce((acc, d, i) => acc + Number(d) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return digits[7] === (check === 10 ? 'X' : String(check));
}

const sample = [...generateRecords({ count: 3000, seed: 42 })];
const valid = sample.filter((r) => !r.invalid);

describe('generateRecords', () => {
  it('gives the same records for the same seed and different ones for another seed', () => {
    const again = [...generateRecords({ count: 200, seed: 42 })];
    expect(again).toEqual(sample.slice(0, 200));
    const other = [...generateRecords({ count: 200, seed: 43 })];
    expect(other.map((r) => r.text)).not.toEqual(again.map((r) => r.text));
  });

  it('makes each record from its index alone', () => {
    expect(generateRecord(1234, 42)).toEqual(sample[1234]);
  });

  it('gives unique ids of the allowed form', () => {
    const ids = new Set(sample.map((r) => r.id));
    expect(ids.size).toBe(sample.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('names between 1 and 40 persons as authors, from both ends of the range', () => {
    const counts = valid.map((r) => {
      const list = fieldValue(r.text, 'Main Authors?');
      return list ? list.split(', ').length / 2 : 0;
    });
    const named = counts.filter((n) => n > 0);
    expect(named.length).toBeGreaterThan(valid.length * 0.95);
    for (const n of named) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(40);
    }
    expect(named).toContain(1);
    expect(Math.max(...named)).toBeGreaterThan(30);
  });

  it('uses names with particles and diacritics', () => {
    const all = sample.map((r) => r.text).join('\n');
    for (const s of ['van der Berg', 'de la Cruz', 'von ', 'Ó Briain', 'Groß', 'Núñez', 'Østergaard']) expect(all).toContain(s);
  });

  it('writes abstracts of 500 to 3,000 characters, some structured with glued headings', () => {
    const summaries = sample.map((r) => fieldValue(r.text, 'Summary')).filter((s): s is string => s !== undefined);
    expect(summaries.length).toBeGreaterThan(sample.length * 0.8);
    for (const s of summaries) {
      expect(s.length).toBeGreaterThanOrEqual(500);
      expect(s.length).toBeLessThanOrEqual(3000);
    }
    expect(summaries.some((s) => /^Background[A-Z]/.test(s))).toBe(true);
    expect(summaries.some((s) => /Case presentation[A-Z]/.test(s))).toBe(true);
  });

  it('varies which optional fields are present', () => {
    const share = (label: string) => valid.filter((r) => fieldValue(r.text, label) !== undefined).length / valid.length;
    for (const label of ['DOI', 'ISSN']) {
      expect(share(label)).toBeGreaterThan(0.5);
      expect(share(label)).toBeLessThan(0.98);
    }
    const publishedIn = valid.map((r) => fieldValue(r.text, 'Published in') ?? '');
    expect(publishedIn.some((p) => / \(\d+\)/.test(p))).toBe(true);
    expect(publishedIn.some((p) => /Vol\.\d+, p/.test(p))).toBe(true);
    expect(publishedIn.some((p) => /p\.e\d+$/.test(p))).toBe(true);
    expect(publishedIn.some((p) => /p\.(\d+)-\1$/.test(p))).toBe(true);
  });

  it('plants about 1% invalid records, of every kind', () => {
    const invalid = sample.filter((r) => r.invalid);
    expect(invalid.length).toBeGreaterThan(10);
    expect(invalid.length).toBeLessThan(60);
    const big = [...generateRecords({ count: 10000, seed: 5 })].filter((r) => r.invalid);
    expect(new Set(big.map((r) => r.invalid))).toEqual(new Set(INVALID_KINDS));
  });

  it('plants the violation it names', () => {
    const big = [...generateRecords({ count: 10000, seed: 5, invalidRate: 0.05 })].filter((r) => r.invalid);
    for (const r of big) {
      if (r.invalid === 'control-title') expect(firstContentLine(r.text)).toBe('\u0001\u001F\u0002');
      if (r.invalid === 'bad-doi') expect(fieldValue(r.text, 'DOI')).toMatch(/^10\.\d{1,3}\//);
      if (r.invalid === 'bad-issn') expect(issnCheckOk(fieldValue(r.text, 'ISSN') ?? '')).toBe(false);
      if (r.invalid === 'unknown-language') expect(fieldValue(r.text, 'Language')).toBe('Xyzzish');
      if (r.invalid === 'non-iso-date') expect(fieldValue(r.text, 'Published in')).toMatch(/ \d{4}-\d-\d( \(\d+\))?(,|$)/);
      if (r.invalid === 'no-title') expect(firstContentLine(r.text)).toMatch(/^(Published in|Main Authors?|Format):/);
    }
  });

  it('writes ISSNs with a correct check digit in valid records', () => {
    const rng = mulberry32(9);
    for (let i = 0; i < 500; i++) expect(issnCheckOk(issn(rng))).toBe(true);
    for (let i = 0; i < 500; i++) expect(issnCheckOk(issn(rng, true))).toBe(false);
  });
});
