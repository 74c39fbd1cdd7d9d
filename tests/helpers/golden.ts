// Golden files: compare output with a file under tests/fixtures. A missing file fails; UPDATE_GOLDEN=1 (re)writes it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(actual: string, path: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`golden file missing: ${path} (run with UPDATE_GOLDEN=1 to write it, then review it)`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
