#!/usr/bin/env node
// Links node_modules/.bin/ldpub to the built command, so `npx ldpub` in the checkout runs it at once (run by `prepare`).
// package.json has no "bin" on purpose: for a project that names its own bin, npx first reads the whole installed
// tree and stages the project in its cache (about 2 s of CPU here); a link in node_modules/.bin it runs directly.
import { chmodSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'src', 'cli.js');
const bin = join(root, 'node_modules', '.bin');
const link = join(bin, 'ldpub');
const wanted = relative(bin, target);

chmodSync(target, 0o755);
mkdirSync(bin, { recursive: true });
let current;
try {
  current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : null;
} catch {
  current = undefined;
}
if (current !== wanted) {
  if (current !== undefined) rmSync(link, { force: true });
  symlinkSync(wanted, link);
}
