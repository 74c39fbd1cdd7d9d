// The validation gate: shapes compiled once by the chosen engine, then each record's quads checked.
import type { Quad } from '@rdfjs/types';
import type { EngineName } from './engine-name.js';
import { compileShapesGraph } from './compiled/compile.js';
import { typedReport } from './compiled/to-typed.js';
import type { Validator } from './report.js';
import { defaultShapesDir, readShapesDir } from './shapes-dir.js';

export type { Severity, ValidationReport, ValidationResult } from './report.js';
export { isPublishable } from './report.js';
export { reportToJsonLd, reportToText, reportToTurtle } from './report-writers.js';

export type { Validator } from './report.js';

export { ENGINES, parseEngine } from './engine-name.js';
export type { EngineName } from './engine-name.js';

export interface LoadOptions {
  /** A folder of `*.ttl` shapes; the package's own shapes/ by default. */
  shapesDir?: string;
  /** Default `compiled`. */
  engine?: EngineName;
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
