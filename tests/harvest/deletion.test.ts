// Deleted records as harvesters see them: OAI-PMH headers with status="deleted" (deletedRecord persistent), and
// dumps whose ETag, Last-Modified and length change with the deletion; the N-Triples dump answers byte ranges.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStores } from '../../src/store/lmdb-store.js';
import { LiveCatalog } from '../../src/catalog/live.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { acceptAll, BASE, generatedClock, generateCatalogDir, removeDir, ResponseLog, schemaErrors, serve, texts, type Served } from './helpers.js';

let dir: string;
let served: Served;
let before: { etag: string; lastModified: string; length: number; body: string };

const log = new ResponseLog();
const oai = async (q: string) => log.text(await fetch(`${served.url}/oai?${q}`));

const identity = { 'accept-encoding': 'identity' };

beforeAll(async () => {
  dir = generateCatalogDir(6);
  // The first ingest dates record i at T0 + i hours; later changes are dated by the real clock.
  let first = true;
  const build = () => loadCatalog({ dataDir: dir, base: BASE, gate: acceptAll, clock: (id) => (first ? generatedClock(id) : Date.now()) });
  const live = new LiveCatalog(await build(), build);
  first = false;
  served = await serve(live);
  const res = await fetch(`${served.url}/dump.nt`, { headers: identity });
  before = { etag: res.headers.get('etag')!, lastModified: res.headers.get('last-modified')!, length: Number(res.headers.get('content-length')), body: await res.text() };
  rmSync(join(dir, 'gen-00002.txt'));
  const reloaded = await served.live.reload();
  if (!reloaded.ok) throw reloaded.error;
});
afterAll(async () => {
  await served?.close();
  await closeStores();
  removeDir(dir);
});

describe('OAI-PMH after a deletion', () => {
  it('GetRecord gives the header with status="deleted" and no metadata', async () => {
    const xml = await oai('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:data.example.org:gen-00002');
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<header status="deleted"><identifier>oai:data.example.org:gen-00002</identifier>');
    expect(xml).not.toContain('<metadata>');
    // Its datestamp is when the deletion was committed: after every record's.
    const [stamp] = texts(xml, 'datestamp');
    expect(Date.parse(stamp!)).toBeGreaterThan(Date.UTC(2025, 0, 1));
  });

  it('lists the tombstone in ListIdentifiers and ListRecords, and from its datestamp on only it', async () => {
    const ids = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(await schemaErrors(ids)).toBe('');
    expect(texts(ids, 'identifier')).toHaveLength(6);
    expect(ids.match(/status="deleted"/g)).toHaveLength(1);
    const records = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect(await schemaErrors(records)).toBe('');
    expect(records.match(/<metadata>/g)).toHaveLength(5);
    const stamp = texts(await oai('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:data.example.org:gen-00002'), 'datestamp')[0]!;
    const since = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${stamp}`);
    expect(texts(since, 'identifier')).toEqual(['oai:data.example.org:gen-00002']);
  });

  it('Identify declares persistent deletions and keeps the earliest datestamp', async () => {
    const xml = await oai('verb=Identify');
    expect(texts(xml, 'deletedRecord')).toEqual(['persistent']);
    expect(texts(xml, 'earliestDatestamp')).toEqual(['2024-01-01T12:00:00Z']);
  });
});

describe('dumps after a deletion', () => {
  it('change ETag, Last-Modified and length', async () => {
    const res = await fetch(`${served.url}/dump.nt`, { headers: identity });
    const body = await res.text();
    expect(res.headers.get('etag')).not.toBe(before.etag);
    expect(Date.parse(res.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(before.lastModified));
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(Buffer.byteLength(body)).toBeLessThan(before.length);
    expect(body).not.toContain('/record/gen-00002>');
    // A client holding the old dump gets the new one, not a 304.
    const again = await fetch(`${served.url}/dump.nt`, { headers: { ...identity, 'if-modified-since': before.lastModified } });
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  });

  it('answers byte ranges of the N-Triples dump with 206, and 416 past its end', async () => {
    const whole = Buffer.from(await (await fetch(`${served.url}/dump.nt`, { headers: identity })).arrayBuffer());
    const head = await fetch(`${served.url}/dump.nt`, { method: 'HEAD', headers: identity });
    expect(head.headers.get('content-length')).toBe(String(whole.length));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    for (const [range, start, end] of [['bytes=0-99', 0, 99], ['bytes=1000-2500', 1000, 2500], [`bytes=-300`, whole.length - 300, whole.length - 1], [`bytes=${whole.length - 10}-`, whole.length - 10, whole.length - 1]] as const) {
      const res = await fetch(`${served.url}/dump.nt`, { headers: { ...identity, range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${whole.length}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(start, end + 1)), range).toBe(true);
    }
    const past = await fetch(`${served.url}/dump.nt`, { headers: { ...identity, range: `bytes=${whole.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    const stale = await fetch(`${served.url}/dump.nt`, { headers: { ...identity, range: 'bytes=0-9', 'if-range': before.etag } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it('every OAI-PMH response above is valid against the OAI-PMH schema and its payloads\' schemas', async () => {
    expect(log.size).toBeGreaterThan(0);
    expect(await log.invalid()).toEqual([]);
  }, 120_000);
});
