// Loading the shapes: a constraint the engine cannot evaluate stops the validator at load, never passes silently.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LdpubError } from '../../src/errors.js';
import { loadValidator } from '../../src/validate/index.js';
import { defaultShapesDir, packageRoot } from '../../src/validate/shapes-dir.js';

const bad = (name: string) => fileURLToPath(new URL(`../fixtures/validate/bad-shapes/${name}`, import.meta.url));

async function loadError(shapesDir: string): Promise<LdpubError> {
  try {
    await loadValidator({ shapesDir });
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

  it.each([
    ['sparql', /SPARQLConstraintComponent.*cannot evaluate/],
    ['unimplemented-component', /isbnCheckDigit.*no implementation/],
    ['unknown-shacl-term', /minCont.*not a SHACL Core constraint/],
    ['syntax', /not valid Turtle/],
  ])('refuses %s shapes with LDPUB_BAD_SHAPES', async (name, message) => {
    const error = await loadError(bad(name));
    expect(error.code).toBe('LDPUB_BAD_SHAPES');
    expect(error.message).toMatch(message);
  });

  it('refuses a folder without shapes', async () => {
    const error = await loadError(mkdtempSync(join(tmpdir(), 'ldpub-noshapes-')));
    expect(error.code).toBe('LDPUB_BAD_SHAPES');
  });

  it('refuses a folder that does not exist', async () => {
    expect((await loadError('/nonexistent/ldpub/shapes')).code).toBe('LDPUB_BAD_SHAPES');
  });
});
