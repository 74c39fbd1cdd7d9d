// Wires rdf-validate-shacl once per shapes graph: registers ldpub's components, refuses what it cannot evaluate, validates synchronously.
import type { DatasetCore, NamedNode, Quad, Term } from '@rdfjs/types';
import SHACLValidator from 'rdf-validate-shacl';
import type { Options } from 'rdf-validate-shacl';
import type { ValidationReport as EngineReport } from 'rdf-validate-shacl/src/validation-report.js';
import { DataFactory, Store } from 'n3';
import { LdpubError } from '../errors.js';
import type { CustomComponent } from './custom-components.js';
import { CUSTOM_COMPONENTS, LDPUB_SHAPES } from './custom-components.js';
import { assertEvaluable, hasShapeCycle } from './shapes-check.js';

/** The engine passes its options on to its validation engine, which also reads maxNodeChecks (0 turns the count off). */
type SHACLValidatorOptions = Options & { maxNodeChecks?: number };

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The parts of the engine's shapes graph that extending it needs (not in its public typings). */
interface ComponentInternals {
  node: NamedNode;
  validator?: unknown;
  parameters: Term[];
}
type ComponentConstructor = new (node: NamedNode, context: SHACLValidator, vocabulary: SHACLValidator['$shapes']) => ComponentInternals;
interface ShapesGraphInternals {
  _components: ComponentInternals[];
  _parametersMap: Map<string, ComponentInternals>;
  getComponentWithParameter(parameter: Term): ComponentInternals | undefined;
}

export interface CompiledShapes {
  /** Validates one data graph; throws only if the engine itself fails (a bug), never for bad data. */
  run(data: DatasetCore): EngineReport;
  /** The shapes graph, for looking up sh:name and friends. */
  shapes: Store;
}

function internals(engine: SHACLValidator): ShapesGraphInternals {
  return engine.shapesGraph as unknown as ShapesGraphInternals;
}

/** Adds a TypeScript component that the shapes graph declares: the engine's own component class reads its parameters. */
function register(engine: SHACLValidator, component: CustomComponent): void {
  const graph = internals(engine);
  const node = DataFactory.namedNode(component.iri);
  engine.validators.set(node, {
    validate: (_ctx: unknown, focus: Term, value: Term, constraint: Parameters<CustomComponent['check']>[2]) =>
      component.check(focus, value, constraint),
    validationMessage: component.defaultMessage,
  } as never);
  const Component = graph._components[0]?.constructor as ComponentConstructor | undefined;
  if (!Component) throw new LdpubError('LDPUB_BAD_SHAPES', 'the SHACL engine has no constraint components');
  const compiled = new Component(node, engine, engine.$shapes);
  if (!compiled.validator || compiled.parameters.length === 0) {
    throw new LdpubError('LDPUB_BAD_SHAPES', `the shapes declare <${component.iri}> without its parameters`);
  }
  graph._components.push(compiled);
  for (const p of compiled.parameters) graph._parametersMap.set(p.value, compiled);
}

function declares(shapes: Store, iri: string): boolean {
  const { namedNode } = DataFactory;
  return shapes.countQuads(namedNode(iri), namedNode(RDF_TYPE), namedNode(`${SH}ConstraintComponent`), null) > 0;
}

/** Compiles a shapes graph once. Throws LDPUB_BAD_SHAPES when any constraint cannot be evaluated. */
export async function compileShapes(quads: Iterable<Quad>, source = 'shapes'): Promise<CompiledShapes> {
  const shapes = new Store([...quads]);
  // The engine counts every (focus node, shape) visit to stop recursive shapes; the count costs a tenth of the
  // time, so it is kept only for shapes graphs where a shape can reach itself.
  const engine = new SHACLValidator(shapes, { maxNodeChecks: hasShapeCycle(shapes) ? 50 : 0 } as SHACLValidatorOptions);
  for (const component of CUSTOM_COMPONENTS) {
    if (declares(shapes, component.iri)) register(engine, component);
  }
  const graph = internals(engine);
  assertEvaluable(
    shapes,
    {
      componentFor(parameter) {
        const c = graph.getComponentWithParameter(parameter);
        if (!c) return undefined;
        return { iri: c.node.value, implemented: Boolean(c.validator) || c.node.value === `${SH}PropertyConstraintComponent` };
      },
      isReservedParameter: (p) =>
        p.value.startsWith(LDPUB_SHAPES) || CUSTOM_COMPONENTS.some((c) => c.parameters.includes(p.value)),
    },
    source,
  );
  try {
    await engine.validate(new Store()); // loads owl:imports (none allowed without a loader) and builds the shape cache
  } catch (e) {
    throw new LdpubError('LDPUB_BAD_SHAPES', `the shapes cannot be compiled: ${(e as Error).message}`, { record: source });
  }
  const run = (data: DatasetCore): EngineReport => {
    engine.$data = engine.factory.clownface({ dataset: data });
    engine.validationEngine.validateAll(engine.$data);
    return engine.validationEngine.getReport();
  };
  return { run, shapes };
}
