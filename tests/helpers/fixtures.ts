// Test helpers: paths and loaders for files under tests/fixtures/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Record } from '../../src/model/record.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function fixtureText(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

export function fixtureRecord(...parts: string[]): Record {
  return JSON.parse(fixtureText(...parts)) as Record;
}

export const SEED_ID = '000_dbb0811b20e3e0e2';
export const TEST_BASE = 'http://localhost:3000';
export const SEED_IRI = `${TEST_BASE}/record/${SEED_ID}`;
