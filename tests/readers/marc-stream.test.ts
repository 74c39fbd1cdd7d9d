// The streaming entry point and `ldpub convert` on MARC files: records come out as the bytes arrive, in any chunking,
// and a broken record is one stderr line while the others are written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/convert.js';
import { isLdpubError, type LdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';
import { readMarc } from '../../src/readers/marc/index.js';
import { readRecordStream } from '../../src/readers/stream.js';
import { readRecords } from '../../src/readers/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { runCommand } from '../helpers/cli.js';

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(bytes: Uint8Array, name: string, size: number, format?: string): Promise<(Record | LdpubError)[]> {
  const out: (Record | LdpubError)[] = [];
  for await (const r of readRecordStream(chunks(bytes, size), name, format)) out.push(r);
  return out;
}

describe('readRecordStream', () => {
  const xml = readFileSync(fixturePath('marc', 'cataloguer.xml'));
  const whole = readMarc(xml.toString('utf8'), 'cataloguer.xml');

  it.each([1, 3, 64, 1000, 1 << 20])('reads MARCXML in chunks of %i bytes as read whole (multi-byte characters split too)', async (size) => {
    expect(await collect(xml, 'cataloguer.xml', size)).toEqual(whole);
  });

  it('tells MARC by content when the extension does not: .xml, no extension, ISO 2709 under another name', async () => {
    expect(await collect(xml, 'records', 4096)).toEqual(whole);
    const mrc = readFileSync(fixturePath('marc', 'cataloguer.mrc'));
    expect(await collect(mrc, 'download.dat', 4096)).toEqual(whole);
    expect(await collect(xml, 'x.txt', 4096, 'marc')).toEqual(whole);
  });

  it('reads every other format whole through readRecords, errors yielded not thrown', async () => {
    const bib = readFileSync(fixturePath('bibtex', 'complete-article.bib'));
    expect(await collect(bib, 'complete-article.bib', 7)).toEqual(readRecords(bib.toString('utf8'), 'complete-article.bib'));
    const [error] = await collect(Buffer.from('<!DOCTYPE html><html></html>'), 'page.html', 7);
    expect(isLdpubError(error) && error.code).toBe('LDPUB_NOT_A_RECORD');
  });

  it('an empty MARC file is one error', async () => {
    const out = await collect(new Uint8Array(0), 'empty.mrc', 10);
    expect(out.map((e) => (isLdpubError(e) ? e.toLine() : e))).toEqual(['empty.mrc: is empty [LDPUB_NOT_A_RECORD]']);
  });
});

describe('ldpub convert on MARC', () => {
  it('writes every record of a collection, each with its 001 as id', async () => {
    const r = await runCommand(run, [fixturePath('marc', 'cataloguer.mrc'), '--to', 'ntriples']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const subjects = [...new Set([...r.stdout.matchAll(/^<http:\/\/localhost:3000\/record\/([^>#]+)>/gm)].map((m) => m[1]))];
    expect(subjects).toEqual(['2019012345', 'thesis-2018-oxford', 'art-2020-45', 'chapter-0042', 'ocm41234567', 'ds-0007']);
  });

  it.each([
    ['bad-leader.mrc', 'LDPUB_MARC_BAD_LEADER', ['2019012345', 'art-2020-45']],
    ['bad-directory.mrc', 'LDPUB_MARC_BAD_DIRECTORY', ['2019012345', 'art-2020-45']],
    ['truncated.mrc', 'LDPUB_MARC_TRUNCATED', ['2019012345', 'thesis-2018-oxford']],
    ['malformed.xml', 'LDPUB_BAD_SYNTAX', ['good-1', 'good-3']],
  ])('%s: one stderr line naming file, record and field, exit 1, the other records written', async (name, code, ids) => {
    const file = fixturePath('marc', name);
    const r = await runCommand(run, [file, '--to', 'ntriples']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ldpub convert: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[,:] record \\d+( \\(001 [^)]+\\))?: \\S.*: .+ \\[${code}\\]$`));
    const subjects = [...new Set([...r.stdout.matchAll(/^<http:\/\/localhost:3000\/record\/([^>#]+)>/gm)].map((m) => m[1]))];
    expect(subjects).toEqual(ids);
  });

  it('--to marcxml writes each record as MARCXML that reads back', async () => {
    const r = await runCommand(run, [fixturePath('marc', 'cataloguer.xml'), '--to', 'marcxml']);
    expect(r.code).toBe(0);
    const docs = r.stdout.split('<?xml').filter(Boolean).map((d) => `<?xml${d}`);
    expect(docs).toHaveLength(6);
    expect(readMarc(docs[2] as string, 'x.xml').map((x) => (x as Record).id)).toEqual(['art-2020-45']);
  });
});

describe('ids of streamed records without a 001', () => {
  it('count the refused entries too, as read whole: the third record is file-3 whether the second is broken or not', async () => {
    const { mapRecordStream, mapFileEntries } = await import('../../src/pipeline.js');
    const text = readFileSync(fixturePath('marc', 'malformed.xml'), 'utf8').replace(/<(?:marc:)?controlfield tag="001">[^<]*<\/(?:marc:)?controlfield>/g, '');
    const ids: string[] = [];
    for await (const m of mapRecordStream(readRecordStream(chunks(Buffer.from(text), 512), 'shelf.xml'), 'shelf.xml', 'http://localhost:3000')) {
      ids.push(isLdpubError(m) ? m.code : m.id);
    }
    expect(ids).toEqual(['shelf-1', 'LDPUB_BAD_SYNTAX', 'shelf-3']);
    expect(mapFileEntries(text, 'shelf.xml', 'http://localhost:3000').mapped.map((m) => m.id)).toEqual(['shelf-1', 'shelf-3']);
  });
});
