// The MARCXML writer: valid against the MARC21 slim schema, registered as application/marcxml+xml, and read back
// by ldpub's MARC reader to the same Record on every field MARC carries (docs/marc.md lists those it cannot).
import { readdirSync, readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { isLdpubError } from '../../src/errors.js';
import type { Agent, Record } from '../../src/model/record.js';
import { formatByName } from '../../src/formats/registry.js';
import { recordToMarc, writeMarcXml } from '../../src/formats/marcxml.js';
import { readRecords } from '../../src/readers/index.js';
import { readMarc } from '../../src/readers/marc/index.js';
import { isbn13 } from '../../src/readers/marc/values.js';
import { fixturePath, fixtureRecord, fixtureText, SEED_ID, TEST_BASE } from '../helpers/fixtures.js';

const XSD = readFileSync(fixturePath('marc', 'MARC21slim.xsd'), 'utf8');

/** Every Record the tests know: the seed, the catalog fixtures, the MARC goldens, and the corpus fixtures of each reader. */
function allRecords(): [string, Record][] {
  const out: [string, Record][] = [[SEED_ID, fixtureRecord('seed', 'record.json')]];
  for (const f of readdirSync(fixturePath('catalog')).filter((f) => f.endsWith('.expected.json')).sort()) out.push([`catalog/${f}`, fixtureRecord('catalog', f)]);
  for (const f of readdirSync(fixturePath('marc', 'golden')).sort()) out.push([`marc/${f}`, fixtureRecord('marc', 'golden', f)]);
  for (const dir of ['csl-json', 'bibtex', 'ris', 'crossref']) {
    for (const f of readdirSync(fixturePath(dir)).sort()) {
      let records: Record[];
      try {
        records = readRecords(fixtureText(dir, f), f);
      } catch {
        continue;
      }
      records.forEach((r, i) => out.push([`${dir}/${f}#${i + 1}`, r]));
    }
  }
  return out;
}

const RECORDS = allRecords();
const idOf = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-');

/** The Record as MARC carries it: what the writer cannot say is normalised away, the rest must survive exactly. */
function carried(r: Record): unknown {
  const agent = (a: Agent) =>
    a.kind === 'organization'
      ? { kind: a.kind, name: a.name, role: role(a.role) }
      : { kind: a.kind, family: a.family, given: a.given, suffix: a.suffix, orcid: a.orcid, affiliations: a.affiliations?.map((o) => o.name), role: role(a.role) };
  const role = (x: Agent['role']) => (x === undefined ? 'contributor' : ['contact-person', 'data-collector', 'project-member'].includes(x) ? 'other' : x);
  const c = r.container;
  return {
    type: r.type,
    // A title's final period or semicolon is ISBD punctuation to a MARC reader.
    title: r.title?.replace(/[.;]$/, ''),
    authors: r.authors.map((a) => ({ ...agent(a), role: undefined })),
    contributors: r.contributors.map(agent),
    container: c && {
      kind: c.isbns?.length ? 'book' : undefined,
      title: c.title,
      issns: c.issns,
      isbns: c.isbns?.length ? c.isbns.map((i) => isbn13(i) ?? i) : undefined,
      volume: c.volume,
      issue: c.issue,
    },
    locator: c || r.locator ? r.locator : undefined,
    date: r.date,
    // MARC has a language, not a region or script, and the reader gives the canonical BCP 47 tag ("eng" → "en").
    language: r.language && Intl.getCanonicalLocales(r.language.split('-')[0] as string)[0],
    doi: r.doi,
    subjects: r.subjects,
    abstract: r.abstract?.map((s) => s.text),
    genre: r.genre,
    publisher: r.publisher,
    publisherPlace: r.publisherPlace,
    isbns: r.isbns.map((i) => isbn13(i) ?? i),
    url: r.url,
    institution: r.institution?.name,
    edition: r.edition,
    version: r.version,
    series: r.series,
    extent: r.extent,
    license: r.license,
    rights: r.rights,
    accessRights: r.accessRights,
    funding: r.funding.map((f) => ({ funder: f.funder.name, awardNumber: f.awardNumber })),
    identifiers: [...r.identifiers].map((i) => `${i.scheme} ${i.value}`).sort(),
    relations: r.relations,
    notes: r.notes.map((n) => (['Note', 'Meeting', 'Degree'].includes(n.label) ? n : { label: 'Note', value: `${n.label}: ${n.value}` })).filter((n) => n.label !== 'Degree' || r.type === 'thesis'),
  };
}

describe('MARCXML writer', () => {
  it('is registered as application/marcxml+xml, by name marcxml and extension .marcxml', () => {
    const f = formatByName('marcxml');
    expect(f?.mediaType).toBe('application/marcxml+xml');
    expect(formatByName('marc21')).toBe(f);
    expect(f?.extension).toBe('marcxml');
  });

  it('writes the seed as golden MARCXML', async () => {
    const record = fixtureRecord('seed', 'record.json');
    const body = await formatByName('marcxml')!.serialize({ id: SEED_ID, iri: `${TEST_BASE}/record/${SEED_ID}`, base: TEST_BASE, record, quads: [], params: {} });
    expect(body).toBe(readFileSync(fixturePath('marc', 'seed.marc.xml'), 'utf8'));
  });

  it(`writes every known Record (${RECORDS.length}) valid against the MARC21 slim schema`, async () => {
    expect(RECORDS.length).toBeGreaterThan(30);
    const result = await validateXML({
      xml: RECORDS.map(([name, r]) => ({ fileName: `${idOf(name)}.xml`, contents: writeMarcXml(r, idOf(name)) })),
      schema: [XSD],
    });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the schema check can fail: a leader of the wrong length and a three-letter subfield code are refused', async () => {
    const bad = writeMarcXml(fixtureRecord('seed', 'record.json'), 'x').replace(/<leader>[^<]*<\/leader>/, '<leader>short</leader>').replace('code="a"', 'code="abc"');
    const result = await validateXML({ xml: [{ fileName: 'bad.xml', contents: bad }], schema: [XSD] });
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThanOrEqual(2);
  });

  it.each(RECORDS)('%s reads back to the same Record on every field MARC carries', (name, record) => {
    const id = idOf(name);
    const [back, ...rest] = readMarc(writeMarcXml(record, id), `${id}.xml`);
    expect(rest).toEqual([]);
    expect(isLdpubError(back)).toBe(false);
    expect((back as Record).id).toBe(id);
    expect(carried(back as Record)).toEqual(carried(record));
  });

  it('builds the leader, 001 and 008 from the Record', () => {
    const marc = recordToMarc(fixtureRecord('seed', 'record.json'), SEED_ID);
    expect(marc.leader).toBe('00000nab a2200000 i 4500');
    expect(marc.fields[0]).toEqual({ tag: '001', value: SEED_ID });
    const f008 = (marc.fields[1] as { value: string }).value;
    expect(f008).toHaveLength(40);
    expect(f008.slice(6, 11)).toBe('s2023');
    expect(f008.slice(35, 38)).toBe('eng');
  });
});
