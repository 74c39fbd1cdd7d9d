// Finds and parses the shapes folder: the package's own shapes/ by default, from src/ under tests and dist/src/ once built.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { LdpubError } from '../errors.js';

/** The package root: the nearest folder above this module that holds package.json. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new LdpubError('LDPUB_BAD_SHAPES', 'cannot find the ldpub package folder (no package.json above the validator)');
    dir = up;
  }
  return dir;
}

export function defaultShapesDir(): string {
  return join(packageRoot(), 'shapes');
}

/** Parses one Turtle shapes file; a syntax error names the file. */
export function parseShapesFile(file: string): Quad[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LdpubError('LDPUB_BAD_SHAPES', `cannot read the shapes file: ${(e as Error).message}`, { record: file });
  }
  try {
    return new Parser({ baseIRI: pathToFileURL(file).href }).parse(text) as Quad[];
  } catch (e) {
    throw new LdpubError('LDPUB_BAD_SHAPES', `the shapes file is not valid Turtle: ${(e as Error).message}`, { record: file });
  }
}

/** Every `*.ttl` file in `dir`, in name order, as one list of quads. */
export function readShapesDir(dir: string): Quad[] {
  const abs = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(abs).filter((f) => f.endsWith('.ttl')).sort();
  } catch (e) {
    throw new LdpubError('LDPUB_BAD_SHAPES', `cannot read the shapes folder: ${(e as Error).message}`, { record: abs });
  }
  if (files.length === 0) throw new LdpubError('LDPUB_BAD_SHAPES', 'the shapes folder has no .ttl file', { record: abs });
  return files.flatMap((f) => parseShapesFile(join(abs, f)));
}
