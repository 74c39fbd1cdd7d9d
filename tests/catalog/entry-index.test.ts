// The packed index against a plain sorted array of the same entries: every read, every patch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryIndex, EntryList, IndexBuilder, type Kind } from '../../src/catalog/entry-index.js';
import type { Entry } from '../../src/store/store.js';

const same = (e: Entry) => e;

const entryArb = (id: string): fc.Arbitrary<Entry> =>
  fc
    .record(
      {
        version: fc.string({ maxLength: 30 }),
        datestamp: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double({ min: 0, max: 4e12, noNaN: true })),
        source: fc.string({ unit: 'grapheme', maxLength: 40 }),
        deleted: fc.constant(true as const),
        warnings: fc.nat(),
        ntBytes: fc.oneof(fc.nat(), fc.constant(2 ** 40)),
        stats: fc.record({ triples: fc.nat(), entities: fc.nat() }),
        title: fc.string({ unit: 'grapheme', maxLength: 300 }),
      },
      { requiredKeys: ['version', 'datestamp', 'source'] },
    )
    .map((e) => ({ id, ...e }));

/** Sorted distinct ids, some with characters outside ASCII, and entries for them. */
const entriesArb = (max: number) =>
  fc
    .uniqueArray(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), { maxLength: max })
    .map((ids) => ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    .chain((ids) => (ids.length ? fc.tuple(...ids.map(entryArb)) : fc.constant([] as Entry[])));

const of = (entries: readonly Entry[], kind: Kind) => entries.filter((e) => (kind === 'all' ? true : kind === 'live' ? !e.deleted : e.deleted));

function checkAgainst(index: EntryIndex, model: readonly Entry[]): void {
  for (const kind of ['all', 'live', 'deleted'] as const) {
    const want = of(model, kind);
    const list = new EntryList(index, kind);
    expect(list.length).toBe(want.length);
    expect([...list]).toEqual(want);
    for (const i of [0, 1, want.length >> 1, want.length - 1, want.length]) expect(list.at(i)).toEqual(want[i]);
    expect(list.slice(2, 7)).toEqual(want.slice(2, 7));
    expect([...list.from(3)]).toEqual(want.slice(3));
    for (const e of model.slice(0, 20)) {
      expect(list.rank(e.id)).toBe(want.filter((w) => w.id < e.id).length);
      expect(list.rank(e.id, true)).toBe(want.filter((w) => w.id <= e.id).length);
      expect(list.rank(`${e.id}\u0000`)).toBe(want.filter((w) => w.id <= e.id).length);
    }
  }
  for (const e of model) expect(index.get(e.id)).toEqual(e);
  expect(index.get('\u0000absent')).toBeUndefined();
  const live = of(model, 'live');
  expect(index.totals).toMatchObject({
    all: model.length,
    live: live.length,
    warned: live.filter((e) => (e.warnings ?? 0) > 0).length,
    triples: live.reduce((n, e) => n + (e.stats?.triples ?? 0), 0),
    entities: live.reduce((n, e) => n + (e.stats?.entities ?? 0), 0),
    ntMissing: live.filter((e) => e.ntBytes === undefined).length,
    ntBytes: live.reduce((n, e) => n + (e.ntBytes ?? 0), 0),
    newest: Math.max(-Infinity, ...model.map((e) => e.datestamp)),
    oldest: Math.min(Infinity, ...model.map((e) => e.datestamp)),
  });
}

describe('the packed entry index', () => {
  it('reads back exactly the entries it was given, over chunk boundaries', () => {
    fc.assert(
      fc.property(entriesArb(700), (entries) => {
        checkAgainst(EntryIndex.from(entries, same), entries);
      }),
      { numRuns: 40 },
    );
  });

  it('patched with new, changed and deleted entries is the merged array, and leaves the original as it was', () => {
    fc.assert(
      fc.property(entriesArb(900), fc.array(fc.nat(), { maxLength: 30 }), entriesArb(40), (entries, picks, fresh) => {
        const index = EntryIndex.from(entries, same);
        const byId = new Map(entries.map((e) => [e.id, e]));
        const changes = new Map<string, Entry>();
        for (const p of picks) {
          const old = entries[p % Math.max(1, entries.length)];
          if (old) changes.set(old.id, { ...old, version: `${old.version}+`, datestamp: old.datestamp + 1, deleted: true });
        }
        for (const e of fresh) changes.set(e.id, e);
        for (const [id, e] of changes) byId.set(id, e);
        const model = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        checkAgainst(index.patched([...changes.values()]), model);
        // The original is untouched.
        checkAgainst(index, entries);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an id twice, and a builder sorts entries that come out of order', () => {
    const e = (id: string): Entry => ({ id, version: 'v', datestamp: 1, source: `${id}.txt` });
    expect(() => EntryIndex.from([e('a'), e('a')], same)).toThrow('two index entries for the id a');
    expect(() => EntryIndex.from([e('b'), e('a')], same)).toThrow('out of order');
    const builder = new IndexBuilder(same);
    const ids = Array.from({ length: 600 }, (_, i) => `r${String(i).padStart(4, '0')}`);
    for (const id of [...ids.slice(300), ...ids.slice(0, 300)]) builder.add(e(id));
    expect([...new EntryList(builder.finish(), 'all')].map((x) => x.id)).toEqual(ids);
    const twice = new IndexBuilder(same);
    for (const id of ['b', 'a', 'b']) twice.add(e(id));
    expect(() => twice.finish()).toThrow('two index entries for the id b');
  });

  it('keeps an entry in about a third of the memory its object took', () => {
    const N = 200_000;
    const entries = function* () {
      for (let i = 0; i < N; i++) yield { id: `gen-1-${String(i).padStart(7, '0')}`, version: 'abcdefghijklmnopqrstuv', datestamp: 1.8e12 + i, source: `gen-1-${String(i).padStart(7, '0')}.txt`, warnings: i % 3, ntBytes: 15_000, stats: { triples: 120, entities: 9 }, title: `A generated title number ${i} of some length` } satisfies Entry;
    };
    const before = process.memoryUsage().arrayBuffers;
    const index = EntryIndex.from(entries(), same);
    const bytes = process.memoryUsage().arrayBuffers - before;
    // About 130 bytes an entry packed (the objects took about 420 in the V8 heap).
    expect(bytes / N).toBeLessThan(160);
    expect(index.get('gen-1-0123456')?.title).toBe('A generated title number 123456 of some length');
  });
});
