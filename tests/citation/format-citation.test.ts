import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectGolden } from '../helpers/golden.js';
import { describe, expect, it } from 'vitest';
import { citationEngineCount, formatCitation, listLocales, listStyles, resolveStyle, STYLE_ALIASES } from '../../src/citation/index.js';
import { LdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';

const FIXTURES = new URL('../fixtures/citation/', import.meta.url);
const seed = JSON.parse(readFileSync(new URL('seed.record.json', FIXTURES), 'utf8')) as Record;
const ctx = { id: '000_dbb0811b20e3e0e2', uri: 'https://example.org/record/000_dbb0811b20e3e0e2' };

/** Compares with tests/fixtures/citation/<name> (UPDATE_GOLDEN=1 rewrites it). */
function expectCitation(name: string, actual: string): void {
  expectGolden(`${actual}\n`, fileURLToPath(new URL(name, FIXTURES)));
}

function errorOf(f: () => unknown): LdpubError {
  try {
    f();
  } catch (e) {
    if (e instanceof LdpubError) return e;
    throw e;
  }
  throw new Error('expected an LdpubError');
}

describe('formatCitation', () => {
  it('ships the required styles and locales', () => {
    for (const s of ['apa', 'vancouver', 'chicago', 'harvard', 'ieee', 'mla', 'nature']) expect(listStyles()).toContain(resolveStyle(s));
    for (const l of ['en-US', 'en-GB', 'de-DE', 'fr-FR']) expect(listLocales()).toContain(l);
  });

  // The server tests compare responses with these files.
  it.each([
    ['apa', 'en-US', 'seed.apa.txt'],
    ['vancouver', 'de-DE', 'seed.nlm-citation-sequence.de-DE.txt'],
    ['mla', 'en-US', 'seed.modern-language-association.txt'],
    ['chicago', 'en-GB', 'seed.chicago-author-date.en-GB.txt'],
    ['ieee', 'en-US', 'seed.ieee.txt'],
  ])('formats the seed in %s, %s as %s', (style, locale, file) => {
    expectCitation(file, formatCitation(seed, ctx, { style, locale }));
  });

  it('formats HTML', () => {
    const html = formatCitation(seed, ctx, { style: 'apa', format: 'html' });
    expectCitation('seed.apa.html', html);
    expect(html).toMatch(/^<div class="csl-entry">/);
    expect(html).toContain('<i>Clinical Medicine Insights. Case Reports</i>');
  });

  it('begins Vancouver with the first three authors and no citation number', () => {
    expect(formatCitation(seed, ctx, { style: 'vancouver' })).toMatch(/^Kanda Y, Kakiuchi Y, Yurube T,/);
    expect(formatCitation(seed, ctx, { style: 'ieee', format: 'html' })).not.toContain('csl-left-margin');
  });

  it('gives different text for APA, MLA and Vancouver', () => {
    const texts = ['apa', 'mla', 'vancouver'].map((style) => formatCitation(seed, ctx, { style }));
    expect(new Set(texts).size).toBe(3);
  });

  it('formats HTML and text from one engine per style and locale, alike', () => {
    const before = citationEngineCount();
    const text = formatCitation(seed, ctx, { style: 'vancouver', locale: 'es-ES' });
    const html = formatCitation(seed, ctx, { style: 'vancouver', locale: 'es-ES', format: 'html' });
    expect(citationEngineCount()).toBe(before + 1);
    expect(html.replace(/<[^>]+>/g, '').replace(/&#38;/g, '&').replace(/\s+/g, ' ').trim()).toBe(text);
    expect(formatCitation(seed, ctx, { style: 'vancouver', locale: 'es-ES' })).toBe(text);
  });

  it('carries nothing over from the record formatted before', () => {
    const other: Record = { ...seed, title: 'Another title', authors: [{ kind: 'person', family: 'Kanda', given: 'Yuki' }] };
    const first = formatCitation(seed, ctx, { style: 'apa' });
    formatCitation(other, { ...ctx, id: 'other' }, { style: 'apa' });
    // Two authors named Kanda Y. would be disambiguated ("Kanda, Yutaro") if both were in one registry.
    expect(formatCitation(seed, ctx, { style: 'apa' })).toBe(first);
    expect(formatCitation(other, { ...ctx, id: 'other' }, { style: 'apa' })).toMatch(/^Kanda, Y\. \(2023\)\. Another title\./);
  });

  it('uses British quotation marks with en-GB', () => {
    expect(formatCitation(seed, ctx, { style: 'chicago', locale: 'en-GB' })).toContain('2023. ‘The Combination');
    expect(formatCitation(seed, ctx, { style: 'chicago', locale: 'en-US' })).toContain('2023. “The Combination');
  });

  it('uses the locale: German "u. a." for et al. in Vancouver', () => {
    expect(formatCitation(seed, ctx, { style: 'vancouver', locale: 'de-DE' })).toContain('Kuroda R, u. a.');
    expect(formatCitation(seed, ctx, { style: 'vancouver', locale: 'en-US' })).toContain('Kuroda R, et al.');
  });

  it.each(Object.keys(STYLE_ALIASES))('resolves alias %s to the style it names', (alias) => {
    expect(formatCitation(seed, ctx, { style: alias })).toBe(formatCitation(seed, ctx, { style: STYLE_ALIASES[alias] }));
  });

  it('accepts names in any case', () => {
    expect(formatCitation(seed, ctx, { style: 'APA', locale: 'de-de' })).toBe(formatCitation(seed, ctx, { style: 'apa', locale: 'de-DE' }));
  });

  it('refuses an unknown style, listing the available ones', () => {
    const e = errorOf(() => formatCitation(seed, ctx, { style: 'no-such-style' }));
    expect(e.code).toBe('LDPUB_UNKNOWN_STYLE');
    expect(e.value).toBe('no-such-style');
    for (const s of listStyles()) expect(e.message).toContain(s);
    expect(e.message).toContain('mla=modern-language-association');
  });

  it('refuses an unknown locale, listing the available ones', () => {
    const e = errorOf(() => formatCitation(seed, ctx, { style: 'apa', locale: 'xx-XX' }));
    expect(e.code).toBe('LDPUB_UNKNOWN_LOCALE');
    for (const l of listLocales()) expect(e.message).toContain(l);
  });

  it('refuses a path-like style name rather than reading outside the styles folder', () => {
    expect(errorOf(() => formatCitation(seed, ctx, { style: '../styles/apa' })).code).toBe('LDPUB_UNKNOWN_STYLE');
  });
});

describe('a language that is not a tag', () => {
  it('formats the record (citeproc never sees it) and leaves the engine sound for the next one', () => {
    const before = formatCitation(seed, ctx, { style: 'apa' });
    // "valueOf" names a property of every plain object: citeproc's lookups by language broke on it.
    const odd = formatCitation({ ...seed, language: 'valueOf' }, ctx, { style: 'apa' });
    expect(odd).toContain(seed.title!.slice(0, 20));
    expect(formatCitation(seed, ctx, { style: 'apa' })).toBe(before);
  });
});

describe('record text that names a property of every object', () => {
  const names = ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
  it('formats in every shipped style, with the title printed, when it is the title, a name or the journal', () => {
    for (const name of names) {
      const odd: Record = {
        ...seed,
        title: name,
        authors: [{ kind: 'person', family: name, given: name }, { kind: 'organization', name }],
        container: seed.container ? { ...seed.container, title: name } : seed.container,
      };
      const bare: Record = { ...odd, authors: [] };
      for (const style of listStyles()) {
        expect(formatCitation(odd, ctx, { style, format: 'html' })).not.toContain('\u2060');
        expect(formatCitation(odd, ctx, { style }).toLowerCase(), `${style}, ${name}`).toContain(name.toLowerCase());
        expect(formatCitation(bare, ctx, { style }).toLowerCase(), `${style}, ${name}, no author`).toContain(name.toLowerCase());
      }
    }
  });

  it('keeps an invisible character that is the record\'s own', () => {
    const joined = `Word\u2060joined title`;
    const odd: Record = { ...seed, title: joined, authors: [{ kind: 'person', family: 'constructor', given: 'A.' }] };
    const text = formatCitation(odd, ctx, { style: 'apa' });
    expect(text).toContain(joined);
    expect(text).toContain('constructor, A.');
    expect(text).not.toContain('\u200B');
  });
});
