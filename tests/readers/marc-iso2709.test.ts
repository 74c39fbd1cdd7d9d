// Binary MARC (ISO 2709): UTF-8 and MARC-8 fixtures written by ldpub's own serializer from the MARCXML fixtures,
// and broken ones (a bad leader, a bad directory, a truncated file), each read in whole and in chunks of any size.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLdpubError, type LdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';
import { readMarc, readMarcStream } from '../../src/readers/marc/index.js';
import { readRecords } from '../../src/readers/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { binaryFixtures } from './marc-fixtures.js';

const fixtures = binaryFixtures();
const xmlRecords = readMarc(readFileSync(fixturePath('marc', 'cataloguer.xml'), 'utf8'), 'cataloguer.xml') as Record[];

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(bytes: Uint8Array, name: string, size: number): Promise<(Record | LdpubError)[]> {
  const out: (Record | LdpubError)[] = [];
  for await (const r of readMarcStream(chunks(bytes, size), name)) out.push(r);
  return out;
}

describe('ISO 2709 fixtures', () => {
  it.each(Object.keys(fixtures))('%s is committed as the serializer writes it', (name) => {
    const path = fixturePath('marc', name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, fixtures[name] as Uint8Array);
    expect(existsSync(path)).toBe(true);
    expect(Buffer.compare(readFileSync(path), Buffer.from(fixtures[name] as Uint8Array))).toBe(0);
  });

  it('the UTF-8 file (leader/09 a) reads as the same Records as the MARCXML it was written from', () => {
    expect(readFileSync(fixturePath('marc', 'cataloguer.mrc')).subarray(9, 10).toString()).toBe('a');
    expect(readMarc(readFileSync(fixturePath('marc', 'cataloguer.mrc')), 'cataloguer.mrc')).toEqual(xmlRecords);
  });

  it('the MARC-8 file (leader/09 blank) has its diacritics as combining bytes before the letter, and reads as the same Records', () => {
    const bytes = readFileSync(fixturePath('marc', 'cataloguer-marc8.mrc'));
    expect(bytes.subarray(9, 10).toString()).toBe(' ');
    expect(bytes.includes(Buffer.from([0x4d, 0xe8, 0x75]))).toBe(true); // M, umlaut, u: "Mü"
    expect(bytes.includes(Buffer.from('Müller'))).toBe(false);
    const records = readMarc(bytes, 'cataloguer-marc8.mrc') as Record[];
    expect(records).toEqual(xmlRecords);
    expect(records[0]?.authors[0]).toMatchObject({ family: 'Müller', given: 'Jörg' });
    expect(records[0]?.title).toBe('Die Geschichte der Kartographie: von den Anfängen bis heute');
  });

  it.each([1, 7, 100, 4096])('reads the same in chunks of %i bytes', async (size) => {
    for (const name of Object.keys(fixtures)) {
      const whole = readMarc(fixtures[name] as Uint8Array, name);
      expect(await collect(fixtures[name] as Uint8Array, name, size), `${name} in chunks of ${size}`).toEqual(whole);
    }
  });

  it.each([
    ['bad-leader.mrc', 'bad-leader.mrc, record 2: leader/00-04 (record length) "0x834": is not a record length of five digits [LDPUB_MARC_BAD_LEADER]'],
    ['bad-directory.mrc', 'bad-directory.mrc, record 2 (001 thesis-2018-oxford): directory entry 2 "0080?4100019": is not a tag, a 4-digit length and a 5-digit start [LDPUB_MARC_BAD_DIRECTORY]'],
    ['truncated.mrc', 'truncated.mrc, record 3 (001 art:2020/45): leader/00-04 (record length) "00810": the file ends 405 bytes into a record [LDPUB_MARC_TRUNCATED]'],
  ])('%s: one line naming the file, the record and the field; the other records are read', (name, line) => {
    const out = readMarc(readFileSync(fixturePath('marc', name)), name);
    const errors = out.filter(isLdpubError);
    expect(errors.map((e) => e.toLine())).toEqual([line]);
    const ids = out.filter((r): r is Record => !isLdpubError(r)).map((r) => r.id);
    expect(ids).toEqual(name === 'truncated.mrc' ? ['2019012345', 'thesis-2018-oxford'] : ['2019012345', 'art-2020-45']);
  });

  it('MARC-8 decoded as UTF-8 text before it reaches the whole-file reader is one clear error, not a wrong record', () => {
    const text = readFileSync(fixturePath('marc', 'cataloguer-marc8.mrc'), 'utf8');
    expect(() => readRecords(text, 'cataloguer-marc8.mrc')).toThrowError(/bytes were lost to a UTF-8 decoding/);
    // UTF-8 binary MARC survives the detour: its bytes come back exactly.
    expect(readRecords(readFileSync(fixturePath('marc', 'cataloguer.mrc'), 'utf8'), 'cataloguer.mrc')).toEqual(xmlRecords);
  });

  it('a leader whose length is wrong is resynchronised at the next record terminator', () => {
    const all = fixtures['cataloguer.mrc'] as Uint8Array;
    const copy = Uint8Array.from(all);
    copy.set(new TextEncoder().encode('00099'), 0); // the first record claims 99 bytes
    const out = readMarc(copy, 'x.mrc');
    expect(isLdpubError(out[0])).toBe(true);
    expect((out[0] as LdpubError).toLine()).toMatch(/^x\.mrc, record 1 \(001 2019012345\): leader\/00-04 \(record length\) "00099": does not end at a record terminator \(the record is \d+ bytes\) \[LDPUB_MARC_BAD_LEADER\]$/);
    expect(out.slice(1).map((r) => (isLdpubError(r) ? r.code : r.id))).toEqual(['thesis-2018-oxford', 'art-2020-45', 'chapter-0042', 'ocm41234567', 'ds-0007']);
  });
});
