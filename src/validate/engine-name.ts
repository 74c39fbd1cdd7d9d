// The names of the SHACL engines, in a module of its own so that commands check --engine without loading an engine.
import { LdpubError } from '../errors.js';

/**
 * `compiled` (the default) compiles the shapes into plain functions over a per-record index;
 * `reference` runs rdf-validate-shacl, the general engine the compiled one is tested against.
 */
export const ENGINES = ['compiled', 'reference'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Checks an --engine value; a wrong one is a usage error. */
export function parseEngine(value: string | undefined): EngineName {
  if (value === undefined) return 'compiled';
  if ((ENGINES as readonly string[]).includes(value)) return value as EngineName;
  throw new LdpubError('LDPUB_USAGE', `unknown SHACL engine; use one of: ${ENGINES.join(', ')}`, { field: '--engine', value });
}
