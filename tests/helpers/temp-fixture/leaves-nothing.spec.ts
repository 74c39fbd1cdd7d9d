// Run by tests/helpers/temp.test.ts in a vitest of its own (never by the suite: its name is no *.test.ts), with its
// own TMPDIR: makes folders with tempDir() everywhere a test file can, with one test and one afterAll failing on
// purpose, and writes their paths to $LDPUB_TEMP_REPORT. Afterwards none of them may exist.
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';

const made: { [where: string]: string } = { module: tempDir('module') };
const report = () => writeFileSync(process.env.LDPUB_TEMP_REPORT!, JSON.stringify(made));

beforeAll(() => {
  made.beforeAll = tempDir('before-all');
});

describe('a describe block', () => {
  made.describe = tempDir('describe');
  let each = '';
  beforeEach(() => {
    each = tempDir('before-each');
  });

  it('a test', () => {
    made.test = tempDir('test');
    made.beforeEach = each;
    for (const dir of Object.values(made)) expect(existsSync(dir)).toBe(true);
  });

  it.fails('a failing test', () => {
    made.failing = tempDir('failing');
    throw new Error('fails on purpose');
  });

  it('the folders of finished tests are gone, the others are not', () => {
    expect([made.test, made.beforeEach, made.failing].map((d) => existsSync(d!))).toEqual([false, false, false]);
    expect([made.module, made.beforeAll, made.describe].map((d) => existsSync(d!))).toEqual([true, true, true]);
  });
});

// afterAll hooks run last registered first: the report, then the failing one (which skips any afterAll after it).
afterAll(() => {
  throw new Error('afterAll fails on purpose');
});
afterAll(report);
