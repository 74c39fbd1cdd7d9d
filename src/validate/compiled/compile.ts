// Compiles a shapes graph once into plain functions; validating a record is then a walk over its index, no RDF library involved.
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { LDPUB_SHAPES, CUSTOM_COMPONENTS } from '../custom-components.js';
import { assertEvaluable, hasShapeCycle } from '../shapes-check.js';
import { DataIndex } from './data-index.js';
import { constraintMessage, pickMessage } from './messages.js';
import { compilePath } from './paths.js';
import { registryFor } from './registry.js';
import { ShapesReader } from './shapes-reader.js';
import { compileTargets, TARGET_PREDICATES, type TargetFn } from './targets.js';
import { RDF_TYPE, RDFS_SUBCLASS_OF, SH, label, termKey } from './terms.js';
import { Context, type CompiledShape, type RawResult, type ShapeLinks } from './types.js';

export interface CompiledGraph {
  /** Validates one record's quads; never throws for bad data. */
  run(quads: Iterable<Quad>): RawResult[];
  /** sh:name of every shape that has one, by shape key. */
  names: ReadonlyMap<string, string>;
}

const VIOLATION = DataFactory.namedNode(`${SH}Violation`);

function validate(ctx: Context, shape: CompiledShape, node: Term): void {
  if (shape.deactivated) return;
  let guard: string | undefined;
  if (ctx.active) {
    guard = `${shape.key} ${termKey(node)}`;
    if (ctx.active.has(guard)) return; // a shape reached again through itself: the outer visit reports
    ctx.active.add(guard);
  }
  const values = shape.path ? shape.path(ctx.index, node) : [node];
  for (const check of shape.checks) check(ctx, node, values);
  if (guard) ctx.active!.delete(guard);
}

function conforms(ctx: Context, shape: CompiledShape, node: Term): boolean {
  if (shape.deactivated) return true;
  const child = ctx.nested();
  validate(child, shape, node);
  return child.results.length === 0;
}

function shapeNames(reader: ShapesReader): Map<string, string> {
  const grouped = new Map<string, Term[]>();
  for (const q of reader.withPredicate(`${SH}name`)) {
    const k = termKey(q.subject);
    grouped.set(k, [...(grouped.get(k) ?? []), q.object]);
  }
  const out = new Map<string, string>();
  for (const [k, terms] of grouped) {
    const name = pickMessage(terms);
    if (name !== undefined) out.set(k, name);
  }
  return out;
}

/** Compiles a shapes graph; throws LDPUB_BAD_SHAPES naming what cannot be compiled. */
export function compileShapesGraph(quads: readonly Quad[], source = 'shapes'): CompiledGraph {
  const reader = new ShapesReader(quads, source);
  const registry = registryFor(reader);
  const store = new Store([...quads]);
  assertEvaluable(
    store,
    {
      componentFor(parameter) {
        // SHACL-SPARQL is not evaluated: a SPARQL constraint or target the engine does not know natively is refused.
        if (parameter.value === `${SH}sparql`) return { iri: `${SH}SPARQLConstraintComponent`, implemented: false };
        if (parameter.value === `${SH}target`) return { iri: `${SH}SPARQLTarget`, implemented: false };
        const entry = registry.get(parameter.value);
        return entry ? { iri: entry.component, implemented: true } : undefined;
      },
      isReservedParameter: (p) => p.value.startsWith(LDPUB_SHAPES) || CUSTOM_COMPONENTS.some((c) => c.parameters.includes(p.value)),
    },
    source,
  );

  // The predicates any check reads: the index keeps only their triples (every triple once a shape is sh:closed).
  const used = new Set<string>([RDF_TYPE, RDFS_SUBCLASS_OF]);
  let usesAll = false;
  const uses = (p: string) => {
    if (p === '*') usesAll = true;
    else used.add(p);
  };
  for (const p of ['targetSubjectsOf', 'targetObjectsOf']) for (const q of reader.withPredicate(SH + p)) used.add(q.object.value);
  const compiled = new Map<string, CompiledShape>();
  const links: ShapeLinks = {
    shape(term) {
      const key = termKey(term);
      const known = compiled.get(key);
      if (known) return known;
      const pathTerm = reader.one(term, `${SH}path`) ?? null;
      const shape: CompiledShape = {
        term,
        key,
        severity: reader.one(term, `${SH}severity`) ?? VIOLATION,
        deactivated: reader.one(term, `${SH}deactivated`)?.value === 'true',
        path: pathTerm ? compilePath(reader, pathTerm, uses) : null,
        pathTerm,
        checks: [],
        message: pickMessage(reader.objects(term, `${SH}message`)),
      };
      compiled.set(key, shape);
      for (const p of reader.predicates(term)) {
        const entry = registry.get(p);
        if (!entry?.compile) continue;
        if (entry.propertyOnly && !shape.path) {
          throw reader.error(`${label(term)} uses <${p}>, which SHACL allows only on property shapes (with sh:path)`);
        }
        for (const value of reader.objects(term, p)) {
          const check = entry.compile({
            shape,
            value,
            reader,
            links,
            uses,
            emitter(component, template, params = {}) {
              const message = constraintMessage(reader, term, template, params);
              const path = pathTerm ?? undefined;
              return (ctx, focus, v, extra) => {
                const r: RawResult = { focus, component, shape, message: extra?.message ?? message };
                const rp = extra?.path ?? path;
                if (rp) r.path = rp;
                if (v) r.value = v;
                ctx.results.push(r);
              };
            },
          });
          if (Array.isArray(check)) shape.checks.push(...check);
          else if (check) shape.checks.push(check);
        }
      }
      return shape;
    },
    validate,
    conforms,
  };

  // Shapes with targets, or that are classes themselves (implicit class targets).
  const candidates = new Map<string, Term>();
  for (const q of quads) {
    const p = q.predicate.value;
    if (TARGET_PREDICATES.includes(p) || registry.has(p)) candidates.set(termKey(q.subject), q.subject);
  }
  const roots: { shape: CompiledShape; targets: TargetFn }[] = [];
  for (const term of candidates.values()) {
    const targets = compileTargets(reader, term);
    if (targets) roots.push({ shape: links.shape(term), targets });
  }
  const cyclic = hasShapeCycle(store);
  const keep = usesAll ? undefined : used;

  return {
    names: shapeNames(reader),
    run(data) {
      const index = new DataIndex(data, keep);
      const ctx = new Context(index, cyclic ? new Set() : null);
      for (const { shape, targets } of roots) {
        if (shape.deactivated) continue;
        for (const focus of targets(index)) validate(ctx, shape, focus);
      }
      return ctx.results;
    },
  };
}
