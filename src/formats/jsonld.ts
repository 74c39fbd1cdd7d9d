// JSON-LD written straight from the graph: one tree rooted at the work, in the documented frame, compacted with ldpub's context.
import type { Quad } from '@rdfjs/types';
import { LDPUB_CONTEXT } from '../rdf/context.js';
import { isNil, nodeKey, RDF_TYPE, XSD_STRING, type GraphIndex, type NodeTerm, type ObjectTerm } from './graph-index.js';
import { CompactionContext, type ValueShape } from './jsonld-terms.js';
import { memoFor, type SerializeMemo } from './memo.js';
import { publishable } from './normal-form.js';

export type JsonLdDocument = { [key: string]: unknown };

/** The context URL search engines expect in a page (the same as `SCHEMA_CONTEXT_URL`, without loading jsonld.js). */
const SCHEMA_CONTEXT_URL = 'https://schema.org';

let ldpubContext: CompactionContext | undefined;

function context(): CompactionContext {
  ldpubContext ??= new CompactionContext(LDPUB_CONTEXT);
  return ldpubContext;
}

/**
 * The graph as one JSON-LD object rooted at `rootIri`: what jsonld.js gives for `fromRDF`, then `frame` with
 * `{"@id": rootIri}`, `@embed: @always` and `omitGraph`, compacted with `LDPUB_CONTEXT` (tests check that it is),
 * computed directly. Every node is embedded in full wherever it is referenced (a node already being embedded
 * higher up the same branch is referenced by `@id` instead), so `author` lists whole Person objects in order;
 * well-formed lists are `@list`; keys follow the order of their expanded IRIs, as jsonld.js writes them. The
 * `@context` is written inline so the document reads offline. Literal text is in the normal form
 * (`normal-form.ts`). The object is shared through the memo: do not change it.
 */
export function toJsonLdObject(quads: readonly Quad[], rootIri: string, memo?: SerializeMemo): JsonLdDocument {
  const m = memoFor(quads, memo);
  return m.once(`jsonld ${rootIri}`, () => frameGraph(m.graph(), rootIri));
}

/** The same object with `"@context": "https://schema.org"`, as search engines expect in an HTML page. */
export function withSchemaOrgContext(document: JsonLdDocument): JsonLdDocument {
  return { ...document, '@context': SCHEMA_CONTEXT_URL };
}

export function writeJsonLd(quads: readonly Quad[], rootIri: string, memo?: SerializeMemo): string {
  return `${JSON.stringify(toJsonLdObject(quads, rootIri, memo), null, 2)}\n`;
}

interface Framing {
  index: GraphIndex;
  ctx: CompactionContext;
  /** Keys of the nodes being embedded on the current branch. */
  stack: string[];
  /** Every output object of each blank node: one seen once loses its `@id`, as jsonld.js prunes it. */
  blankOutputs: Map<string, JsonLdDocument[]>;
  /** Nodes already compacted whose tree depends on nothing above them (no cycle cut, no blank node): reused as they are. */
  done: Map<string, JsonLdDocument>;
  /** How many references were written to cut a cycle, or blank nodes met: a tree during which this grew is not reused. */
  contextual: number;
}

function frameGraph(index: GraphIndex, rootIri: string): JsonLdDocument {
  const ctx = context();
  const state: Framing = { index, ctx, stack: [], blankOutputs: new Map(), done: new Map(), contextual: 0 };
  const root = embed(state, { termType: 'NamedNode', value: rootIri } as NodeTerm);
  const body = typeof root === 'object' ? root : { [ctx.keyword('@id')]: root };
  for (const outputs of state.blankOutputs.values()) if (outputs.length === 1) delete outputs[0]![ctx.keyword('@id')];
  return { '@context': LDPUB_CONTEXT, ...body };
}

function shapeOf(index: GraphIndex, term: ObjectTerm): ValueShape {
  if (term.termType === 'Literal') return literalShape(term);
  if (isNil(term)) return { kind: 'list', items: [] };
  const items = term.termType === 'BlankNode' ? index.lists.get(nodeKey(term)) : undefined;
  if (items) return { kind: 'list', items: items.map((i) => shapeOf(index, i)) };
  return { kind: 'node', id: nodeKey(term) };
}

function literalShape(term: ObjectTerm & { termType: 'Literal' }): ValueShape {
  if (term.language) {
    const language = publishable(term.language);
    return language ? { kind: 'value', language } : { kind: 'value' };
  }
  return term.datatype.value === XSD_STRING ? { kind: 'value' } : { kind: 'value', type: publishable(term.datatype.value) };
}

/** A node embedded in full (or a reference, when it has no properties or is already on the branch), compacted. */
function embed(state: Framing, term: NodeTerm, property?: string): JsonLdDocument | string {
  const { index, ctx } = state;
  const key = nodeKey(term);
  const entry = index.subjects.get(key);
  const idKey = ctx.keyword('@id');
  const id = publishable(key);
  if (!entry || state.stack.includes(key)) {
    const ref = property === undefined ? { [idKey]: ctx.compactIri(id, false) } : ctx.compactReference(property, id);
    if (typeof ref === 'object' && term.termType === 'BlankNode') track(state, key, ref);
    if (entry) state.contextual++;
    return ref;
  }
  // An author embedded under author, dcterms:creator and bibo:authorList is the same tree three times: built once.
  const done = state.done.get(key);
  if (done) return done;
  const contextual = state.contextual;
  const out: JsonLdDocument = { [idKey]: ctx.compactIri(id, false) };
  if (term.termType === 'BlankNode') track(state, key, out);
  state.stack.push(key);
  const types = entry.predicates.get(RDF_TYPE)?.objects.filter((o) => o.termType !== 'Literal') ?? [];
  if (types.length > 0) {
    const compacted = types.map((t) => ctx.compactIri(publishable(nodeKey(t as NodeTerm)), true));
    out[ctx.keyword('@type')] = compacted.length === 1 ? compacted[0] : compacted;
  }
  const predicates = [...entry.predicates.keys()].sort();
  for (const p of predicates) {
    const objects = entry.predicates.get(p)!.objects;
    for (const o of objects) {
      if (p === RDF_TYPE && o.termType !== 'Literal') continue;
      const shape = shapeOf(index, o);
      const term = ctx.propertyKey(p, shape);
      addValue(out, term, compactObject(state, o, shape, term), ctx.definition(term)?.container === '@set');
    }
  }
  state.stack.pop();
  if (state.contextual === contextual && term.termType === 'NamedNode') state.done.set(key, out);
  return out;
}

function track(state: Framing, key: string, output: JsonLdDocument): void {
  state.contextual++;
  let outputs = state.blankOutputs.get(key);
  if (!outputs) state.blankOutputs.set(key, (outputs = []));
  outputs.push(output);
}

function compactObject(state: Framing, o: ObjectTerm, shape: ValueShape, term: string): unknown {
  const { ctx } = state;
  if (o.termType === 'Literal') {
    const { type, language } = shape as ValueShape & { kind: 'value' };
    return ctx.compactLiteral(term, publishable(o.value), type, language);
  }
  if (shape.kind === 'list') {
    const items = isNil(o) ? [] : state.index.lists.get(nodeKey(o))!;
    const compacted = items.map((item) => compactObject(state, item, shapeOf(state.index, item), term));
    return ctx.definition(term)?.container === '@list' ? compacted : { [ctx.keyword('@list')]: compacted };
  }
  return embed(state, o as NodeTerm, term);
}

function addValue(out: JsonLdDocument, key: string, value: unknown, asArray: boolean): void {
  const existing = out[key];
  if (existing === undefined) out[key] = asArray ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else out[key] = [existing, value];
}
