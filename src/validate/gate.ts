// The one publishing gate: the compiled shapes as a function from a record's quads to its report.
import type { Quad } from '@rdfjs/types';
import { loadValidator } from './index.js';
import type { EngineName, LoadOptions } from './index.js';
import type { ValidationReport } from './report.js';

/** The SHACL gate: a record's quads in, its report out. */
export type Gate = ((quads: Quad[]) => ValidationReport) & {
  /** The SHACL engine behind the gate, so that worker threads compile the same one. */
  engine?: EngineName;
};

/** Compiles the shapes once; throws LdpubError LDPUB_BAD_SHAPES when they cannot be used. */
export async function loadGate(options: LoadOptions = {}): Promise<Gate> {
  const validator = await loadValidator(options);
  const gate: Gate = (quads) => validator.validate(quads);
  gate.engine = options.engine ?? 'compiled';
  return gate;
}
