// The architecture as a test: every import in src/ points down the layers (README, "Layout"), and no module imports
// itself back through a chain of others. A new upward arrow or circle fails here, naming the file and the import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Lowest first: a module may import its own layer and the ones before it. */
const LAYERS: string[][] = [
  ['errors', 'paths'],
  ['model'],
  ['readers'],
  ['rdf'],
  ['validate'],
  ['citation', 'formats', 'html'],
  ['store', 'pipeline'],
  ['catalog'],
  ['http'],
  ['harvest'],
  ['server'],
  ['static'],
  ['commands'],
  ['cli'],
];

function layerOf(file: string): number {
  const top = file.split('/')[0]!.replace(/\.ts$/, '');
  const index = LAYERS.findIndex((names) => names.includes(top));
  if (index < 0) throw new Error(`src/${file} is in no layer: add its folder to LAYERS and the README's layout`);
  return index;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative(SRC, path)] : [];
  });
}

/** Relative imports (static, re-exports and dynamic), resolved to paths under src/ ending in .ts. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1]!);
  return specifiers.map((s) => normalize(join(dirname(file), s)).replace(/\.js$/, '.ts'));
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f).filter((target) => files.includes(target))]));

describe('architecture', () => {
  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('server/app.ts')).toContain('http/headers.ts');
  });

  it('every import points to the same layer or one below', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (layerOf(target) > layerOf(file)) upward.push(`src/${file} imports src/${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no module reaches itself through its imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
