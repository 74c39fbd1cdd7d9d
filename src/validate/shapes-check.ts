// Walks a shapes graph before any data is seen: a constraint the engine cannot evaluate is a load error, never a silent pass.
import type { DatasetCore, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { LdpubError } from '../errors.js';

const { namedNode } = DataFactory;

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_FIRST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
const RDF_REST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';
const RDF_NIL = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#nil';

/** SHACL terms a shape may carry that are not constraint parameters: targets, path, annotations. */
const NON_CONSTRAINT = new Set(
  [
    'targetClass', 'targetNode', 'targetSubjectsOf', 'targetObjectsOf', 'path', 'name', 'description',
    'message', 'severity', 'deactivated', 'order', 'group', 'defaultValue',
  ].map((l) => SH + l),
);

/** Predicates whose objects are shapes, and those whose objects are lists of shapes. */
const SHAPE_VALUED = ['property', 'node', 'not', 'qualifiedValueShape'].map((l) => SH + l);
const SHAPE_LIST_VALUED = ['and', 'or', 'xone'].map((l) => SH + l);
const TARGETS = ['targetClass', 'targetNode', 'targetSubjectsOf', 'targetObjectsOf', 'target'].map((l) => SH + l);

/** What the check asks of the engine: does it evaluate the component that has this parameter? */
export interface EngineKnowledge {
  /** The component IRI for a parameter the engine knows, and whether it can evaluate it. */
  componentFor(parameter: Term): { iri: string; implemented: boolean } | undefined;
  /** Predicates that are always constraint parameters (ldpub's own namespace): unknown to the engine means undeclared. */
  isReservedParameter(predicate: Term): boolean;
}

function label(term: Term): string {
  return term.termType === 'NamedNode' ? `<${term.value}>` : `_:${term.value}`;
}

function listMembers(shapes: DatasetCore, head: Term): Term[] {
  const out: Term[] = [];
  let node: Term | undefined = head;
  const seen = new Set<string>();
  while (node && node.value !== RDF_NIL && !seen.has(node.value)) {
    seen.add(node.value);
    for (const q of shapes.match(node, namedNode(RDF_FIRST))) out.push(q.object);
    node = [...shapes.match(node, namedNode(RDF_REST))][0]?.object;
  }
  return out;
}

/** Every node the shapes graph uses as a shape. */
export function shapeNodes(shapes: DatasetCore): Term[] {
  const found = new Map<string, Term>();
  const queue: Term[] = [];
  const add = (t: Term) => {
    const key = `${t.termType}:${t.value}`;
    if (!found.has(key)) {
      found.set(key, t);
      queue.push(t);
    }
  };
  for (const q of shapes) {
    const p = q.predicate.value;
    if (p === RDF_TYPE && (q.object.value === `${SH}NodeShape` || q.object.value === `${SH}PropertyShape`)) add(q.subject);
    if (TARGETS.includes(p)) add(q.subject);
  }
  while (queue.length > 0) {
    const shape = queue.pop() as Term;
    for (const q of shapes.match(shape)) {
      if (SHAPE_VALUED.includes(q.predicate.value)) add(q.object);
      if (SHAPE_LIST_VALUED.includes(q.predicate.value)) listMembers(shapes, q.object).forEach(add);
    }
  }
  return [...found.values()];
}

/** True when a shape can reach itself through sh:node, sh:property, sh:not, sh:and/or/xone or a qualified value shape. */
export function hasShapeCycle(shapes: DatasetCore): boolean {
  const children = (shape: Term): Term[] =>
    [...shapes.match(shape)].flatMap((q) =>
      SHAPE_VALUED.includes(q.predicate.value) ? [q.object] : SHAPE_LIST_VALUED.includes(q.predicate.value) ? listMembers(shapes, q.object) : [],
    );
  const done = new Set<string>();
  const visit = (shape: Term, path: Set<string>): boolean => {
    const key = `${shape.termType}:${shape.value}`;
    if (path.has(key)) return true;
    if (done.has(key)) return false;
    path.add(key);
    const cyclic = children(shape).some((c) => visit(c, path));
    path.delete(key);
    done.add(key);
    return cyclic;
  };
  return shapeNodes(shapes).some((s) => visit(s, new Set()));
}

/** Parameters (sh:parameter/sh:path) of components the shapes graph declares itself, mapped to the component. */
function declaredParameters(shapes: DatasetCore): Map<string, string> {
  const params = new Map<string, string>();
  for (const q of shapes) {
    if (q.predicate.value !== `${SH}parameter`) continue;
    for (const p of shapes.match(q.object, namedNode(`${SH}path`))) {
      params.set(p.object.value, q.subject.value);
    }
  }
  return params;
}

/** Throws LDPUB_BAD_SHAPES naming every constraint the engine would skip or cannot evaluate. */
export function assertEvaluable(shapes: DatasetCore, engine: EngineKnowledge, source = 'shapes'): void {
  const problems: string[] = [];
  const declared = declaredParameters(shapes);
  for (const shape of shapeNodes(shapes)) {
    for (const q of shapes.match(shape)) {
      const p = q.predicate;
      if (NON_CONSTRAINT.has(p.value) || p.value === RDF_TYPE) continue;
      const known = engine.componentFor(p);
      if (known) {
        if (!known.implemented) problems.push(`${label(shape)} uses <${p.value}> of <${known.iri}>, which the engine cannot evaluate`);
      } else if (p.value.startsWith(SH)) {
        problems.push(`${label(shape)} uses <${p.value}>, which is not a SHACL Core constraint`);
      } else if (engine.isReservedParameter(p)) {
        problems.push(`${label(shape)} uses <${p.value}>, but no constraint component with that parameter is declared in the shapes`);
      } else if (declared.has(p.value)) {
        problems.push(`${label(shape)} uses <${p.value}> of <${declared.get(p.value)}>, a constraint component with no implementation`);
      }
    }
  }
  for (const [param, component] of declared) {
    if (!engine.componentFor(namedNode(param))?.implemented) {
      problems.push(`<${component}> is declared with parameter <${param}> but has no implementation`);
    }
  }
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    throw new LdpubError('LDPUB_BAD_SHAPES', `the shapes use constraints the validator cannot evaluate: ${unique.join('; ')}`, {
      record: source,
    });
  }
}
