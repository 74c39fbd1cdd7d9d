// The compiled engine's own behaviour: what it refuses to compile, and the cases where it follows the SHACL text.
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { compileShapesGraph } from '../../src/validate/compiled/compile.js';
import { compileValidator } from '../../src/validate/index.js';
import { defaultShapesDir, readShapesDir } from '../../src/validate/shapes-dir.js';

const PREFIXES = `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
  @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix ldpub: <https://w3id.org/ldpub/shapes#> . `;
const parse = (ttl: string): Quad[] => new Parser().parse(PREFIXES + ttl) as Quad[];

function compileError(ttl: string): LdpubError {
  try {
    compileShapesGraph(parse(ttl), 'test.ttl');
  } catch (e) {
    if (e instanceof LdpubError) return e;
    throw e;
  }
  throw new Error('the shapes compiled');
}

/** Results as "component focus value" strings. */
function results(shapes: string, data: string): string[] {
  return compileShapesGraph(parse(shapes))
    .run(parse(data))
    .map((r) => `${r.component.replace(/.*#/, '')} ${r.focus.value} ${r.value?.value ?? '-'}`)
    .sort();
}

describe('compiling', () => {
  it.each([
    ['an invalid regular expression', 'ex:S sh:targetNode ex:a ; sh:pattern "(" .', /not a valid regular expression/],
    ['a count that is not a number', 'ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount "one" ] .', /not a non-negative integer/],
    ['sh:minCount on a node shape', 'ex:S sh:targetNode ex:a ; sh:minCount 1 .', /only on property shapes/],
    ['a broken list', 'ex:S sh:targetNode ex:a ; sh:in ex:notAList .', /not a well-formed RDF list/],
    ['a path that is not one', 'ex:S sh:targetNode ex:a ; sh:property [ sh:path [ ex:x ex:y ] ; sh:minCount 1 ] .', /not a SHACL property path/],
    ['an unknown node kind', 'ex:S sh:targetNode ex:a ; sh:nodeKind ex:Thing .', /node kinds/],
    ['a SPARQL constraint', 'ex:S sh:targetNode ex:a ; sh:sparql [ sh:select "SELECT $this WHERE {}" ] .', /SPARQLConstraintComponent.*cannot evaluate/],
    ['a SPARQL target', 'ex:S sh:target [ sh:select "SELECT ?this WHERE {}" ] ; sh:nodeKind sh:IRI .', /SPARQLTarget.*cannot evaluate/],
    [
      'a SPARQL-based component ldpub does not implement',
      `ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:even ] ;
         sh:validator [ a sh:SPARQLAskValidator ; sh:ask "ASK { FILTER (true) }" ] .
       ex:S sh:targetNode ex:a ; ex:even true .`,
      /ex.*even.*no implementation/,
    ],
  ])('refuses %s with LDPUB_BAD_SHAPES', (_name, ttl, message) => {
    const e = compileError(ttl);
    expect(e.code).toBe('LDPUB_BAD_SHAPES');
    expect(e.record).toBe('test.ttl');
    expect(e.message).toMatch(message);
  });

  it("compiles ldpub's shapes, whose ISSN component also carries a SPARQL validator, in both engines", async () => {
    const shapes = readShapesDir(defaultShapesDir());
    expect(shapes.some((q) => q.predicate.value === 'http://www.w3.org/ns/shacl#validator')).toBe(true);
    for (const engine of ['compiled', 'reference'] as const) {
      await expect(compileValidator(shapes, 'shapes', engine)).resolves.toBeDefined();
    }
  });
});

describe('where the compiled engine follows the SHACL text', () => {
  it('sh:languageIn matches language ranges as langMatches does', () => {
    const shapes = 'ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:languageIn ( "en" ) ] .';
    expect(results(shapes, 'ex:a ex:p "x"@en-GB, "y"@EN, "z"@english, "w" .')).toEqual([
      'LanguageInConstraintComponent http://example.org/a w',
      'LanguageInConstraintComponent http://example.org/a z',
    ]);
  });

  it('sh:and on a property shape checks each value node against each member', () => {
    const shapes = 'ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:and ( [ sh:datatype xsd:integer ] ) ] .';
    expect(results(shapes, 'ex:a ex:p 1, "two" .')).toEqual(['AndConstraintComponent http://example.org/a two']);
  });

  it('sh:maxLength counts characters, not UTF-16 units', () => {
    const shapes = 'ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:maxLength 2 ] .';
    expect(results(shapes, 'ex:a ex:p "𝔸𝔹", "abc" .')).toEqual(['MaxLengthConstraintComponent http://example.org/a abc']);
  });

  it('follows the inverse of a sequence path', () => {
    const shapes = 'ex:S sh:targetNode ex:c ; sh:property [ sh:path [ sh:inversePath ( ex:p ex:q ) ] ; sh:minCount 2 ] .';
    expect(results(shapes, 'ex:a ex:p ex:b . ex:b ex:q ex:c .')).toEqual(['MinCountConstraintComponent http://example.org/c -']);
    expect(results(shapes, 'ex:a ex:p ex:b . ex:b ex:q ex:c . ex:d ex:p ex:b .')).toEqual([]);
  });

  it('ends a shape that reaches itself, and still reports what the outer visit finds', () => {
    const shapes = `ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:knows ; sh:node ex:S ] ;
      sh:property [ sh:path ex:name ; sh:minCount 1 ] .`;
    expect(results(shapes, 'ex:a ex:knows ex:a ; ex:name "A" .')).toEqual([]);
    expect(results(shapes, 'ex:a ex:knows ex:b . ex:b ex:knows ex:a .')).toEqual([
      'MinCountConstraintComponent http://example.org/a -',
      'NodeConstraintComponent http://example.org/a http://example.org/b',
    ]);
  });

  it('counts a triple given twice once', () => {
    const shapes = 'ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:maxCount 1 ] .';
    const data = parse('ex:a ex:p "x" .');
    expect(compileShapesGraph(parse(shapes)).run([...data, ...parse('ex:a ex:p "x" .')])).toEqual([]);
  });
});
