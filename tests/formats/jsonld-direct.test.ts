// The direct JSON-LD writer against jsonld.js (fromRDF + frame with the same context): the same JSON, the same graph.
import { describe, expect, it } from 'vitest';
import { toJsonLdObject, writeJsonLd } from '../../src/formats/jsonld.js';
import { canonical, parseJsonLd } from '../helpers/graph.js';
import { referenceJsonLd } from './reference.js';
import { normalQuads } from './normal-form.js';
import { fixtureSamples, generatedSamples, seedSample, type Sample } from './records.js';

async function expectSameAsReference(s: Sample): Promise<void> {
  const direct = toJsonLdObject(s.quads, s.iri);
  // The reference keeps what the normal form drops (C1 controls in a mojibake title, for one): give it the normal form.
  const reference = await referenceJsonLd(normalQuads(s.quads), s.iri);
  // Byte for byte: the same keys in the same order, the same arrays.
  expect(JSON.stringify(direct, null, 2), s.label).toBe(JSON.stringify(reference, null, 2));
  expect(await canonical(await parseJsonLd(writeJsonLd(s.quads, s.iri))), s.label).toBe(await canonical(normalQuads(s.quads)));
}

describe('the direct JSON-LD writer', () => {
  it('writes the seed as jsonld.js frames it', async () => {
    await expectSameAsReference(seedSample());
  });

  it('writes every fixture and corpus record the readers accept as jsonld.js frames it', async () => {
    const samples = fixtureSamples();
    expect(samples.length).toBeGreaterThan(30);
    for (const s of samples) await expectSameAsReference(s);
  });

  it('writes generated records as jsonld.js frames them', async () => {
    for (const s of generatedSamples(300, 3)) await expectSameAsReference(s);
  });
});
