// The name of the SHACL gate in the store: the package version and the shapes, so new shapes or a new ldpub
// evaluate every file again, while the same ones never do.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { defaultShapesDir } from '../validate/shapes-dir.js';

let memo: string | undefined;

export function shaclGateKey(shapesDir: string = defaultShapesDir()): string {
  if (memo !== undefined && shapesDir === defaultShapesDir()) return memo;
  const hash = createHash('sha256');
  try {
    hash.update((JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '');
  } catch {
    // No package.json: the shapes alone name the gate.
  }
  for (const name of readdirSync(shapesDir).sort()) hash.update(name).update(readFileSync(join(shapesDir, name)));
  const key = `shacl:${hash.digest('base64url').slice(0, 16)}`;
  if (shapesDir === defaultShapesDir()) memo = key;
  return key;
}
