// The compiled engine and rdf-validate-shacl give the same typed report on the W3C SHACL Core suite's data, with each
// test's own shapes and with ldpub's shapes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bothEngines, reportKeys } from './differential.js';
import { loadTests } from './w3c-manifest.js';

const tests = loadTests(fileURLToPath(new URL('../fixtures/shacl-core/manifest.ttl', import.meta.url)));

describe('compiled and reference engines on the W3C suite', () => {
  it('agree on every test with its own shapes', async () => {
    let results = 0;
    for (const test of tests) {
      const { compiled, reference } = await bothEngines(test.shapes, test.id);
      const ours = reportKeys(compiled.validate(test.data));
      expect(ours, test.id).toEqual(reportKeys(reference.validate(test.data)));
      results += ours.results.length;
    }
    expect(results).toBeGreaterThan(150);
  }, 120_000);

  it("agree on every test's data with ldpub's shapes", async () => {
    const { compiled, reference } = await bothEngines();
    for (const test of tests) {
      expect(reportKeys(compiled.validate(test.data)), test.id).toEqual(reportKeys(reference.validate(test.data)));
    }
  });
});
