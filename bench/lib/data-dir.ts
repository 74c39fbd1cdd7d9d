// Writes generated records to a temporary data folder, as the catalog loads them from disk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRecords } from '../generate.js';

export interface DataDir {
  dir: string;
  /** Ids of records generated without a planted violation, in order. */
  validIds: string[];
  remove(): void;
}

export function writeDataDir(count: number, seed: number, label: string): DataDir {
  const dir = mkdtempSync(join(tmpdir(), `ldpub-bench-${label}-`));
  const validIds: string[] = [];
  for (const r of generateRecords({ count, seed })) {
    writeFileSync(join(dir, `${r.id}.txt`), r.text);
    if (!r.invalid) validIds.push(r.id);
  }
  return { dir, validIds, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
