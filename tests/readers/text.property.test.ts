// Property: records built from arbitrary Unicode strings in every field (all planes, every control character,
// lone surrogates, `]]>`, `</script>`, `"""`, `<`, `>`), written as CSL-JSON, BibTeX and catalog text the way each
// format says, are read by ldpub's readers, mapped and published, and every text comes back in its normal form
// (docs/text.md). `sources` and `expected` are the extension points: another format is one more writer.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Record } from '../../src/model/record.js';
import { displayName, normalizeText } from '../../src/model/text.js';
import { mapFileEntries, type MappedRecord } from '../../src/pipeline.js';
import { isPublishable, loadValidator, type Validator } from '../../src/validate/index.js';

const BASE = 'http://localhost:3000';

const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007F', '\u0080', '\u0085', '\u009F', '\uFFFE', '\uFFFF', '\uFDD0',
];
const TRICKY = [']]>', '</script>', '"""', '<', '>', '&', '&amp;', '&nbsp;', '<i>', '</i>', '<b>x</b>', '<!--', '{', '}',
  '\\', '%', '$', '#', '~', '^', '_', '--', "''", '``', '"', "'", '@', ' ', '  ', '\u00A0', '\u2028', '\uFEFF', 'e\u0301'];

/** One piece of text: any code point of any plane, a control character, a lone surrogate, or a string that breaks formats. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n)) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = (avoid?: RegExp) =>
  fc.array(piece, { maxLength: 8 }).map((parts) => {
    const joined = parts.join('');
    return avoid ? joined.replace(avoid, '') : joined;
  });

interface Source {
  title: string;
  abstract: string;
  journal: string;
  family: string;
  given: string;
  keyword: string;
  publisher: string;
}

// Name parts and keywords avoid the characters their formats use as separators (`,` `;` and BibTeX's " and ").
const source = fc.record({
  title: text(),
  abstract: text(),
  journal: text(),
  family: text(/[,;]|\band\b/gi),
  given: text(/[,;]|\band\b/gi),
  keyword: text(/[,;]/g),
  publisher: text(),
});

/** Every field prefixed with a letter, so that no field is empty (an empty title is a violation, rightly). */
function filled(s: Source): Source {
  return {
    title: `T ${s.title}`,
    abstract: `A ${s.abstract}`,
    journal: `J ${s.journal}`,
    family: `F${s.family}`,
    given: `G${s.given}`,
    keyword: `K${s.keyword}`,
    publisher: `P ${s.publisher}`,
  };
}

/** Rich text as CSL and Crossref carry it: `&`, `<` and `>` written as character references. */
function rich(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cslJson(s: Source): Uint8Array {
  const item = {
    id: 'item-1',
    type: 'article-journal',
    title: rich(s.title),
    abstract: rich(s.abstract),
    'container-title': rich(s.journal),
    author: [{ family: rich(s.family), given: rich(s.given) }],
    keyword: rich(s.keyword),
    publisher: rich(s.publisher),
    issued: { 'date-parts': [[2020]] },
  };
  // JSON.stringify writes lone surrogates as \uD800 escapes, as a JSON source may.
  return new TextEncoder().encode(JSON.stringify([item]));
}

/** BibTeX's special characters as LaTeX escapes citation-js reads back to the character. */
const LATEX: { [c: string]: string } = {
  '{': '\\{', '}': '\\}', '\\': '\\textbackslash{}', '%': '\\%', $: '\\$', '#': '\\#', '&': '\\&', _: '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}', '-': '{-}', "'": "{'}", '`': '{`}', '"': '{"}', '@': '{@}', '=': '{=}',
};

function latex(value: string): string {
  // TextEncoder writes a lone surrogate as U+FFFD: a BibTeX file cannot hold one, so it is left out here.
  return [...value.replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => (isPaired(all, i) ? c : ''))]
    .map((c) => LATEX[c] ?? c)
    .join('');
}

function isPaired(all: string, i: number): boolean {
  const code = all.charCodeAt(i);
  if (code <= 0xdbff) return (all.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  return (all.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

function bibtex(s: Source): Uint8Array {
  const lines = [
    '@article{item-1,',
    `  title = {${latex(s.title)}},`,
    `  abstract = {${latex(s.abstract)}},`,
    `  journal = {${latex(s.journal)}},`,
    `  author = {${latex(s.family)}, ${latex(s.given)}},`,
    `  keywords = {${latex(s.keyword)}},`,
    `  publisher = {${latex(s.publisher)}},`,
    '  year = {2020}',
    '}',
    '',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** `Published in:` is taken apart from the right at commas, brackets and digits: a journal name here has none. */
const CATALOG_JOURNAL = /[\d,()]/g;

/** Catalog text is line-based and was saved from a page: one line per value, `&` and `<` as references. */
/**
 * What the catalog's lists can carry: its `Main Authors:` pairs split at commas and a name of four or more words
 * is an organisation, so a family or given name here is one word.
 */
function catalogSource(s: Source): Source {
  return {
    ...s,
    journal: s.journal.replace(CATALOG_JOURNAL, ''),
    family: s.family.replace(/\s/g, ''),
    given: s.given.replace(/\s/g, ''),
    // "Published:" is ISBD ("Place : Publisher, date"): a colon splits off the place and a separator at its end is
    // punctuation (docs/catalog-format.md), so the publisher here has no colon and ends in a letter.
    publisher: `${s.publisher.replace(/:/g, ' ')} Q`,
  };
}

function catalogText(raw: Source): Uint8Array {
  const s = catalogSource(raw);
  const line = (v: string) => rich(v.replace(/[\r\n]/g, ' ').replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => (isPaired(all, i) ? c : '')));
  const lines = [
    line(s.title),
    `Main Authors: ${line(s.family)}, ${line(s.given)}`,
    `Published in: ${line(s.journal)} 2020`,
    `Published: ${line(s.publisher)}`,
    `Subjects: ${line(s.keyword)}`,
    `Summary: ${line(s.abstract)}`,
    '',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** What each format must read back: the normal form of what was written, less what the format cannot hold. */
function expected(raw: Source, format: string): Source {
  const s = format === 'catalog' ? catalogSource(raw) : raw;
  const dropLoneSurrogates = format !== 'csl-json';
  const n = (v: string) => normalizeText(dropLoneSurrogates ? v.replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => (isPaired(all, i) ? c : '')) : v);
  return {
    title: n(s.title),
    abstract: n(s.abstract),
    journal: n(s.journal),
    family: n(s.family),
    given: n(s.given),
    keyword: n(s.keyword),
    publisher: n(s.publisher),
  };
}

function actual(record: Record): Source {
  const author = record.authors[0];
  return {
    title: record.title ?? '',
    abstract: (record.abstract ?? []).map((a) => (a.heading ? `${a.heading}: ${a.text}` : a.text)).join(' '),
    journal: record.container?.title ?? '',
    family: author?.kind === 'person' ? author.family : author ? displayName(author) : '',
    given: author?.kind === 'person' ? (author.given ?? '') : '',
    keyword: record.subjects.join(', '),
    publisher: record.publisher ?? '',
  };
}

const sources: { [format: string]: { file: string; write: (s: Source) => Uint8Array } } = {
  'csl-json': { file: 'item.json', write: cslJson },
  bibtex: { file: 'item.bib', write: bibtex },
  catalog: { file: 'item.txt', write: catalogText },
};

let validator: Validator;
beforeAll(async () => {
  validator = await loadValidator();
});

function publish(bytes: Uint8Array, file: string): MappedRecord {
  const { mapped, errors } = mapFileEntries(bytes, file, BASE);
  expect(errors.map((e) => e.toLine())).toEqual([]);
  expect(mapped).toHaveLength(1);
  const report = validator.validate(mapped[0]!.quads);
  expect(report.results.filter((r) => r.severity === 'Violation').map((r) => `${r.field}: ${r.message}`)).toEqual([]);
  expect(isPublishable(report)).toBe(true);
  return mapped[0]!;
}

describe('text survives every reader in its normal form', () => {
  for (const [format, { file, write }] of Object.entries(sources)) {
    it(`${format}: arbitrary Unicode in every field is published, and reads back normalised`, () => {
      fc.assert(
        fc.property(source, (raw) => {
          const s = filled(raw);
          const m = publish(write(s), file);
          const want = expected(s, format);
          const got = actual(m.record);
          if (format === 'catalog') {
            // The catalog splits a summary at structured-abstract headings and its subjects at semicolons: compare the text.
            got.abstract = got.abstract.replace(/: /g, ' ');
            want.abstract = want.abstract.replace(/: /g, ' ').replace(/:/g, ' ').replace(/\s+/g, ' ').trim();
            got.abstract = got.abstract.replace(/:/g, ' ').replace(/\s+/g, ' ').trim();
          }
          expect(got).toEqual(want);
          // The normal form itself: no control character, no lone surrogate, NFC, no runs of white space.
          for (const value of Object.values(got)) {
            expect(value).toBe(normalizeText(value));
            expect(value).not.toMatch(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
