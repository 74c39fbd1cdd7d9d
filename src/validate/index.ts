// The validation gate: shapes compiled once, then each record's quads checked in its own small store.
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { compileShapes } from './engine.js';
import type { ValidationReport } from './report.js';
import { defaultShapesDir, readShapesDir } from './shapes-dir.js';
import { shapeNames, toReport } from './to-report.js';

export type { Severity, ValidationReport, ValidationResult } from './report.js';
export { isPublishable } from './report.js';
export { reportToJsonLd, reportToText, reportToTurtle } from './report-writers.js';

export interface Validator {
  /** Validates one record's graph. Violations are data in the report; this throws only on an engine bug. */
  validate(quads: Iterable<Quad>): ValidationReport;
}

export interface LoadOptions {
  /** A folder of `*.ttl` shapes; the package's own shapes/ by default. */
  shapesDir?: string;
}

/** Compiles a shapes graph given as quads (the W3C suite passes each test's own shapes this way). */
export async function compileValidator(shapes: Iterable<Quad>, source = 'shapes'): Promise<Validator> {
  const compiled = await compileShapes(shapes, source);
  const names = shapeNames(compiled.shapes);
  return {
    validate(quads) {
      return toReport(compiled.run(new Store([...quads])), names);
    },
  };
}

/** Reads and compiles the shapes once. Throws LdpubError LDPUB_BAD_SHAPES if any constraint cannot be evaluated. */
export async function loadValidator(options: LoadOptions = {}): Promise<Validator> {
  const dir = options.shapesDir ?? defaultShapesDir();
  return compileValidator(readShapesDir(dir), dir);
}
