// The compiled engine and rdf-validate-shacl give the same report on 20,000 generated records, about a third with a planted violation.
import { describe, expect, it } from 'vitest';
import { INVALID_KINDS, generateRecord } from '../../bench/generate.js';
import { mapFile } from '../../src/pipeline.js';
import { isPublishable } from '../../src/validate/report.js';
import { bothEngines, reportKeys } from './differential.js';

const COUNT = 20_000;
const SEED = 13;

describe('compiled and reference engines on generated records', () => {
  it(`agree on ${COUNT.toLocaleString('en-US')} records, and refuse exactly the ones with a planted violation`, async () => {
    const { compiled, reference } = await bothEngines();
    let records = 0;
    let results = 0;
    let refused = 0;
    const planted = new Map<string, number>();
    const mismatches: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const g = generateRecord(i, SEED, 0.35);
      for (const m of mapFile(g.text, `${g.id}.txt`, 'http://localhost:3000')) {
        records++;
        const ours = compiled.validate(m.quads);
        const theirs = reference.validate(m.quads);
        const a = reportKeys(ours);
        const b = reportKeys(theirs);
        if (JSON.stringify(a) !== JSON.stringify(b) && mismatches.length < 5) mismatches.push(`${g.id}: ${JSON.stringify({ compiled: a, reference: b })}`);
        results += ours.results.length;
        if (!isPublishable(ours)) refused++;
        if (g.invalid) {
          planted.set(g.invalid, (planted.get(g.invalid) ?? 0) + 1);
          expect(ours.conforms, `${g.id} (${g.invalid})`).toBe(false);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(records).toBeGreaterThanOrEqual(COUNT);
    // Every kind of planted violation occurs, and the reports are not empty ones.
    expect([...planted.keys()].sort()).toEqual([...INVALID_KINDS].sort());
    expect(refused).toBeGreaterThan(COUNT * 0.3);
    expect(results).toBeGreaterThan(refused);
  }, 600_000);
});
