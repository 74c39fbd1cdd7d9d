// The shapes of the compiled engine: a compiled shape is data plus plain check functions over a record's index.
import type { Term } from '@rdfjs/types';
import type { DataIndex } from './data-index.js';
import type { PathFn } from './paths.js';
import type { ShapesReader } from './shapes-reader.js';

/** One validation result, with the terms a report needs; turned into the typed report only when there is one. */
export interface RawResult {
  focus: Term;
  /** The result path: the shape's sh:path node, or a predicate (sh:closed). */
  path?: Term;
  value?: Term;
  component: string;
  shape: CompiledShape;
  message?: string;
}

/** What one validation run carries: the record's index and the results found so far. */
export class Context {
  readonly results: RawResult[] = [];
  constructor(
    readonly index: DataIndex,
    /** (shape, node) pairs under validation, kept only for shapes graphs where a shape can reach itself. */
    readonly active: Set<string> | null,
  ) {}

  nested(): Context {
    return new Context(this.index, this.active);
  }
}

/** A check compiled from one constraint: given a focus node and its value nodes, it pushes results onto the context. */
export type Check = (ctx: Context, focus: Term, values: readonly Term[]) => void;

export interface CompiledShape {
  term: Term;
  key: string;
  severity: Term;
  deactivated: boolean;
  /** Null for a node shape, whose only value node is the focus node. */
  path: PathFn | null;
  pathTerm: Term | null;
  checks: Check[];
  /** The shape's own sh:message, chosen once (English, untagged, or the first). */
  message: string | undefined;
}

export type Emit = (ctx: Context, focus: Term, value?: Term, extra?: { path?: Term; message?: string }) => void;

export interface ShapeLinks {
  /** The compiled shape for a shape node (compiled on first request; cycles are allowed). */
  shape(term: Term): CompiledShape;
  /** Validates `node` against `shape`, pushing results onto ctx. */
  validate(ctx: Context, shape: CompiledShape, node: Term): void;
  /** True when `node` conforms to `shape` (no result of any severity). */
  conforms(ctx: Context, shape: CompiledShape, node: Term): boolean;
}

export interface ComponentInput {
  shape: CompiledShape;
  /** The value of the parameter this constraint was compiled for (each value of a repeated parameter compiles once). */
  value: Term;
  reader: ShapesReader;
  links: ShapeLinks;
  /** Declares a predicate the check reads on the focus node (`*`: every predicate), so the index keeps its triples. */
  uses(predicate: string): void;
  /** A result maker for this shape and component; the message template is used when the shape has no sh:message. */
  emitter(component: string, template?: string, params?: { [name: string]: Term | undefined }): Emit;
}

export type ComponentCompiler = (input: ComponentInput) => Check | Check[] | null;

export interface ComponentEntry {
  /** The constraint component IRI (for error messages). */
  component: string;
  /** Null for a parameter read by another parameter's compiler (sh:flags is read by sh:pattern). */
  compile: ComponentCompiler | null;
  /** Components SHACL defines only for property shapes (sh:minCount, sh:lessThan…). */
  propertyOnly?: boolean;
}
