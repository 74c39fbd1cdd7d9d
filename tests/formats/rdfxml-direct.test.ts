// The direct RDF/XML writer: the same graph as rdflib's writer wrote, each triple once, well-formed XML by two parsers.
import { describe, expect, it } from 'vitest';
import { writeRdfXml } from '../../src/formats/rdfxml.js';
import { indexGraph } from '../../src/formats/graph-index.js';
import { canonical, parseRdfXml } from '../helpers/graph.js';
import { normalQuads } from './normal-form.js';
import { referenceRdfXml } from './reference.js';
import { fixtureSamples, generatedSamples, seedSample, type Sample } from './records.js';
import { libxml2Errors, saxesErrors } from './xml-check.js';

async function check(s: Sample): Promise<string> {
  const xml = writeRdfXml(s.quads);
  expect(saxesErrors(xml), s.label).toEqual([]);
  const parsed = await parseRdfXml(xml);
  // Every triple exactly once: no node described twice.
  expect(parsed.length, s.label).toBe(indexGraph(s.quads).size);
  const graph = await canonical(normalQuads(s.quads));
  expect(await canonical(parsed), s.label).toBe(graph);
  // Isomorphic to what rdflib's writer wrote for the same record (parsed by the same independent parser).
  expect(await canonical(await parseRdfXml(referenceRdfXml(normalQuads(s.quads)))), s.label).toBe(graph);
  return xml;
}

describe('the direct RDF/XML writer', () => {
  it('describes every node of the seed once: 87 triples, where rdflib wrote 115', async () => {
    const s = seedSample();
    const xml = await check(s);
    expect((await parseRdfXml(xml)).length).toBe(87);
    expect((await parseRdfXml(referenceRdfXml(s.quads))).length).toBe(115);
    expect(xml.match(/rdf:about="[^"]*#author-1"/g)).toHaveLength(2); // its description and its place in the list
    expect(xml).toContain('<bibo:authorList rdf:parseType="Collection">');
    expect(xml.match(/xmlns:schema=/g)).toHaveLength(1);
    expect(await libxml2Errors([xml])).toEqual([]);
  });

  it('writes every fixture and corpus record the readers accept: the same graph, well-formed by saxes and libxml2', async () => {
    const samples = fixtureSamples();
    expect(samples.length).toBeGreaterThan(30);
    const documents: string[] = [];
    for (const s of samples) documents.push(await check(s));
    expect(await libxml2Errors(documents)).toEqual([]);
  });

  it('writes generated records: the same graph, well-formed by saxes and libxml2', async () => {
    const documents: string[] = [];
    for (const s of generatedSamples(300, 5)) documents.push(await check(s));
    expect(await libxml2Errors(documents)).toEqual([]);
  });
});
