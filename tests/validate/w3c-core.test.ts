// The W3C SHACL Core test suite, run through ldpub's engine wiring: expected and actual reports compared as result sets.
import { fileURLToPath } from 'node:url';
import type { DatasetCore, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { compileShapesGraph } from '../../src/validate/compiled/compile.js';
import { compileShapes } from '../../src/validate/engine.js';
import { compileValidator } from '../../src/validate/index.js';
import { loadTests } from './w3c-manifest.js';

const { namedNode } = DataFactory;
const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/**
 * Tests skipped, each with its reason. None at present: all 98 core tests pass. Results are compared on
 * focus node, path, severity, constraint component, source shape and value; messages are not compared
 * (SHACL leaves their wording to the implementation).
 */
const SKIP: { [id: string]: string } = {};

const tests = loadTests(fileURLToPath(new URL('../fixtures/shacl-core/manifest.ttl', import.meta.url)));

function objects(graph: DatasetCore, s: Term, p: string): Term[] {
  return [...graph.match(s as never, namedNode(p))].map((q) => q.object);
}

/** A term as a comparable string; a blank-node path is written out structurally (it is copied, not shared). */
function key(graph: DatasetCore, term: Term | undefined, asPath = false): string {
  if (!term) return '-';
  if (term.termType === 'Literal') {
    const lit = term as Term & { language: string; datatype: Term };
    return `"${lit.value}"${lit.language ? `@${lit.language}` : `^^${lit.datatype.value}`}`;
  }
  if (term.termType !== 'BlankNode' || !asPath) return term.termType === 'BlankNode' ? `_:${term.value}` : `<${term.value}>`;
  const out = (p: string) => objects(graph, term, SH + p)[0];
  const items = (head: Term | undefined): Term[] => {
    const acc: Term[] = [];
    while (head && head.value !== `${RDF}nil`) {
      const first = objects(graph, head, `${RDF}first`)[0];
      if (first) acc.push(first);
      head = objects(graph, head, `${RDF}rest`)[0];
    }
    return acc;
  };
  // A list is a sequence path; checked first, as the "strange path" tests give one node both readings.
  if (objects(graph, term, `${RDF}first`).length > 0) return `seq(${items(term).map((t) => key(graph, t, true)).join('/')})`;
  for (const [op, wrap] of [['inversePath', '^'], ['zeroOrMorePath', '*'], ['oneOrMorePath', '+'], ['zeroOrOnePath', '?']] as const) {
    const inner = out(op);
    if (inner) return `${wrap}(${key(graph, inner, true)})`;
  }
  const alt = out('alternativePath');
  if (alt) return `alt(${items(alt).map((t) => key(graph, t, true)).join('|')})`;
  return `_:${term.value}`;
}

function resultKeys(graph: DatasetCore, report: Term): string[] {
  return objects(graph, report, `${SH}result`)
    .map((r) =>
      [
        key(graph, objects(graph, r, `${SH}focusNode`)[0]),
        key(graph, objects(graph, r, `${SH}resultPath`)[0], true),
        key(graph, objects(graph, r, `${SH}resultSeverity`)[0]),
        key(graph, objects(graph, r, `${SH}sourceConstraintComponent`)[0]),
        key(graph, objects(graph, r, `${SH}sourceShape`)[0]),
        key(graph, objects(graph, r, `${SH}value`)[0]),
      ].join(' '),
    )
    .sort();
}

/** The compiled engine's results, keyed as the expected report's are. */
function compiledKeys(test: (typeof tests)[number]): { conforms: boolean; keys: string[] } {
  const results = compileShapesGraph(test.shapes, test.id).run(test.data);
  const shapes = new Store(test.shapes);
  const keys = results
    .map((r) =>
      [
        key(shapes, r.focus),
        key(shapes, r.path, true),
        key(shapes, r.shape.severity),
        key(shapes, namedNode(r.component)),
        key(shapes, r.shape.term),
        key(shapes, r.value),
      ].join(' '),
    )
    .sort();
  return { conforms: results.length === 0, keys };
}

describe('W3C SHACL core, compiled engine', () => {
  for (const test of tests) {
    it(`${test.id}: ${test.label}`, () => {
      const expectedConforms = objects(test.file, test.result, `${SH}conforms`)[0]?.value === 'true';
      const actual = compiledKeys(test);
      expect(actual.conforms).toBe(expectedConforms);
      expect(actual.keys).toEqual(resultKeys(test.file, test.result));
    });
  }
});

describe('W3C SHACL core, reference engine', () => {
  it('finds the suite', () => {
    expect(tests.length).toBeGreaterThan(90);
  });

  for (const test of tests) {
    const run = SKIP[test.id] ? it.skip : it;
    run(`${test.id}: ${test.label}`, async () => {
      const compiled = await compileShapes(test.shapes, test.id);
      const actual = compiled.run(new Store(test.data));
      const expectedConforms = objects(test.file, test.result, `${SH}conforms`)[0]?.value === 'true';
      expect(actual.conforms).toBe(expectedConforms);
      const union = new Store([...actual.dataset, ...test.shapes]);
      expect(resultKeys(union, actual.term)).toEqual(resultKeys(test.file, test.result));
      // The typed report of src/validate agrees on conformance and on the number of results.
      const typed = (await compileValidator(test.shapes, test.id, 'reference')).validate(test.data);
      expect(typed.conforms).toBe(expectedConforms);
      expect(typed.results).toHaveLength(actual.results.length);
    });
  }
});
