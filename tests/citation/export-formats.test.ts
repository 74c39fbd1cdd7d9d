import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBibtex, toCslJson, toRis } from '../../src/citation/index.js';
import type { Record } from '../../src/model/record.js';
import { bibtexReader } from '../../src/readers/bibtex.js';
import { cslJsonReader } from '../../src/readers/csl-json.js';
import { risReader } from '../../src/readers/ris.js';
import { project } from './projection.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/citation/seed.record.json', import.meta.url), 'utf8')) as Record;
const ctx = { id: '000_dbb0811b20e3e0e2', uri: 'https://example.org/record/000_dbb0811b20e3e0e2' };

describe('toCslJson', () => {
  it('maps the seed to a CSL item', () => {
    const item = toCslJson(seed, ctx);
    expect(item).toMatchObject({
      id: ctx.id,
      type: 'article-journal',
      'container-title': 'Clinical medicine insights. Case reports',
      ISSN: '1179-5476',
      volume: '16',
      number: '11795476231171891',
      page: '11795476231171891',
      issued: { 'date-parts': [[2023]] },
      language: 'en',
      DOI: '10.1177/11795476231171891',
      URL: ctx.uri,
    });
    expect((item.author as { family: string }[]).map((a) => a.family)).toEqual([
      'Kanda', 'Kakiuchi', 'Yurube', 'Takeoka', 'Miyazaki', 'Kuroda', 'Kakutani',
    ]);
    expect(item.abstract).toMatch(/^Background: Primary spinal .* Case presentation: We report .* Conclusions: Separation surgery/);
    expect(item).not.toHaveProperty('genre');
  });

  it.each([
    ['dataset', 'dataset'],
    ['chapter', 'chapter'],
    ['preprint', 'article'],
    ['conference-paper', 'paper-conference'],
    ['other', 'document'],
  ] as const)('writes type %s as CSL %s', (type, csl) => {
    expect(toCslJson({ ...seed, type }, ctx).type).toBe(csl);
  });
});

describe.each([
  ['BibTeX', toBibtex, bibtexReader],
  ['RIS', toRis, risReader],
  ['CSL-JSON', (r: Record, c: typeof ctx) => JSON.stringify(toCslJson(r, c)), cslJsonReader],
] as const)('%s output of the seed', (_name, write, reader) => {
  it('parses back to the same title, authors, journal, volume, article number and DOI', () => {
    const back = reader.read(write(seed, ctx));
    expect(back).toHaveLength(1);
    expect(project(back[0]!)).toEqual(project(seed));
    expect(back[0]!.locator).toEqual({ kind: 'article-number', value: '11795476231171891' });
    expect(back[0]!.id).toBe(ctx.id);
  });
});

describe('toBibtex and toRis', () => {
  it('key the BibTeX entry with the record id', () => {
    expect(toBibtex(seed, ctx)).toMatch(/^@article\{000_dbb0811b20e3e0e2,\n/);
  });

  it('write a RIS record from TY to ER with the article number as C7', () => {
    const ris = toRis(seed, ctx);
    expect(ris).toMatch(/^TY {2}- JOUR\n/);
    expect(ris).toMatch(/\nER {2}-\s*$/);
    expect(ris).toContain('C7  - 11795476231171891');
    // Every line is a tag line: long values are not broken over lines (citation-js breaks them at 70).
    for (const line of ris.trimEnd().split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-/);
    expect(ris).toContain(`TI  - ${seed.title}\n`);
  });
});
