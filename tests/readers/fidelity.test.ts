// Golden tests for the text losses readers had: each reads a real record (or a minimal copy of one, see
// tests/fixtures/SOURCES.md "fidelity/") and asserts the exact values that must survive.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapFileEntries } from '../../src/pipeline.js';
import { readFile, readRecords } from '../../src/readers/index.js';
import { isPublishable, loadValidator, type Validator } from '../../src/validate/index.js';
import { fixturePath } from '../helpers/fixtures.js';

const bytes = (...parts: string[]) => new Uint8Array(readFileSync(fixturePath(...parts)));
const read = (dir: string, name: string) => readFile(bytes(dir, name), name);
const BASE = 'http://localhost:3000';

let validator: Validator;
beforeAll(async () => {
  validator = await loadValidator();
});

describe('markup is data: a < that is not an allowed tag is text', () => {
  const title = 'Mortality was lower (p < 0.05) when dose > 10 mg';

  it.each(['markup-as-text.bib', 'markup-as-text.ris', 'markup-as-text.json'])('%s keeps the title exactly', (name) => {
    const { records, errors } = read('fidelity', name);
    expect(errors).toEqual([]);
    expect(records[0]?.title).toBe(title);
    expect(records[0]?.titleInline).toBeUndefined();
  });

  it('BibTeX keeps ".NET", "AT&T" and a literal <b> (BibTeX markup is LaTeX, not HTML)', () => {
    const [, dotnet] = read('fidelity', 'markup-as-text.bib').records;
    expect(dotnet?.title).toBe('Performance of .NET and AT&T <b>unix</b>');
  });

  it('CSL rich text: entities resolved, the inline subset parsed, the plain text beside it', () => {
    const [, nbsp] = read('fidelity', 'markup-as-text.json').records;
    expect(nbsp?.title).toBe('Non breaking spaces & E. coli in CO2 with Dna and pH');
    expect(nbsp?.titleInline).toEqual([
      'Non breaking spaces & ',
      { style: 'i', children: ['E. coli'] },
      ' in CO',
      { style: 'sub', children: ['2'] },
      ' with ',
      { style: 'sc', children: ['Dna'] },
      ' and pH',
    ]);
  });

  it('Crossref: <i> in the title and <jats:italic> in the abstract (10.1098/rspb.2017.0132)', () => {
    const [r] = read('fidelity', 'crossref-inline-callosobruchus.json').records;
    expect(r?.title).toBe(
      'Sexual conflict and correlated evolution between male persistence and female resistance traits in the seed beetle Callosobruchus maculatus',
    );
    expect(r?.titleInline?.at(-1)).toEqual({ style: 'i', children: ['Callosobruchus maculatus'] });
    const abstract = r?.abstract?.[0];
    expect(abstract?.text).toContain('We studied the seed beetle Callosobruchus maculatus. We detected');
    expect(abstract?.inline).toContainEqual({ style: 'i', children: ['Callosobruchus maculatus'] });
  });
});

describe('a page is told from a record by its structure, never by a tag in a field', () => {
  it('a catalog record with <script>, <meta> and <style> near the top, and a SICI DOI, is read and published', () => {
    const file = mapFileEntries(bytes('fidelity', 'script-in-abstract.txt'), 'script-in-abstract.txt', BASE);
    expect(file.errors).toEqual([]);
    const [m] = file.mapped;
    expect(m?.record.title).toBe('Escaping <script> and <meta> in HTML templates: the <style> element and </script> in strings');
    expect(m?.record.doi).toBe('10.1002/(sici)1097-4636(199706)35:4<475::aid-jbm7>3.0.co;2-d');
    expect(m?.record.abstract?.[0]?.text).toBe(
      'A template that writes <script>alert(1)</script> or a <meta http-equiv="refresh"> into a page is unsafe; we show that escaping by construction removes the risk. Mortality was lower (p < 0.05) when dose > 10 mg per day.',
    );
    expect(m?.record.abstract?.[0]?.inline).toContainEqual({ style: 'i', children: ['escaping by construction'] });
    expect(isPublishable(validator.validate(m!.quads))).toBe(true);
  });

  it('a document that starts as HTML or XML is refused, after a BOM and white space', () => {
    for (const start of ['<!DOCTYPE html>', '<html lang="en">', '<?xml version="1.0"?>']) {
      const text = `\uFEFF \n${start}\n<body>Published in: X</body>`;
      expect(() => readRecords(new TextEncoder().encode(text), 'page.txt')).toThrow(
        expect.objectContaining({ code: 'LDPUB_NOT_A_RECORD', record: 'page.txt', value: start }),
      );
    }
  });
});

describe('encodings', () => {
  const utf8 = read('catalog', 'french-no-doi-unknown-label.txt');

  it('a Latin-1 file is read as Windows-1252, with a warning naming the file and the first bad byte', () => {
    const latin1 = read('fidelity', 'latin1-french.txt');
    expect(latin1.records).toEqual(utf8.records);
    expect(latin1.records[0]?.title).toBe('Distances, absence, proximités et présences : des concepts en déplacement');
    expect(latin1.warnings.map((w) => w.toLine())).toEqual([
      'latin1-french.txt: not UTF-8 (first bad byte 0xE9 at offset 28): read as Windows-1252 [LDPUB_ENCODING_FALLBACK]',
    ]);
  });

  it('UTF-16 LE and BE with a BOM read as the UTF-8 file does, with no warning', () => {
    const text = readFileSync(fixturePath('catalog', 'french-no-doi-unknown-label.txt'), 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const b of [le, be]) {
      const r = readFile(new Uint8Array(b), 'french.txt');
      expect(r.records).toEqual(utf8.records);
      expect(r.warnings).toEqual([]);
    }
  });

  it('a .bib with a UTF-8 BOM has its entry (elife-01567.bib)', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(fixturePath('bibtex', 'elife-01567.bib'))]);
    const r = readFile(new Uint8Array(withBom), 'elife.bib');
    expect(r.errors).toEqual([]);
    expect(r.records[0]?.doi).toBe('10.7554/elife.01567');
  });
});

describe('smaller losses', () => {
  it('RIS keywords are not split at commas (one per KW line, or split at semicolons)', () => {
    expect(read('fidelity', 'markup-as-text.ris').records[0]?.subjects).toEqual(['Cell death, programmed', 'Apoptosis', 'Necrosis']);
  });

  it('DOIs are case-folded, so every source gives the same sameAs IRI (eLife 01567 in four formats)', () => {
    const dois = [
      read('bibtex', 'elife-01567.bib'),
      read('ris', 'elife-01567.ris'),
      read('csl-json', 'elife-01567.json'),
      read('crossref', 'elife-01567.json'),
    ].map((r) => r.records[0]?.doi);
    expect(new Set(dois)).toEqual(new Set(['10.7554/elife.01567']));
    expect(read('fidelity', 'markup-as-text.json').records[0]?.doi).toBe('10.1002/abc.123');
  });

  it('"e05239-n/a" is the article number e05239, not a range ending "n/a" (EFSA 10.2903/j.efsa.2018.5239)', () => {
    for (const name of ['markup-as-text.bib', 'markup-as-text.ris', 'markup-as-text.json']) {
      expect(read('fidelity', name).records[0]?.locator, name).toEqual({ kind: 'article-number', value: 'e05239' });
    }
    const catalog = readRecords('T\nMain Authors: A, B\nPublished in: EFSA Journal 2018, Vol.16 (4), p.e05239-n/a\n', 'efsa.txt');
    expect(catalog[0]?.locator).toEqual({ kind: 'article-number', value: 'e05239' });
  });

  it('a one-word person name (Plato) stays a person, family only; an acronym or organisation word is an organisation', () => {
    const plato = { kind: 'person', family: 'Plato' };
    expect(read('fidelity', 'markup-as-text.bib').records[0]?.authors[1]).toEqual(plato);
    expect(read('fidelity', 'markup-as-text.ris').records[0]?.authors[0]).toEqual(plato);
    expect(read('fidelity', 'markup-as-text.json').records[0]?.authors[0]).toEqual(plato);
    expect(read('fidelity', 'script-in-abstract.txt').records[0]?.authors[1]).toEqual(plato);
    expect(read('fidelity', 'markup-as-text.json').records[1]?.authors[0]).toEqual({ kind: 'organization', name: 'World Health Organization' });
    expect(readRecords('[{"type":"book","title":"x","author":[{"literal":"UNESCO"}]}]', 'u.json')[0]?.authors[0]).toEqual({
      kind: 'organization',
      name: 'UNESCO',
    });
  });

  it('German, French and Spanish structured-abstract headings are split like the English ones', () => {
    const [r] = read('fidelity', 'headings-de-fr-es.txt').records;
    expect(r?.abstract?.map((s) => [s.heading, s.text])).toEqual([
      ['Hintergrund', 'Die Studie prüft etwas.'],
      ['Methoden', 'Wir haben gemessen.'],
      ['Ergebnisse', 'Die Werte stiegen.'],
      ['Schlussfolgerung', 'Das war so.'],
      ['Contexte', 'Une étude.'],
      ['Méthodes', 'Nous avons mesuré.'],
      ['Résultats', 'Les valeurs ont augmenté.'],
      ['Antecedentes', 'Un estudio.'],
      ['Resultados', 'Los valores subieron.'],
      ['Conclusiones', 'Así fue.'],
    ]);
  });

  it('control characters (MARC U+001F included) are dropped and counted in one warning', () => {
    const r = readFile('T\u001Fitle \u0001one\nMain Authors: A\u001F, B\nPublished in: J 2020\n', 'marc.txt');
    expect(r.records[0]?.title).toBe('Title one');
    expect(r.warnings.map((w) => w.toLine())).toEqual(['marc.txt: 3 control characters dropped (U+001F, U+0001) [LDPUB_CONTROL_CHARS]']);
  });

  it('a lone surrogate from a JSON escape is dropped and counted', () => {
    const r = readFile('{"type":"book","title":"a\\ud800b"}', 's.json');
    expect(r.records[0]?.title).toBe('ab');
    expect(r.warnings.map((w) => w.code)).toEqual(['LDPUB_LONE_SURROGATE']);
  });
});

describe('author-less works are published', () => {
  it('an editor-only proceedings volume draws a warning, not a refusal', () => {
    const csl = JSON.stringify({ type: 'book', title: 'Proceedings of the Workshop', editor: [{ family: 'Berg', given: 'Jan' }], issued: { 'date-parts': [[2020]] } });
    const [m] = mapFileEntries(csl, 'proc.json', BASE).mapped;
    const report = validator.validate(m!.quads);
    expect(isPublishable(report)).toBe(true);
    expect(report.results.find((x) => x.field === 'author')?.severity).toBe('Warning');
  });

  it('a record with no title is still refused', () => {
    const csl = JSON.stringify({ type: 'book', author: [{ family: 'Berg', given: 'Jan' }] });
    const [m] = mapFileEntries(csl, 'untitled.json', BASE).mapped;
    expect(isPublishable(validator.validate(m!.quads))).toBe(false);
  });
});

