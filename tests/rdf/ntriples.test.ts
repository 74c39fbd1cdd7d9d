// The direct N-Triples writer gives n3's canonical N-Triples byte for byte, or leaves the graph to n3.
import fc from 'fast-check';
import { DataFactory, Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { plainNTriples } from '../../src/rdf/ntriples.js';
import { writeNTriples } from '../../src/formats/turtle.js';
import { mapRecord } from '../../src/rdf/map-record.js';
import { readRecords } from '../../src/readers/index.js';
import { generateRecord } from '../../bench/generate.js';

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

function n3NTriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  writer.addQuads(quads as Quad[]);
  let out = '';
  writer.end((_e, result) => (out = result));
  return out;
}

const TRICKY = ['"', '\\', '\n', '\r', '\t', '\u0000', '\u0007', '\u001f', '\u007f', '\u0080', '\ud800', '\udc00', '\ud83d\ude00', '\ufffe', '\uffff', '\ufffd', '>', '<', ' ', 'é', '…', '^^', '@'];
const text = fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 5 }).map((p) => p.join(''));
const plainish = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9:/#.-]{1,12}$/) }, { weight: 1, arbitrary: text });
const iri = plainish.map((v) => namedNode(`http://x.org/${v}`));
const blank = plainish.map((v) => blankNode(`b${v}`));
const lit = fc.oneof(
  text.map((v) => literal(v)),
  fc.tuple(text, fc.constantFrom('en', 'de-CH', 'EN-gb')).map(([v, l]) => literal(v, l)),
  fc.tuple(text, fc.constantFrom('en', 'ar')).map(([v, l]) => literal(v, { language: l, direction: 'rtl' } as never)),
  fc.tuple(text, iri).map(([v, d]) => literal(v, d)),
);
const graph = fc.oneof({ weight: 5, arbitrary: fc.constant(defaultGraph()) }, { weight: 1, arbitrary: iri });
const quads = fc.array(fc.tuple(fc.oneof(iri, blank), iri, fc.oneof(iri, blank, lit), graph).map(([s, p, o, g]) => quad(s, p, o, g)), { maxLength: 6 });

describe('direct N-Triples', () => {
  it('is exactly what n3 writes, whenever it writes at all', () => {
    let written = 0;
    fc.assert(
      fc.property(quads, (qs) => {
        const plain = plainNTriples(qs);
        if (plain !== undefined) {
          written++;
          expect(plain).toBe(n3NTriples(qs));
        }
      }),
      { numRuns: 3000 },
    );
    // Not a test that passes by never writing: most generated graphs are plain.
    expect(written).toBeGreaterThan(300);
  });

  it('leaves to n3 anything that needs escaping or the normal form', () => {
    const s = namedNode('http://x.org/s');
    const p = namedNode('http://x.org/p');
    for (const o of [literal('a"b'), literal('a\\b'), literal('a\nb'), literal('\ud800'), literal('\u0007'), literal('\uffff'), literal('x', { language: 'ar', direction: 'rtl' } as never)]) {
      expect(plainNTriples([quad(s, p, o)])).toBeUndefined();
    }
    expect(plainNTriples([quad(s, p, s, namedNode('http://x.org/g'))])).toBeUndefined();
    expect(writeNTriples([quad(s, p, literal('a"b\u0007'))])).toBe('<http://x.org/s> <http://x.org/p> "a\\"b" .\n');
  });

  it('writes a generated record as n3 does, directly', () => {
    for (let i = 0; i < 50; i++) {
      const { id, text: body } = generateRecord(i, 3);
      const record = readRecords(Buffer.from(body), `${id}.txt`)[0]!;
      const qs = mapRecord(record, { iri: `http://x.org/record/${id}`, blankPrefix: `${id}-` });
      const plain = plainNTriples(qs);
      expect(plain).toBeDefined();
      expect(plain).toBe(n3NTriples(qs));
    }
  });
});
