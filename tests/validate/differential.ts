// Helpers for the differential tests: both engines compiled once from the same shapes, and a report as a set of result keys.
import type { Quad } from '@rdfjs/types';
import type { ValidationReport, ValidationResult, Validator } from '../../src/validate/index.js';
import { compileValidator } from '../../src/validate/index.js';
import { defaultShapesDir, readShapesDir } from '../../src/validate/shapes-dir.js';

export interface Engines {
  compiled: Validator;
  reference: Validator;
}

export async function bothEngines(shapes: Quad[] = readShapesDir(defaultShapesDir()), source = 'shapes'): Promise<Engines> {
  return { compiled: await compileValidator(shapes, source, 'compiled'), reference: await compileValidator(shapes, source, 'reference') };
}

/** What the differential tests compare: focus node, path, value (with its kind, datatype and language), component, severity, shape. */
export function resultKey(r: ValidationResult): string {
  const value = r.value === undefined ? '-' : `${r.valueKind}:${r.value}${r.valueLanguage ? `@${r.valueLanguage}` : ''}${r.valueDatatype ? `^^${r.valueDatatype}` : ''}`;
  return [r.focusNode, r.path ?? '-', value, r.constraintComponent, r.severity, r.sourceShape ?? '-'].join(' | ');
}

export function reportKeys(report: ValidationReport): { conforms: boolean; results: string[] } {
  return { conforms: report.conforms, results: [...new Set(report.results.map(resultKey))].sort() };
}
