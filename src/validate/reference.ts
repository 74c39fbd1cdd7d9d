// The reference engine behind the Validator interface: rdf-validate-shacl over an n3 Store per record.
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { compileShapes } from './engine.js';
import type { Validator } from './report.js';
import { shapeNames, toReport } from './to-report.js';

export async function referenceValidator(shapes: Iterable<Quad>, source: string): Promise<Validator> {
  const compiled = await compileShapes(shapes, source);
  const names = shapeNames(compiled.shapes);
  return {
    validate(quads) {
      return toReport(compiled.run(new Store([...quads])), names);
    },
  };
}
