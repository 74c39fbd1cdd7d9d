// Loading the shapes: a constraint the engine cannot evaluate stops the validator at load, never passes silently.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { ENGINES, loadValidator, type EngineName } from '../../src/validate/index.js';
import { defaultShapesDir, readShapesDir } from '../../src/validate/shapes-dir.js';
import { packageRoot } from '../../src/paths.js';
import { hasShapeCycle } from '../../src/validate/shapes-check.js';
import { Parser, Store } from 'n3';
import { tempDir } from '../helpers/temp.js';

const bad = (name: string) => fileURLToPath(new URL(`../fixtures/validate/bad-shapes/${name}`, import.meta.url));

async function loadError(shapesDir: string, engine: EngineName = 'compiled'): Promise<LdpubError> {
  try {
    await loadValidator({ shapesDir, engine });
  } catch (e) {
    if (e instanceof LdpubError) return e;
    throw e;
  }
  throw new Error('the shapes loaded');
}

describe('loadValidator', () => {
  it('finds the package shapes folder from the module file', () => {
    expect(defaultShapesDir()).toBe(join(packageRoot(), 'shapes'));
    expect(packageRoot()).toBe(fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, ''));
  });

  it.each(
    ENGINES.flatMap((engine) =>
      (
        [
          ['sparql', /SPARQLConstraintComponent.*cannot evaluate/],
          ['unimplemented-component', /isbnCheckDigit.*no implementation/],
          ['unknown-shacl-term', /minCont.*not a SHACL Core constraint/],
          ['undeclared-component', /issnCheckDigit>, but no constraint component with that parameter is declared/],
          ['syntax', /not valid Turtle/],
        ] as const
      ).map(([name, message]) => [engine, name, message] as const),
    ),
  )('the %s engine refuses %s shapes with LDPUB_BAD_SHAPES', async (engine, name, message) => {
    const error = await loadError(bad(name), engine);
    expect(error.code).toBe('LDPUB_BAD_SHAPES');
    expect(error.message).toMatch(message);
  });

  it('refuses a folder without shapes', async () => {
    const error = await loadError(tempDir('noshapes'));
    expect(error.code).toBe('LDPUB_BAD_SHAPES');
  });

  it('refuses a folder that does not exist', async () => {
    expect((await loadError('/nonexistent/ldpub/shapes')).code).toBe('LDPUB_BAD_SHAPES');
  });
});

describe('hasShapeCycle', () => {
  const parse = (ttl: string) =>
    new Store(new Parser().parse(`@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . ${ttl}`));

  it('finds a shape that reaches itself, so the engine keeps its recursion guard', () => {
    expect(hasShapeCycle(parse('ex:A a sh:NodeShape ; sh:targetNode ex:x ; sh:property [ sh:path ex:p ; sh:node ex:A ] .'))).toBe(true);
    expect(hasShapeCycle(parse('ex:A a sh:NodeShape ; sh:or ( ex:B ) . ex:B sh:not ex:A .'))).toBe(true);
  });

  it('finds none in ldpub shapes', () => {
    expect(hasShapeCycle(new Store(readShapesDir(defaultShapesDir())))).toBe(false);
    expect(hasShapeCycle(parse('ex:A a sh:NodeShape ; sh:property ex:P . ex:B a sh:NodeShape ; sh:property ex:P . ex:P sh:path ex:p .'))).toBe(false);
  });
});
