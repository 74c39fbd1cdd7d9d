// The validation gate: shapes compiled once by the chosen engine, then each record's quads checked.
import type { Quad } from '@rdfjs/types';
import { LdpubError } from '../errors.js';
import { compileShapesGraph } from './compiled/compile.js';
import { typedReport } from './compiled/to-typed.js';
import type { ValidationReport } from './report.js';
import { defaultShapesDir, readShapesDir } from './shapes-dir.js';

export type { Severity, ValidationReport, ValidationResult } from './report.js';
export { isPublishable } from './report.js';
export { reportToJsonLd, reportToText, reportToTurtle } from './report-writers.js';

export interface Validator {
  /** Validates one record's graph. Violations are data in the report; this throws only on an engine bug. */
  validate(quads: Iterable<Quad>): ValidationReport;
}

/**
 * The SHACL engines: `compiled` (the default) compiles the shapes into plain functions over a per-record index;
 * `reference` runs rdf-validate-shacl, the general engine the compiled one is tested against.
 */
export const ENGINES = ['compiled', 'reference'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface LoadOptions {
  /** A folder of `*.ttl` shapes; the package's own shapes/ by default. */
  shapesDir?: string;
  /** Default `compiled`. */
  engine?: EngineName;
}

/** Checks an --engine value; a wrong one is a usage error. */
export function parseEngine(value: string | undefined): EngineName {
  if (value === undefined) return 'compiled';
  if ((ENGINES as readonly string[]).includes(value)) return value as EngineName;
  throw new LdpubError('LDPUB_USAGE', `unknown SHACL engine; use one of: ${ENGINES.join(', ')}`, { field: '--engine', value });
}

/** Compiles a shapes graph given as quads (the W3C suite passes each test's own shapes this way). */
export async function compileValidator(shapes: Iterable<Quad>, source = 'shapes', engine: EngineName = 'compiled'): Promise<Validator> {
  if (engine === 'reference') {
    const { referenceValidator } = await import('./reference.js');
    return referenceValidator(shapes, source);
  }
  const compiled = compileShapesGraph([...shapes], source);
  return {
    validate(quads) {
      return typedReport(compiled.run(quads), compiled.names);
    },
  };
}

/** Reads and compiles the shapes once. Throws LdpubError LDPUB_BAD_SHAPES if any constraint cannot be evaluated. */
export async function loadValidator(options: LoadOptions = {}): Promise<Validator> {
  const dir = options.shapesDir ?? defaultShapesDir();
  return compileValidator(readShapesDir(dir), dir, options.engine);
}
