// Test helpers: one headless Chromium per test file, with the flags that keep it offline and quiet.
// Which Chromium: $LDPUB_CHROMIUM when set, else Debian's /usr/bin/chromium when installed, else the one the
// devDependency @sparticuz/chromium ships (unpacked once per version into node_modules/.cache). No browser is
// never a skip: launchChromium() throws, naming what it tried, and the browser tests fail.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { tempDir } from '../helpers/temp.js';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Screenshots and other artifacts; git-ignored. */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** The flags every launch gets (see the machine notes): headless, offline, no first-run work. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumBinary {
  path: string;
  /** Where it came from, for messages. */
  source: string;
  /** Extra environment for the browser process. */
  env?: Record<string, string>;
}

/** The root of the installed @sparticuz/chromium package, or undefined when it is not installed. */
function bundledPackageRoot(): string | undefined {
  try {
    // the package's exports list no package.json; its entry point is build/cjs/index.cjs
    const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
    return dirname(dirname(dirname(entry)));
  } catch {
    return undefined;
  }
}

/**
 * Unpacks the bundled Chromium into `node_modules/.cache/ldpub-chromium-{version}` once (a cache of 200 MB kept
 * beside the package it comes from, not in the temporary folder), atomically: it is unpacked into a staging folder
 * of its own there (by the package's executablePath(), run in a child process whose TMPDIR is that folder), which
 * is then renamed into place. A concurrent run that loses the race keeps the winner's copy.
 */
function unpackBundled(root: string): ChromiumBinary {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const cache = join(root, '..', '..', '.cache');
  const target = join(cache, `ldpub-chromium-${version}`);
  const binary = join(target, 'chromium');
  if (!existsSync(binary)) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(join(cache, `ldpub-chromium-${version}-staging-`));
    try {
      const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: process.cwd(),
        env: { ...process.env, TMPDIR: staging },
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (out !== join(staging, 'chromium') || !existsSync(out)) {
        throw new Error(`@sparticuz/chromium unpacked to ${JSON.stringify(out)}, not ${join(staging, 'chromium')}`);
      }
      try {
        renameSync(staging, target);
      } catch (e) {
        if (!existsSync(binary)) throw e;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  // Its own fonts only where the system has no fontconfig set-up at all.
  const env = existsSync('/etc/fonts/fonts.conf') ? undefined : { FONTCONFIG_PATH: join(target, 'fonts') };
  return { path: binary, source: `@sparticuz/chromium ${version} (unpacked at ${target})`, ...(env ? { env } : {}) };
}

/** The Chromium the browser tests use; throws, saying what was tried, when there is none. */
export function findChromium(): ChromiumBinary {
  const fromEnv = process.env.LDPUB_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`LDPUB_CHROMIUM is ${fromEnv}, which does not exist`);
    return { path: fromEnv, source: 'LDPUB_CHROMIUM' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'Debian chromium' };
  const root = bundledPackageRoot();
  if (!root) {
    throw new Error(`browser tests need a Chromium: none at ${DEBIAN_CHROMIUM}, LDPUB_CHROMIUM is not set, and the devDependency @sparticuz/chromium is not installed (run npm install)`);
  }
  try {
    return unpackBundled(root);
  } catch (e) {
    throw new Error(`browser tests need a Chromium: none at ${DEBIAN_CHROMIUM}, and @sparticuz/chromium could not be unpacked: ${(e as Error).message}`);
  }
}

export async function launchChromium(): Promise<Browser> {
  const binary = findChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  // launch() gives each run a fresh temporary profile, removed on close; the files Chromium itself makes in its
  // TMPDIR (.org.chromium.Chromium.*, left behind on exit) go into a folder of the test file's, removed after it.
  const scratch = tempDir('chromium-tmp');
  try {
    return await chromium.launch({
      executablePath: binary.path,
      headless: true,
      timeout: 30_000,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...binary.env, TMPDIR: scratch },
    });
  } catch (e) {
    throw new Error(`browser tests: Chromium from ${binary.source} (${binary.path}) did not start: ${(e as Error).message}`);
  }
}
