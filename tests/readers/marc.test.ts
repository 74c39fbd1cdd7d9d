// The MARC 21 reader: the corpus and fixture files through the whole gate, golden Records, and the mapping
// field by field as a cataloguer reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLdpubError, LdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';
import { mapRecordStream, type MappedRecord } from '../../src/pipeline.js';
import { readFile, readRecords } from '../../src/readers/index.js';
import { readMarc, marcReader } from '../../src/readers/marc/index.js';
import { decodeMarc8, encodeMarc8 } from '../../src/readers/marc/marc8.js';
import { parseRelatedParts, titleOf, workTypeOf, mapMarc } from '../../src/readers/marc/map.js';
import type { DataField, MarcRecord } from '../../src/readers/marc/record.js';
import { readRecordStream } from '../../src/readers/stream.js';
import { isbn13, licenseIri, marcLanguage, sanitizeId, trimIsbd } from '../../src/readers/marc/values.js';
import { loadValidator } from '../../src/validate/index.js';
import { isPublishable } from '../../src/validate/report.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';
import { expectGolden } from '../helpers/golden.js';

/** Every MARC file the gate table covers: the corpus's marcxml/ (gold/ holds no MARC) and the fixtures. */
const FILES = [
  ...readdirSync(fixturePath('marc', 'corpus')).sort().map((f) => `corpus/${f}`),
  ...readdirSync(fixturePath('marc')).filter((f) => /\.(xml|mrc)$/.test(f)).sort(),
];

/** Why each refused or unreadable entry of the table is right to be refused. A new refusal must be explained here. */
const JUSTIFIED: { [key: string]: string } = {
  'corpus/dojson-demo_marc21_to_dc.converted.xml': 'oai_dc, not MARC: the output of a MARC→DC conversion, not a record any reader takes',
  'corpus/dojson-demo_marc21_to_dc.xml → dojson-demo_marc21_to_dc': 'the record is one 100 field: no 245, so no title',
  'bad-leader.mrc': 'record 2 has no record length in its leader; records 1 and 3 are read',
  'bad-directory.mrc': 'record 2 has a directory entry that is not tag + length + start; records 1 and 3 are read',
  'truncated.mrc': 'the file ends inside record 3; records 1 and 2 are read',
  'malformed.xml': 'record 2 is not well-formed XML; records 1 and 3 are read',
};

async function* bytesOf(path: string, chunk = 65536): AsyncIterable<Uint8Array> {
  const all = readFileSync(path);
  for (let i = 0; i < all.length; i += chunk) yield all.subarray(i, i + chunk);
}

async function streamed(file: string): Promise<(MappedRecord | LdpubError)[]> {
  const out: (MappedRecord | LdpubError)[] = [];
  for await (const m of mapRecordStream(readRecordStream(bytesOf(fixturePath('marc', file)), file), file, TEST_BASE)) out.push(m);
  return out;
}

describe('MARC files through the gate', () => {
  it('reads, maps and validates every record, or refuses it for a reason written down', async () => {
    const validator = await loadValidator();
    const outcomes: { [key: string]: unknown } = {};
    for (const file of FILES) {
      for (const m of await streamed(file)) {
        if (isLdpubError(m)) {
          outcomes[file] = [...((outcomes[file] as unknown[]) ?? []), m.toLine()];
          continue;
        }
        const report = validator.validate(m.quads);
        const violations = report.results.filter((r) => r.severity === 'Violation').map((r) => `${r.field}: ${r.value ?? ''}`.trim());
        outcomes[`${file} → ${m.id}`] = isPublishable(report)
          ? { type: m.record.type, published: true, title: m.record.title, authors: m.record.authors.length, contributors: m.record.contributors.length, language: m.record.language }
          : { type: m.record.type, published: false, refused: [...new Set(violations)] };
      }
    }
    expectGolden(`${JSON.stringify(outcomes, null, 2)}\n`, fixturePath('marc', 'outcomes.json'));
    for (const [key, value] of Object.entries(outcomes)) {
      const refused = Array.isArray(value) || (value as { published: boolean }).published === false;
      if (refused) expect(JUSTIFIED[key], `refusal of ${key} is not justified`).toBeTruthy();
    }
    for (const key of Object.keys(JUSTIFIED)) expect(outcomes[key], `justified entry ${key} is in the table`).toBeDefined();
  });

  it('reads each record of the fixture collection as its golden Record', () => {
    const records = readMarc(readFileSync(fixturePath('marc', 'cataloguer.xml'), 'utf8'), 'cataloguer.xml');
    const corpus = readMarc(readFileSync(fixturePath('marc', 'corpus', 'dojson-test_7.xml'), 'utf8'), 'dojson-test_7.xml');
    const all = [...records, ...corpus] as Record[];
    expect(all).toHaveLength(7);
    for (const r of all) {
      expect(isLdpubError(r)).toBe(false);
      expectGolden(`${JSON.stringify(r, null, 2)}\n`, fixturePath('marc', 'golden', `${r.id}.json`));
    }
  });
});

describe('the MARC reader is chosen by extension and by content', () => {
  const xml = readFileSync(fixturePath('marc', 'cataloguer.xml'), 'utf8');
  it('takes .xml when it is MARCXML, and .mrc/.marc always', () => {
    expect(readRecords(xml, 'records.xml').map((r) => r.id)).toEqual(['2019012345', 'thesis-2018-oxford', 'art-2020-45', 'chapter-0042', 'ocm41234567', 'ds-0007']);
    expect(marcReader.extensions).toEqual(['mrc', 'marc']);
    expect(marcReader.sniff(xml)).toBe(true);
    expect(marcReader.sniff('<record><datafield tag="100" ind1=" " ind2=" "/></record>')).toBe(true);
    expect(marcReader.sniff('<?xml version="1.0"?><doi_records xmlns="http://www.crossref.org/qrschema/3.0"/>')).toBe(false);
    expect(marcReader.sniff('{"title": "x"}')).toBe(false);
  });

  it('read whole, a broken record refuses only itself, named as an entry of the file; all or nothing throws it', () => {
    const broken = readFileSync(fixturePath('marc', 'malformed.xml'), 'utf8');
    const result = readFile(broken, 'malformed.xml');
    expect(result.records.map((r) => r.id)).toEqual(['good-1', 'good-3']);
    expect(result.errors.map((e) => e.toLine())).toEqual([expect.stringMatching(/^malformed\.xml record 2 \(001 bad-2\): datafield 245: is not well-formed XML: .+ \[LDPUB_BAD_SYNTAX\]$/)]);
    expect([result.positions, result.entries]).toEqual([[0, 2], 3]);
    expect(() => readRecords(broken, 'malformed.xml')).toThrowError(/^is not well-formed XML/);
  });
});

describe('malformed MARCXML', () => {
  it('is one line naming the file, the record and the field; the records around it are read', async () => {
    const out = await streamed('malformed.xml');
    expect(out.map((m) => (isLdpubError(m) ? m.code : m.id))).toEqual(['good-1', 'LDPUB_BAD_SYNTAX', 'good-3']);
    const line = (out[1] as LdpubError).toLine();
    expect(line).toMatch(/^malformed\.xml, record 2 \(001 bad-2\): datafield 245: is not well-formed XML: /);
    expect(line.split('\n')).toHaveLength(1);
  });

  it('a file that ends inside a record is one LDPUB_MARC_TRUNCATED line after the records before it', async () => {
    const text = readFileSync(fixturePath('marc', 'cataloguer.xml'), 'utf8');
    const cut = text.slice(0, text.indexOf('chapter-0042') + 20);
    const out = readMarc(cut, 'cut.xml');
    expect(out.slice(0, 3).every((r) => !isLdpubError(r))).toBe(true);
    expect((out[3] as LdpubError).toLine()).toBe('cut.xml, record 4 (001 chapter-0042): <marc:record>: the file ends before the record is closed [LDPUB_MARC_TRUNCATED]');
  });
});

const field = (tag: string, subfields: [string, string][], ind1 = ' ', ind2 = ' '): DataField => ({ tag, ind1, ind2, subfields: subfields.map(([code, value]) => ({ code, value })) });
const marc = (leader: string, fields: MarcRecord['fields']): MarcRecord => ({ leader, fields });

describe('the mapping, as a cataloguer reads it', () => {
  it.each([
    [[['a', 'Title :'], ['b', 'subtitle /'], ['c', 'by Someone.']], 'Title: subtitle'],
    [[['a', 'Title.'], ['n', 'Part 2,'], ['p', 'The sequel.']], 'Title. Part 2, The sequel'],
    [[['a', 'Title ='], ['b', 'Titre.']], 'Title = Titre'],
    [[['a', 'Collected works ;'], ['b', 'and letters']], 'Collected works; and letters'],
    [[['a', 'A study of the U.S.']], 'A study of the U.S.'],
    [[['a', 'Sea data'], ['h', '[electronic resource] :'], ['b', 'hourly.']], 'Sea data: hourly'],
  ] as [[string, string][], string][])('245 %j → %s', (subfields, title) => {
    expect(titleOf(field('245', subfields))).toBe(title);
  });

  it.each([
    ['0306406152', '9780306406157'],
    ['0-306-40615-2 (hardcover)', '9780306406157'],
    ['978-3-16-148410-0 (pbk. : alk. paper)', '9783161484100'],
    ['080442957X', '9780804429573'],
    ['not an isbn', undefined],
  ])('020 %s → ISBN-13 %s', (value, expected) => expect(isbn13(value)).toBe(expected));

  it.each([
    ['eng', 'en'], ['ger', 'de'], ['fre', 'fr'], ['chi', 'zh'], ['scc', 'sr'], ['haw', 'haw'], ['   ', undefined], ['|||', undefined],
  ])('language %j → %s', (code, tag) => expect(marcLanguage(code)).toBe(tag));

  it.each([
    ['Vol. 12, no. 3 (2020), p. 45-67', { volume: '12', issue: '3', year: '2020', locator: { kind: 'pages', first: '45', last: '67' } }],
    ['v. 5, no. 2, article e1234', { volume: '5', issue: '2', locator: { kind: 'article-number', value: 'e1234' } }],
    ['Bd. 7, H. 2, S. 10-20', { volume: '7', issue: '2', locator: { kind: 'pages', first: '10', last: '20' } }],
    ['12(3):45-67', { volume: '12', issue: '3', locator: { kind: 'pages', first: '45', last: '67' } }],
    ['Vol. 9, art. no. 101', { volume: '9', locator: { kind: 'article-number', value: '101' } }],
    ['8:e30 (2021)', { volume: '8', year: '2021', locator: { kind: 'article-number', value: 'e30' } }],
    ['p. 101-120', { locator: { kind: 'pages', first: '101', last: '120' } }],
  ])('773 $g %s', (g, parts) => expect(parseRelatedParts(g)).toEqual(parts));

  it('relator terms and codes decide author or contributor role; 1XX comes first', () => {
    const r = mapMarc(marc('00000nam a2200000 i 4500', [
      field('700', [['a', 'Editor, Ed,'], ['e', 'editor.']], '1'),
      field('700', [['a', 'Coauthor, Co.'], ['4', 'aut']], '1'),
      field('700', [['a', 'Plain, Added']], '1'),
      field('700', [['a', 'Advisor, Ad'], ['4', 'ths']], '1'),
      field('700', [['a', 'Translator, Tr'], ['4', 'http://id.loc.gov/vocabulary/relators/trl']], '1'),
      field('710', [['a', 'Some University.'], ['4', 'dgg']], '2'),
      field('100', [['a', 'Main, Author,'], ['e', 'author.']], '1'),
      field('245', [['a', 'T']]),
    ]));
    expect(r.authors.map((a) => (a.kind === 'person' ? a.family : a.name))).toEqual(['Main', 'Coauthor', 'Plain']);
    expect(r.contributors.map((a) => [a.kind === 'person' ? a.family : a.name, a.role])).toEqual([
      ['Editor', 'editor'], ['Advisor', 'supervisor'], ['Translator', 'translator'], ['Some University', 'degree-grantor'],
    ]);
  });

  it.each([
    ['00000nam a2200000 i 4500', [], 'book'],
    ['00000nab a2200000 i 4500', [], 'article'],
    ['00000naa a2200000 i 4500', [], 'chapter'],
    ['00000naa a2200000 i 4500', [field('773', [['t', 'J'], ['x', '1234-5679']])], 'article'],
    ['00000nam a2200000 i 4500', [field('502', [['a', 'Thesis (Ph.D.)--X, 2001.']])], 'thesis'],
    ['00000nam a2200000 i 4500', [{ tag: '008', value: '990210s1998    mau      t    000 0 eng d' }], 'report'],
    ['00000nmm a2200000 i 4500', [{ tag: '008', value: '220505s2022    xx      o  a        eng d' }], 'dataset'],
    ['00000nmm a2200000 i 4500', [{ tag: '008', value: '220505s2022    xx      o  b        eng d' }], 'software'],
    ['00000nas a2200000 i 4500', [], 'other'],
    ['00000nab a2200000 i 4500', [field('655', [['a', 'Preprint']], ' ', '4')], 'preprint'],
    ['00000naa a2200000 i 4500', [field('655', [['a', 'Conference papers and proceedings.']], ' ', '7')], 'conference-paper'],
    ['                        ', [field('773', [['t', 'J'], ['g', 'Vol. 1']])], 'article'],
  ] as [string, MarcRecord['fields'], string][])('leader %j with %j is a %s', (leader, fields, type) => {
    expect(workTypeOf(marc(leader, fields))).toBe(type);
  });

  it('502 gives the thesis, its institution, degree and year; 710 degree grantor stands in for the institution', () => {
    const r = mapMarc(marc('00000nam a2200000 a 4500', [field('245', [['a', 'T']]), field('502', [['a', 'Thesis (Ph. D.)--Massachusetts Institute of Technology, Dept. of Physics, 1998.']])]));
    expect(r.type).toBe('thesis');
    expect(r.institution).toEqual({ name: 'Massachusetts Institute of Technology, Dept. of Physics' });
    expect(r.notes).toEqual([{ label: 'Degree', value: 'Ph. D.' }]);
    expect(r.date).toBe('1998');
  });

  it.each([
    ['140304e20140211enk     o     000 0 eng d', '2014.', '2014-02-11'],
    ['140304e20140211enk     o     000 0 eng d', undefined, '2014-02-11'],
    ['170601e201705  enk     o     000 0 eng d', '[2017]', '2017-05'],
    ['170601e201705uuenk     o     000 0 eng d', undefined, '2017-05'],
    // A detailed date of another year than 264 $c (a reprint): the 264's year stands.
    ['140304e20130211enk     o     000 0 eng d', '2014.', '2014'],
    ['140304e20141399enk     o     000 0 eng d', '2014.', '2014'],
    ['140304s2014    enk     o     000 0 eng d', '2014.', '2014'],
  ] as [string, string | undefined, string][])('008 %s with 264 $c %s → date %s', (f008, c, date) => {
    const fields: MarcRecord['fields'] = [{ tag: '008', value: f008 }, field('245', [['a', 'T']])];
    if (c) fields.push(field('264', [['b', 'P,'], ['c', c]], ' ', '1'));
    expect(mapMarc(marc('00000nab a2200000 i 4500', fields)).date).toBe(date);
  });

  it("773 $d is the publisher of an article without a 264 of its own, the serial's dates cut off", () => {
    const r = mapMarc(marc('00000nab a2200000 i 4500', [
      field('245', [['a', 'T']]),
      field('773', [['t', 'eLife.'], ['d', 'Cambridge : eLife Sciences Publications, Ltd, 2012-'], ['x', '2050-084X'], ['g', 'Vol. 3 (2014), article e01567']], '0'),
    ]));
    expect([r.publisherPlace, r.publisher, r.container?.title, r.container?.volume, r.locator]).toEqual(['Cambridge', 'eLife Sciences Publications, Ltd', 'eLife', '3', { kind: 'article-number', value: 'e01567' }]);
    const dated = mapMarc(marc('00000naa a2200000 i 4500', [field('245', [['a', 'T']]), field('773', [['t', 'Host.'], ['d', '[London] : Routledge, [2019].'], ['z', '9780306406157']], '0')]));
    expect([dated.publisherPlace, dated.publisher]).toEqual(['London', 'Routledge']);
    const own = mapMarc(marc('00000nab a2200000 i 4500', [field('264', [['b', 'Own press,'], ['c', '2020.']], ' ', '1'), field('773', [['t', 'J.'], ['d', 'Elsewhere : Other, 1990-']], '0')]));
    expect(own.publisher).toBe('Own press');
  });

  it('024 $2 doi, 856 doi.org links, 035 (OCoLC) and other 024 identifiers', () => {
    const r = mapMarc(marc('00000nab a2200000 i 4500', [
      field('024', [['a', '10.1/alt'], ['2', 'doi'], ['q', 'alternateIdentifier']], '7'),
      field('024', [['a', 'hdl:1/2'], ['2', 'hdl']], '7'),
      field('024', [['a', '9781234567897']], '3'),
      field('035', [['a', '(OCoLC)ocn987654321']]),
      field('035', [['a', '(DE-101)12345']]),
      field('856', [['u', 'https://doi.org/10.1/MAIN%2Fx']], '4', '0'),
    ]));
    expect(r.doi).toBe('10.1/main/x'); // DOIs are case-folded at read (docs/text.md)
    expect(r.identifiers).toEqual([
      { scheme: 'handle', value: 'hdl:1/2' }, { scheme: 'ean', value: '9781234567897' },
      { scheme: 'oclc', value: '987654321' }, { scheme: 'local', value: '(DE-101)12345' }, { scheme: 'doi', value: '10.1/alt' },
    ]);
  });

  it('ISBD and ids', () => {
    expect(trimIsbd('Springer,')).toBe('Springer');
    expect(trimIsbd('Smith, J.')).toBe('Smith, J.');
    expect(trimIsbd('Wiley & Sons, Inc.')).toBe('Wiley & Sons, Inc.');
    expect(trimIsbd('History.')).toBe('History');
    expect(sanitizeId('  2019012345 ')).toBe('2019012345');
    expect(sanitizeId('(OCoLC)123 456')).toBe('OCoLC-123-456');
    expect(sanitizeId('///')).toBeUndefined();
    expect(licenseIri('CC BY-NC 4.0')).toBe('https://creativecommons.org/licenses/by-nc/4.0/');
    expect(licenseIri('http://creativecommons.org/licenses/by/3.0/legalcode')).toBe('https://creativecommons.org/licenses/by/3.0/');
    expect(licenseIri('CC0')).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(licenseIri('All rights reserved')).toBeUndefined();
  });
});

describe('MARC-8', () => {
  it.each([
    [[0x4d, 0xe8, 0x75, 0x6c, 0x6c, 0x65, 0x72], 'Müller'],
    [[0x43, 0x61, 0x66, 0xe2, 0x65], 'Café'],
    [[0xe3, 0xe2, 0x61], '\u1ea5'],
    [[0x4e, 0x67, 0x75, 0x79, 0xe3, 0xe4, 0x65, 0x6e], 'Nguy\u1ec5n'],
    [[0xa1, 0xf0, 0x63, 0xb2, 0xc7], 'Łçøß'],
    [[0x48, 0x1b, 0x62, 0x32, 0x1b, 0x73, 0x4f], 'H₂O'],
    [[0x78, 0x1b, 0x70, 0x32], 'x²'],
    [[0x1b, 0x28, 0x4e, 0x41, 0x1b, 0x28, 0x42, 0x42], '\ufffdB'],
  ])('%j → %s', (bytes, text) => {
    expect(decodeMarc8(Uint8Array.from(bytes))).toBe(text.normalize('NFC'));
  });

  it('round-trips Latin text with diacritics through the fixture encoder', () => {
    for (const s of ['Jörg Müller', 'García Márquez', 'Łódź', 'Ærø', 'Nguyễn', 'Šafařík']) expect(decodeMarc8(encodeMarc8(s))).toBe(s.normalize('NFC'));
  });
});
