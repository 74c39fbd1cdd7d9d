// Reloading without a gap: while clients fetch in a loop, a record is added and another refused; every answer is old or new, never an error.
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Gate } from '../../src/catalog/load.js';
import { fixturePath } from '../helpers/fixtures.js';
import { acceptAll, dataFolder, startServer, SEED_ID, type TestServer } from './harness.js';

/** Refuses any record whose graph holds the word INVALID, as the SHACL gate refuses a record that breaks a shape. */
const refuseInvalid: Gate = (quads) =>
  quads.some((q) => q.object.value.includes('INVALID'))
    ? { conforms: false, results: [{ severity: 'Violation', focusNode: quads[0]!.subject.value, message: 'marked invalid', constraintComponent: 'urn:test' }] }
    : acceptAll(quads);

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('reload', () => {
  it('swaps catalogs with no gap while clients fetch', async () => {
    s = await startServer({ gate: refuseInvalid });
    const server = s;
    const added = 'rspb-particle-teaser';
    const invalidated = 'plos-one-e-locator';
    const ids = [SEED_ID, added, invalidated];
    const failures: string[] = [];
    let stop = false;
    const rounds = [0, 0, 0];
    /** Waits (bounded) until every client has made `n` more rounds of requests: no timing assumptions. */
    const afterRounds = async (n: number) => {
      const target = rounds.map((r) => r + n);
      for (let i = 0; i < 1000 && rounds.some((r, c) => r < target[c]!); i++) await new Promise((r) => setTimeout(r, 10));
    };

    /** One client's answers per record, in the order it got them. */
    const client = async (c: number): Promise<{ [id: string]: number[] }> => {
      const seen: { [id: string]: number[] } = { [SEED_ID]: [], [added]: [], [invalidated]: [] };
      for (let i = 0; i < 2000 && !stop; i++) {
        for (const id of ids) {
          try {
            const res = await fetch(`${server.url}/record/${id}`, { headers: { accept: 'text/turtle' } });
            const body = await res.text();
            if (res.status === 200 && !body.includes(`/record/${id}>`)) failures.push(`${id}: wrong body`);
            seen[id]!.push(res.status);
          } catch (e) {
            failures.push(`${id}: ${(e as Error).message}`);
          }
        }
        rounds[c]! += 1;
      }
      return seen;
    };
    const clients = [client(0), client(1), client(2)];
    await afterRounds(3);

    copyFileSync(fixturePath('catalog', `${added}.txt`), join(server.dir, `${added}.txt`));
    const file = join(server.dir, `${invalidated}.txt`);
    // Written beside and renamed, as an editor or rsync does, so no build reads half a file.
    writeFileSync(`${file}.tmp`, readFileSync(file, 'utf8').replace('Ralser, Markus', 'INVALID, Markus'));
    renameSync(`${file}.tmp`, file);
    const result = await server.live.reload();
    expect(result.ok).toBe(true);
    await afterRounds(3);
    stop = true;
    const results = await Promise.all(clients);

    expect(failures).toEqual([]);
    // For each client, each record moves once from the old catalog's answer to the new one's, and never back.
    const once = (statuses: number[], from: number, to: number) => {
      const firstNew = statuses.indexOf(to);
      expect(firstNew).toBeGreaterThan(0);
      expect(statuses.slice(0, firstNew).every((x) => x === from)).toBe(true);
      expect(statuses.slice(firstNew).every((x) => x === to)).toBe(true);
    };
    for (const seen of results) {
      expect(new Set(seen[SEED_ID])).toEqual(new Set([200]));
      once(seen[added]!, 404, 200);
      // A record once published and now refused is gone, not unknown: its tombstone answers 410.
      once(seen[invalidated]!, 200, 410);
    }
    const health = (await (await fetch(`${server.url}/health`)).json()) as { published: number; refused: number };
    expect(health).toMatchObject({ published: 3, refused: 1 });
  });

  it('keeps the old catalog serving when a reload fails', async () => {
    s = await startServer();
    const before = s.live.current;
    renameSync(s.dir, `${s.dir}-gone`);
    try {
      const result = await s.live.reload();
      expect(result.ok).toBe(false);
      expect(s.live.current).toBe(before);
      const res = await fetch(`${s.url}/record/${SEED_ID}`, { headers: { accept: 'text/turtle' } });
      expect(res.status).toBe(200);
    } finally {
      renameSync(`${s.dir}-gone`, s.dir);
    }
  });

  it('takes a new record in on SIGHUP-style reload only, not before', async () => {
    s = await startServer({ dir: dataFolder([]) });
    copyFileSync(fixturePath('catalog', 'plos-one-e-locator.txt'), join(s.dir, 'plos-one-e-locator.txt'));
    expect((await fetch(`${s.url}/record/plos-one-e-locator`)).status).toBe(404);
    await s.live.reload();
    expect((await fetch(`${s.url}/record/plos-one-e-locator`)).status).toBe(200);
  });
});
