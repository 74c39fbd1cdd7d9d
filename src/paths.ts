// Locates files shipped with the package (shapes/, assets/) from both src/ under vitest and dist/src/ after a build.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory holding ldpub's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('ldpub: cannot find the package root');
    dir = up;
  }
  root = dir;
  return dir;
}

export function assetPath(...parts: string[]): string {
  return join(packageRoot(), 'assets', ...parts);
}
