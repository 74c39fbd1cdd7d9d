// The published shapes in an engine other than ldpub's: shacl-engine, with Comunica for SPARQL, finds the ISSN check-digit
// violation from the shapes files alone, offline, by running the component's declared SHACL-SPARQL validator.
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { QueryEngine } from '@comunica/query-sparql-rdfjs-lite';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { DataFactory, Store } from 'n3';
import { Validator } from 'shacl-engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadValidator } from '../../src/validate/index.js';
import { defaultShapesDir, readShapesDir } from '../../src/validate/shapes-dir.js';
import { LDPUB, R, S, SH, seedQuads, set } from './graph-helpers.js';

const { namedNode, variable } = DataFactory;
const factory = { ...DataFactory, dataset: (quads?: Quad[]) => new Store(quads ?? []) };
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

function objects(shapes: DatasetCore, s: Term, p: string): Term[] {
  return [...shapes.match(s as never, namedNode(p))].map((q) => q.object);
}

/** `PREFIX` lines from the sh:prefixes node's sh:declare entries. */
function prefixes(shapes: DatasetCore, validator: Term): string {
  return objects(shapes, validator, `${SH}prefixes`)
    .flatMap((node) => objects(shapes, node, `${SH}declare`))
    .map((d) => `PREFIX ${objects(shapes, d, `${SH}prefix`)[0]?.value}: <${objects(shapes, d, `${SH}namespace`)[0]?.value}>`)
    .join('\n');
}

/**
 * shacl-engine runs sh:sparql constraints but not SPARQL-based constraint components (SHACL 6.2). This generic adapter
 * (nothing in it knows about ISSNs) gives it every component declared with an sh:SPARQLAskValidator: for each value
 * node it runs the shapes' own ASK query, with $this, $value and each parameter pre-bound, in Comunica.
 */
function sparqlComponents(shapes: DatasetCore): Map<Term, unknown> {
  const engine = new QueryEngine();
  const out = new Map<Term, unknown>();
  for (const q of shapes.match(null, namedNode(RDF_TYPE), namedNode(`${SH}ConstraintComponent`))) {
    const component = q.subject;
    const validator = objects(shapes, component, `${SH}validator`).find((v) =>
      shapes.match(v as never, namedNode(RDF_TYPE), namedNode(`${SH}SPARQLAskValidator`)).size > 0,
    );
    if (!validator) continue;
    const query = `${prefixes(shapes, validator)}\n${objects(shapes, validator, `${SH}ask`)[0]?.value}`;
    const message = objects(shapes, validator, `${SH}message`);
    const params = objects(shapes, component, `${SH}parameter`).flatMap((p) => objects(shapes, p, `${SH}path`));
    const local = (iri: string) => iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    for (const param of params) {
      out.set(param, (shape: { ptr: { term: Term } }) => ({
        generic: async (context: { focusNode: { term: Term; dataset: DatasetCore }; valueOrNode: { term: Term }; test: (ok: boolean, c: Term, a: object) => void }) => {
          const bindings: [Term, Term][] = [
            [variable('this'), context.focusNode.term],
            [variable('value'), context.valueOrNode.term],
            ...params.flatMap((p): [Term, Term][] => {
              const v = objects(shapes, shape.ptr.term, p.value)[0];
              return v ? [[variable(local(p.value)), v]] : [];
            }),
          ];
          const ok = await engine.queryBoolean(query, {
            sources: [context.focusNode.dataset as never],
            initialBindings: new BindingsFactory(DataFactory as never).bindings(bindings as never) as never,
          });
          context.test(ok, component, { message, value: context.valueOrNode });
        },
      }));
    }
  }
  return out;
}

let shapes: Store;
beforeAll(() => {
  shapes = new Store(readShapesDir(defaultShapesDir()));
});

async function otherEngine(data: Quad[]): Promise<{ component: string; value: string; focus: string; shape: string }[]> {
  const validator = new Validator(shapes, { factory, validations: sparqlComponents(shapes) });
  const report = await validator.validate({ dataset: new Store(data) });
  return report.results.map((r: { constraintComponent: Term; value?: { term?: Term }; focusNode: { term: Term }; shape: { ptr: { term: Term } } }) => ({
    component: r.constraintComponent.value,
    value: r.value?.term?.value ?? '',
    focus: r.focusNode.term.value,
    shape: r.shape.ptr.term.value,
  }));
}

describe('the ISSN check digit in SHACL-SPARQL', () => {
  it('shacl-engine finds no problem in the seed record', async () => {
    expect(await otherEngine(seedQuads())).toEqual([]);
  });

  it('shacl-engine finds the wrong check digit that ldpub finds, and nothing else', async () => {
    const data = set(`${R}#periodical`, `${S}issn`, '1179-5475')(seedQuads());
    const theirs = await otherEngine(data);
    expect(theirs).toEqual([
      { component: `${LDPUB}ISSNCheckDigitConstraintComponent`, value: '1179-5475', focus: `${R}#periodical`, shape: `${LDPUB}PeriodicalIssnCheckDigitShape` },
    ]);
    const ours = (await loadValidator()).validate(data).results;
    expect(ours.map((r) => ({ component: r.constraintComponent, value: r.value, focus: r.focusNode, shape: r.sourceShape }))).toEqual(theirs);
  });

  it('accepts X as a check character, and leaves a malformed ISSN to the pattern shape', async () => {
    // 0378-5955 is valid; 2434-561X is valid with X; "11795476" is malformed (the pattern shape reports it).
    for (const [issn, components] of [
      ['0378-5955', []],
      ['2434-561X', []],
      ['2434-5610', [`${LDPUB}ISSNCheckDigitConstraintComponent`]],
      ['11795476', [`${SH}PatternConstraintComponent`]],
    ] as const) {
      const theirs = await otherEngine(set(`${R}#periodical`, `${S}issn`, issn)(seedQuads()));
      expect(theirs.map((r) => r.component), issn).toEqual(components);
    }
  });

  it('the check is switched off by ldpub:issnCheckDigit false', async () => {
    const off = new Store([...shapes].map((q) => (q.predicate.value === `${LDPUB}issnCheckDigit` ? DataFactory.quad(q.subject, q.predicate, DataFactory.literal('false', namedNode('http://www.w3.org/2001/XMLSchema#boolean'))) : q)));
    const validator = new Validator(off, { factory, validations: sparqlComponents(off) });
    const report = await validator.validate({ dataset: new Store(set(`${R}#periodical`, `${S}issn`, '1179-5475')(seedQuads())) });
    expect(report.results).toHaveLength(0);
  });
});
