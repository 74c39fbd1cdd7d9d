// Records made of arbitrary strings in every field: every format is well-formed, parses with a parser that is not
// the writer's, and carries each text in its documented normal form; the page holds no control character.
import fc from 'fast-check';
import canonize from 'rdf-canonize';
import type { Quad } from '@rdfjs/types';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/catalog/published.js';
import { SerializeMemo } from '../../src/formats/memo.js';
import { formatByName } from '../../src/formats/registry.js';
import { indexGraph } from '../../src/formats/graph-index.js';
import { METADATA_FORMATS } from '../../src/harvest/oai/formats.js';
import { element, envelopeStart, ENVELOPE_END } from '../../src/harvest/oai/xml.js';
import type { Record } from '../../src/model/record.js';
import { HOSTILE, record } from './arbitrary.js';
import { canonical, parseJsonLd, parseRdfXml, parseTurtle } from '../helpers/graph.js';
import { normalForm, normalQuads } from './normal-form.js';
import { sample } from './records.js';
import { libxml2Errors, saxesErrors } from './xml-check.js';

/** Every code point a page must never carry: controls but tab/LF/CR, noncharacters, lone surrogates. */
const NOT_IN_PAGE = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/u;

/** N-Triples parsed by rdf-canonize's own N-Quads parser: not n3's. */
function parseNQuadsIndependently(nt: string): Quad[] {
  return canonize.NQuads.parse(nt) as Quad[];
}

function literalValues(quads: readonly Quad[], subject: string, predicate: string): string[] {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate && q.object.termType === 'Literal').map((q) => q.object.value);
}

const xmlDocuments: string[] = [];

async function checkRecord(r: Record): Promise<void> {
  const s = sample('any', 'any-1', r);
  const expected = await canonical(normalQuads(s.quads));
  const memo = new SerializeMemo(s.quads);
  const input = { id: s.id, iri: s.iri, base: 'http://localhost:3000', record: r, quads: s.quads, memo, params: {} };
  const body = async (key: string) => String(await formatByName(key)!.serialize(input));

  const turtle = parseTurtle(await body('turtle'));
  expect(await canonical(turtle)).toBe(expected);
  if (r.title !== undefined && r.title !== '') {
    expect(literalValues(turtle, s.iri, 'http://schema.org/name')).toEqual([normalForm(r.title)]);
  }

  const nt = await body('ntriples');
  expect(await canonical(parseTurtle(nt, 'application/n-triples'))).toBe(expected);
  expect(await canonical(parseNQuadsIndependently(nt))).toBe(expected);

  const json = await body('jsonld');
  expect(await canonical(await parseJsonLd(json))).toBe(expected);

  const xml = await body('rdfxml');
  expect(saxesErrors(xml)).toEqual([]);
  const fromXml = await parseRdfXml(xml);
  // Each triple once (two source strings may share one normal form, and then one triple).
  const tripleKey = (q: (typeof fromXml)[number]) =>
    `${q.subject.value} ${q.predicate.value} ${q.object.termType} ${q.object.value} ${q.object.termType === 'Literal' ? `${q.object.language}|${q.object.datatype.value}` : ''}`;
  expect(new Set(fromXml.map(tripleKey)).size).toBe(indexGraph(normalQuads(s.quads)).size);
  expect(await canonical(fromXml)).toBe(expected);
  xmlDocuments.push(xml);

  const page = await body('html');
  expect(NOT_IN_PAGE.exec(page)?.[0]).toBeUndefined();
  const block = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(page)?.[1];
  expect(block).toBeDefined();
  expect(await canonical(await parseJsonLd(block!))).toBe(expected);

  for (const key of ['citation', 'html-citation']) {
    const format = formatByName(key)!;
    const cited = String(await format.serialize({ ...input, params: format.normalizeParams!({}) }));
    expect(NOT_IN_PAGE.exec(cited)?.[0], key).toBeUndefined();
  }

  const published = { id: s.id, iri: s.iri, record: r, quads: () => s.quads } as unknown as PublishedRecord;
  for (const format of METADATA_FORMATS) {
    const oai = `${envelopeStart('2026-01-01T00:00:00Z', 'http://localhost:3000/oai', { verb: 'GetRecord', metadataPrefix: format.prefix })}  <GetRecord><record><header>${element('identifier', `oai:localhost:${s.id}`)}</header><metadata>\n${format.render(published, { dc: {} })}\n</metadata></record></GetRecord>\n${ENVELOPE_END}`;
    expect(saxesErrors(oai), format.prefix).toEqual([]);
    xmlDocuments.push(oai);
  }
}

describe('records of arbitrary strings in every field', () => {
  // A property that failed half-way leaves its documents behind: each test checks only its own.
  beforeEach(() => void xmlDocuments.splice(0));
  it('are written well-formed in every format, each parsed by another parser to the normal form of the text', async () => {
    await fc.assert(fc.asyncProperty(record, checkRecord), { numRuns: 120 });
    expect(await libxml2Errors(xmlDocuments.splice(0))).toEqual([]);
  }, 120_000);

  it('include one of every hostile piece in one record', async () => {
    const all = HOSTILE.join(' ');
    const r: Record = {
      type: 'article', title: all, authors: [{ kind: 'person', family: all, given: all }, { kind: 'organization', name: all }],
      contributors: [], subjects: [all], isbns: [], notes: [], funding: [], identifiers: [], relations: [],
      container: { title: all, issns: [all], volume: all, issue: all }, abstract: [{ heading: all, text: all }], doi: all, publisher: all,
    };
    await checkRecord(r);
    expect(await libxml2Errors(xmlDocuments.splice(0))).toEqual([]);
  });
});
