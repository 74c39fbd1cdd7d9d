// The compiled engine and rdf-validate-shacl give the same report on every corpus record the readers accept: the copies in
// tests/fixtures, and the whole shared corpus (corpus/records beside the repository) where it is present.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapFile, type MappedRecord } from '../../src/pipeline.js';
import { packageRoot } from '../../src/paths.js';
import { fixturePath, TEST_BASE } from '../helpers/fixtures.js';
import { bothEngines, reportKeys, type Engines } from './differential.js';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** The records of every file a reader accepts; files no reader takes (HTML pages, gold answers…) are left out. */
function accepted(files: string[]): { file: string; records: MappedRecord[] }[] {
  return files.flatMap((file) => {
    try {
      const records = mapFile(readFileSync(file, 'utf8'), file, TEST_BASE);
      return records.length > 0 ? [{ file, records }] : [];
    } catch {
      return [];
    }
  });
}

const FIXTURE_FOLDERS = ['csl-json', 'bibtex', 'ris', 'crossref', 'catalog', 'seed', join('validate', 'records')];
const fixtureFiles = FIXTURE_FOLDERS.flatMap((f) => walk(fixturePath(f)));
const sharedCorpus = [resolve(packageRoot(), '..', 'shared'), resolve(packageRoot(), '..', '..', 'shared')]
  .map((d) => join(d, 'corpus', 'records'))
  .find((d) => existsSync(d));

let engines: Engines;
beforeAll(async () => {
  engines = await bothEngines();
});

function compare(sets: { file: string; records: MappedRecord[] }[]): { records: number; results: number } {
  let records = 0;
  let results = 0;
  for (const { file, records: mapped } of sets) {
    for (const m of mapped) {
      const ours = reportKeys(engines.compiled.validate(m.quads));
      expect(ours, `${relative(packageRoot(), file)} → ${m.id}`).toEqual(reportKeys(engines.reference.validate(m.quads)));
      records++;
      results += ours.results.length;
    }
  }
  return { records, results };
}

describe('compiled and reference engines on corpus records', () => {
  it('agree on every record of the corpus copies in tests/fixtures', () => {
    const sets = accepted(fixtureFiles);
    const { records, results } = compare(sets);
    expect(records).toBeGreaterThan(60);
    expect(results).toBeGreaterThan(20);
  });

  it('agree on every record of the shared corpus the readers accept, where it is present', () => {
    const sets = sharedCorpus ? accepted(walk(sharedCorpus)) : [];
    const { records } = compare(sets);
    if (sharedCorpus) expect(records).toBeGreaterThan(40);
  });
});
