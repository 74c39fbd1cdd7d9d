// Test helpers: one headless Debian Chromium per test file, with the flags that keep it offline and quiet.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LDPUB_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots and other artifacts; git-ignored. */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set LDPUB_CHROMIUM)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  // launch() gives each run a fresh temporary profile, removed on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
