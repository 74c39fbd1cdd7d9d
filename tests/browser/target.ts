// Test helpers: what the browser tests browse. The real app (createApp) once the registry's HTML format is the
// record page renderer; until then a small node:http server rendering the same pages with the same headers.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Record } from '../../src/model/record.js';
import { formatByName } from '../../src/formats/registry.js';
import { fixturePath, SEED_ID } from '../helpers/fixtures.js';
import { seedInput } from '../html/pages.js';
import { startServer } from '../server/harness.js';
import { startPageServer } from './page-server.js';

/** The hostile record: CSL-JSON whose title, journal and abstract decode to markup and script, and whose author holds some. */
export const XSS_FILE = fixturePath('html', 'xss-record.json');
export const XSS_RECORD_ID = 'xss-record';

export interface Target {
  /** "app" or "page server", for test names. */
  name: string;
  url: string;
  /** The records as the catalog holds them: what the pages must show, character for character. */
  record(id: string): Record;
  close(): Promise<void>;
}

/** True when the registry's HTML format writes the full record page (Highwire tags and all). */
export async function appServesRecordPages(): Promise<boolean> {
  const html = formatByName('html');
  return html ? (await html.serialize(seedInput())).includes('name="citation_title"') : false;
}

async function startApp(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'ldpub-browser-'));
  copyFileSync(fixturePath('catalog', 'seed-case-report.txt'), join(dir, `${SEED_ID}.txt`));
  copyFileSync(XSS_FILE, join(dir, 'xss-record.json'));
  const server = await startServer({ dir });
  return {
    name: 'app',
    url: server.url,
    record: (id) => {
      const r = server.live.current.get(id);
      if (!r) throw new Error(`the app did not publish ${id}: ${JSON.stringify(server.live.current.refused)}`);
      return r.record;
    },
    close: () => server.close(),
  };
}

export async function startTarget(): Promise<Target> {
  if (await appServesRecordPages()) return startApp();
  const server = await startPageServer([
    { path: fixturePath('catalog', 'seed-case-report.txt'), name: `${SEED_ID}.txt` },
    { path: XSS_FILE, name: 'xss-record.json' },
  ]);
  return {
    name: 'page server',
    url: server.base,
    record: (id) => {
      const input = server.inputs.get(id);
      if (!input) throw new Error(`no record ${id}`);
      return input.record;
    },
    close: () => server.close(),
  };
}
