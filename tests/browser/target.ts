// Test helpers: what the browser tests browse: the real app (createApp) on 127.0.0.1 over the seed and a hostile record.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Record } from '../../src/model/record.js';
import { fixturePath, SEED_ID } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { startServer } from '../server/harness.js';

/** The hostile record: CSL-JSON whose title, journal and abstract decode to markup and script, and whose author holds some. */
export const XSS_FILE = fixturePath('html', 'xss-record.json');
export const XSS_RECORD_ID = 'xss-record';

export interface Target {
  url: string;
  /** The records as the catalog holds them: what the pages must show, character for character. */
  record(id: string): Record;
  close(): Promise<void>;
}

async function startApp(): Promise<Target> {
  const dir = tempDir('browser');
  copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(dir, `${SEED_ID}.txt`));
  copyFileSync(XSS_FILE, join(dir, 'xss-record.json'));
  const server = await startServer({ dir });
  const held = new Map<string, Record>();
  for (const e of server.live.current.records) {
    const r = await server.live.current.get(e.id);
    if (r) held.set(e.id, r.record);
  }
  return {
    url: server.url,
    record: (id) => {
      const r = held.has(id) ? { record: held.get(id)! } : undefined;
      if (!r) throw new Error(`the app did not publish ${id}: ${JSON.stringify(server.live.current.refused)}`);
      return r.record;
    },
    close: () => server.close(),
  };
}

export function startTarget(): Promise<Target> {
  return startApp();
}
