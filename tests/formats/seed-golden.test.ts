import { describe, expect, it } from 'vitest';
import { mapFile } from '../../src/pipeline.js';
import { formatByName } from '../../src/formats/registry.js';
import { fixturePath, fixtureRecord, SEED_ID, TEST_BASE } from '../helpers/fixtures.js';
import { readFileSync } from 'node:fs';
import { expectGolden } from '../helpers/golden.js';
import { seedSample } from './records.js';

describe('the seed record, end to end', () => {
  const text = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
  const [mapped] = mapFile(text, `${SEED_ID}.txt`, TEST_BASE);

  it('reads as the hand-written Record', () => {
    expect(mapped?.id).toBe(SEED_ID);
    expect(mapped?.record).toEqual(fixtureRecord('seed', 'record.json'));
  });

  it('converts to tests/fixtures/seed/expected.ttl exactly', async () => {
    const turtle = await formatByName('turtle')!.serialize({ ...mapped!, base: TEST_BASE, params: {} });
    expectGolden(turtle, fixturePath('seed', 'expected.ttl'));
  });
});

describe('the seed record in JSON-LD and RDF/XML', () => {
  const record = fixtureRecord('seed', 'record.json');
  const input = { ...seedSample(), base: TEST_BASE, params: {} };

  it('converts to tests/fixtures/seed/expected.jsonld exactly', async () => {
    expect(record).toEqual(input.record);
    expectGolden(String(await formatByName('jsonld')!.serialize(input)), fixturePath('seed', 'expected.jsonld'));
  });

  it('converts to tests/fixtures/seed/expected.rdf exactly', async () => {
    expectGolden(String(await formatByName('rdfxml')!.serialize(input)), fixturePath('seed', 'expected.rdf'));
  });
});
