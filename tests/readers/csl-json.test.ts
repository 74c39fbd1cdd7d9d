import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { normalizeText } from '../../src/model/text.js';
import { cslJsonReader } from '../../src/readers/csl-json.js';
import type { Projection } from '../citation/projection.js';
import { project } from '../citation/projection.js';
import { writtenBack } from '../citation/round-trip.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csl-json/${name}`, import.meta.url), 'utf8');
type Item = { [k: string]: unknown };

/** What the input itself says, computed without the reader. */
function expectedFromCsl(item: Item): Projection {
  const p: Projection = {
    authors: ((item.author as Item[] | undefined) ?? []).map((a) =>
      typeof a.literal === 'string' ? a.literal : a.given ? `${String(a.family)}, ${String(a.given)}` : String(a.family),
    ),
  };
  // Text is compared in its normal form (docs/text.md): the corpus's mojibake title carries C1 controls, dropped.
  if (typeof item.title === 'string') p.title = normalizeText(item.title);
  if (typeof item['container-title'] === 'string') p.journal = item['container-title'];
  if (item.volume !== undefined) p.volume = String(item.volume);
  if (item.issue !== undefined) p.issue = String(item.issue);
  if (item.page !== undefined) p.pages = String(item.page).replace(/\u2013|--/, '-');
  if (typeof item.DOI === 'string') p.doi = item.DOI.toLowerCase();
  return p;
}

/** Fields an output format cannot carry for a given corpus item, with the reason. */
const KNOWN_LOSSES: { [id: string]: { format: string; field: keyof Projection; reason: string } } = {};

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LdpubError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('CSL-JSON reader', () => {
  it.each(['commonmeta-csl-list.json', 'elife-01567.json', 'biorxiv-097196.json'])(
    'reads every article in %s with the fields the input gives, and writes it back',
    (name) => {
      const input = JSON.parse(fixture(name)) as Item | Item[];
      const items = Array.isArray(input) ? input : [input];
      const records = cslJsonReader.read(fixture(name));
      expect(records).toHaveLength(items.length);
      records.forEach((record, i) => {
        const item = items[i]!;
        if (item.type !== 'article-journal' && item.type !== 'article') {
          expect(record.type).not.toBe('article');
          return;
        }
        const expected = expectedFromCsl(item);
        expect(project(record), String(item.id)).toEqual(expected);
        for (const [format, back] of Object.entries(writtenBack(record))) {
          const loss = KNOWN_LOSSES[String(item.id)];
          if (loss?.format === format) {
            expect(back[loss.field]).not.toEqual(expected[loss.field]);
            expect({ ...back, [loss.field]: undefined }).toEqual({ ...expected, [loss.field]: undefined });
          } else {
            expect(back, `${String(item.id)} via ${format}`).toEqual(expected);
          }
        }
      });
    },
  );

  it('maps types to the nearest kind of work, never calling a book or dataset an article', () => {
    expect(cslJsonReader.read(fixture('dryad-8515-dataset.json'))[0]!.type).toBe('dataset');
    expect(cslJsonReader.read(fixture('biorxiv-097196.json'))[0]!.type).toBe('preprint');
    const types = cslJsonReader.read(fixture('commonmeta-csl-list.json')).map((r) => r.type);
    expect(types.filter((t) => t === 'book')).toHaveLength(1);
    expect(cslJsonReader.read(fixture('commonmeta-citeproc_missing_doi.json'))[0]!.type).toBe('other');
  });

  it('reads a single item and its details', () => {
    const [r] = cslJsonReader.read(
      JSON.stringify({
        id: 'k1',
        type: 'article-journal',
        title: 'T <i>x</i>',
        author: [
          { family: 'Berg', 'non-dropping-particle': 'van der', given: 'Simon A. A.', ORCID: 'https://orcid.org/0000-0002-1825-0097' },
          { literal: 'The Consortium' },
        ],
        ISSN: '2050084x, 1234-5678 (Print), 2050-084X',
        number: 'e0229874',
        issued: { 'date-parts': [['2021', '8', '26']] },
        DOI: 'https://doi.org/10.1/ABC',
        keyword: 'a, b; a',
        abstract:
          '<jats:sec><jats:title>Background</jats:title><jats:p>One &amp; two.</jats:p></jats:sec><jats:sec><jats:title>Results</jats:title><jats:p>Three.</jats:p></jats:sec>',
      }),
    );
    expect(r).toMatchObject({
      id: 'k1',
      type: 'article',
      title: 'T x',
      authors: [
        { kind: 'person', family: 'van der Berg', given: 'Simon A. A.', orcid: '0000-0002-1825-0097' },
        { kind: 'organization', name: 'The Consortium' },
      ],
      container: { issns: ['2050-084X', '1234-5678'] },
      locator: { kind: 'article-number', value: 'e0229874' },
      date: '2021-08-26',
      doi: '10.1/abc',
      subjects: ['a', 'b'],
      abstract: [
        { heading: 'Background', text: 'One & two.' },
        { heading: 'Results', text: 'Three.' },
      ],
    });
  });

  it.each([
    ['an id with a slash', 'https://doi.org/10.1/x', undefined],
    ['a plain key', 'smith2020', 'smith2020'],
  ])('keeps the CSL id only when it is a valid record id: %s', (_what, id, expected) => {
    expect(cslJsonReader.read(JSON.stringify({ id, type: 'book', title: 'x' }))[0]!.id).toBe(expected);
  });

  it.each([
    ['bad JSON', '{"type": ', 'LDPUB_BAD_SYNTAX'],
    ['a JSON number', '42', 'LDPUB_NOT_A_RECORD'],
    ['an empty array', '[]', 'LDPUB_NOT_A_RECORD'],
    ['objects without type or title', '[{"a": 1}]', 'LDPUB_NOT_A_RECORD'],
  ])('refuses %s with a named reason', (_what, text, code) => {
    expect(codeOf(() => cslJsonReader.read(text))).toBe(code);
  });

  it('sniffs CSL-JSON but not Crossref JSON, BibTeX or text', () => {
    expect(cslJsonReader.sniff(fixture('elife-01567.json'))).toBe(true);
    const crossref = readFileSync(new URL('../fixtures/crossref/elife-01567.json', import.meta.url), 'utf8');
    expect(cslJsonReader.sniff(crossref)).toBe(false);
    expect(cslJsonReader.sniff('@article{a, title={x}}')).toBe(false);
    expect(cslJsonReader.sniff('Title\nPublished in: x')).toBe(false);
  });
});
