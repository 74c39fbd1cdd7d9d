// Mapped records through the gate: the seed and the golden graph conform; a record made invalid in each way mapping.md lists fails, naming the field.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { Record } from '../../src/model/record.js';
import { mapRecord } from '../../src/rdf/map-record.js';
import type { Validator } from '../../src/validate/index.js';
import { isPublishable, loadValidator, reportToText } from '../../src/validate/index.js';
import { mapFile } from '../../src/pipeline.js';
import { SEED_IRI, TEST_BASE, fixturePath, fixtureRecord, fixtureText } from '../helpers/fixtures.js';

let validator: Validator;
beforeAll(async () => {
  validator = await loadValidator();
});

const seed = (): Record => fixtureRecord('seed', 'record.json');
const check = (record: Record) => validator.validate(mapRecord(record, { iri: SEED_IRI }));

describe('records that pass', () => {
  it('the seed record, mapped, conforms with no result at all', () => {
    expect(check(seed())).toEqual({ conforms: true, results: [] });
  });

  it('the golden Turtle of the seed conforms', () => {
    const quads = new Parser().parse(fixtureText('seed', 'expected.ttl')) as Quad[];
    expect(validator.validate(quads)).toEqual({ conforms: true, results: [] });
  });

  it('an organisation author, a volume with an issue and a page range conform', () => {
    const r = seed();
    r.authors.push({ kind: 'organization', name: 'Spine Study Group' });
    r.container = { ...r.container!, issue: '3' };
    r.locator = { kind: 'pages', first: '12', last: '19' };
    r.date = '2021-08-26';
    expect(check(r)).toEqual({ conforms: true, results: [] });
  });
});

const invalid: Array<{ name: string; edit: (r: Record) => void; field: string; value?: string }> = [
  { name: 'no title', edit: (r) => delete r.title, field: 'title' },
  { name: 'empty title', edit: (r) => (r.title = '   '), field: 'title', value: '   ' },
  { name: 'a person without a family name', edit: (r) => (r.authors[1] = { kind: 'person', family: '', given: 'Yuji' }), field: 'family name' },
  { name: 'a bad DOI', edit: (r) => (r.doi = '10.1177/ 1179'), field: 'DOI', value: '10.1177/ 1179' },
  { name: 'an ISSN with a wrong check digit', edit: (r) => (r.container!.issns = ['1179-5475']), field: 'ISSN', value: '1179-5475' },
  { name: 'a malformed ISSN', edit: (r) => (r.container!.issns = ['1179 5476']), field: 'ISSN', value: '1179 5476' },
  { name: 'an unknown language', edit: (r) => (r.language = 'Klingon'), field: 'language', value: 'Klingon' },
  { name: 'a non-ISO date', edit: (r) => (r.date = 'Summer 2023'), field: 'date published', value: 'Summer 2023' },
];

describe('records with no author', () => {
  it.each([
    ['an editor only', (r: Record) => { r.authors = []; r.contributors = [{ kind: 'person', family: 'Berg', given: 'Jan', role: 'editor' }]; }],
    ['an organisation as contributor', (r: Record) => { r.authors = []; r.contributors = [{ kind: 'organization', name: 'WHO' }]; }],
    ['no one at all (anonymous)', (r: Record) => { r.authors = []; }],
  ])('are published with a warning: %s', (_name, edit) => {
    const record = seed();
    edit(record);
    const report = check(record);
    expect(isPublishable(report)).toBe(true);
    expect(report.results.filter((x) => x.severity === 'Violation')).toEqual([]);
    expect(report.results.filter((x) => x.field === 'author').map((x) => x.severity)).toEqual(['Warning']);
  });
});

describe('records that fail', () => {
  it.each(invalid)('$name', ({ edit, field, value }) => {
    const record = seed();
    edit(record);
    const report = check(record);
    expect(report.conforms).toBe(false);
    expect(isPublishable(report)).toBe(false);
    const violations = report.results.filter((r) => r.severity === 'Violation');
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v.field).toBe(field);
    if (value !== undefined) expect(violations.map((v) => v.value)).toContain(value);
    expect(reportToText(report, { record: 'seed.txt' })).toContain(`Violation: ${field}`);
  });
});

/** Catalog fixtures the gate must refuse, and the one field it names. */
const REFUSED: { [file: string]: string } = {};

describe('every catalog reader fixture', () => {
  const files = readdirSync(fixturePath('catalog')).filter((f) => f.endsWith('.txt'));

  it('exists', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s', (file) => {
    const [mapped] = mapFile(fixtureText('catalog', file), file, TEST_BASE);
    const report = validator.validate(mapped!.quads);
    const violations = report.results.filter((r) => r.severity === 'Violation');
    if (REFUSED[file]) {
      expect(violations.map((v) => v.field)).toEqual([REFUSED[file]]);
    } else {
      expect(violations).toEqual([]);
      expect(isPublishable(report)).toBe(true);
    }
  });
});
