// The SHACL shapes in use: every Turtle file in the shapes folder merged into one graph (empty when there is none).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { packageRoot } from '../paths.js';

export function defaultShapesDir(): string {
  return join(packageRoot(), 'shapes');
}

export function loadShapeQuads(dir: string): Quad[] {
  if (!existsSync(dir)) return [];
  const store = new Store();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ttl')).sort()) {
    // Each file's blank nodes stay its own: n3 labels them per parser.
    const parser = new Parser({ format: 'text/turtle', blankNodePrefix: `${name.replace(/\W/g, '_')}_` });
    store.addQuads(parser.parse(readFileSync(join(dir, name), 'utf8')));
  }
  return store.getQuads(null, null, null, null) as Quad[];
}
