// In real headless Chromium: the record page's data, its immunity to hostile fields, accessibility, and how it looks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/html/csp.js';
import { displayName } from '../../src/model/text.js';
import { canonical, parseAs } from '../helpers/graph.js';
import { SEED_ID } from '../helpers/fixtures.js';
import { ARTIFACTS, launchChromium } from './chromium.js';
import { startTarget, XSS_RECORD_ID as XSS_ID, type Target } from './target.js';

// The page functions below run in Chromium, not Node: these names are the browser's, declared here only
// (module scope) so the DOM library need not be added to the whole project's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let server: Target;
let context: BrowserContext;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTarget()]);
  context = await browser.newContext();
  context.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page; any dialog (alert, confirm, prompt) is recorded and dismissed. */
async function open(path: string, ctx = context): Promise<{ page: Page; dialogs: string[]; csp: string | undefined }> {
  const page = await ctx.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, dialogs, csp: response?.headers()['content-security-policy'] };
}

/** Each test opens a page of the real app on 127.0.0.1. */
describe('the seed record page in Chromium, served by the app', () => {

  it('carries a JSON-LD block with the same graph as /record/{id}.jsonld', async () => {
    const { page } = await open(`/record/${SEED_ID}`);
    const text = await page.evaluate(() => document.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    const parsed = JSON.parse(text) as { '@context': unknown };
    expect(parsed['@context']).toBe('https://schema.org');
    const jsonld = await (await fetch(`${server.url}/record/${SEED_ID}.jsonld`)).text();
    expect(await canonical(await parseAs('application/ld+json', text))).toBe(await canonical(await parseAs('application/ld+json', jsonld)));
    await page.close();
  });

  it('carries every citation_* tag with the seed values', async () => {
    const { page } = await open(`/record/${SEED_ID}`);
    const tags = await page.evaluate(() =>
      [...document.querySelectorAll('meta[name^="citation_"]')].map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
    );
    const iri = await page.evaluate(() => document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
    expect(iri).toMatch(new RegExp(`/record/${SEED_ID}$`));
    const title = server.record(SEED_ID).title;
    expect(tags).toEqual([
      ['citation_title', title],
      ...['Kanda, Yutaro', 'Kakiuchi, Yuji', 'Yurube, Takashi', 'Takeoka, Yoshiki', 'Miyazaki, Kunihiko', 'Kuroda, Ryosuke', 'Kakutani, Kenichiro'].map(
        (a) => ['citation_author', a],
      ),
      ['citation_publication_date', '2023'],
      ['citation_journal_title', 'Clinical medicine insights. Case reports'],
      ['citation_issn', '1179-5476'],
      ['citation_volume', '16'],
      ['citation_firstpage', '11795476231171891'],
      ['citation_doi', '10.1177/11795476231171891'],
      ['citation_language', 'en'],
      ['citation_abstract_html_url', iri],
    ]);
    await page.close();
  });

  it('is served with the CSP, applies its stylesheet under it, and the CSP stops injected inline script', async () => {
    const { page, csp } = await open(`/record/${SEED_ID}`);
    expect(csp).toBe(contentSecurityPolicy());
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toContain('system-ui');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await page.close();
  });
});

describe('a record whose fields hold markup, in Chromium', () => {
  it('shows every field as text: no dialog, no injected element, the title unchanged', async () => {
    const hostile = server.record(XSS_ID);
    expect(hostile.title).toContain('</script><img src=x onerror=alert(2)>');
    const { page, dialogs, csp } = await open(`/record/${XSS_ID}`);
    expect(csp).toBe(contentSecurityPolicy());
    await page.waitForTimeout(300); // time for an onerror handler to have fired, had one been injected
    const seen = await page.evaluate(() => ({
      title: document.title,
      h1: document.querySelector('h1')?.textContent,
      scripts: [...document.scripts].map((s) => s.type),
      injected: document.querySelectorAll('img, svg, b, iframe, [onerror], [onload]').length,
      authors: document.querySelector('.authors')?.textContent,
      journal: document.querySelector('.journal cite')?.textContent,
      paragraphs: [...document.querySelectorAll('section[aria-labelledby="abstract"] p')].map((p) => p.textContent),
      jsonld: document.querySelector('script[type="application/ld+json"]')?.textContent,
    }));
    expect(dialogs).toEqual([]);
    expect(seen.title).toBe(hostile.title);
    expect(seen.h1).toBe(hostile.title);
    expect(seen.scripts).toEqual(['application/ld+json']);
    expect(seen.injected).toBe(0);
    expect(seen.authors).toBe(hostile.authors.map(displayName).join(', '));
    expect(seen.journal).toBe(hostile.container?.title);
    expect(seen.paragraphs).toEqual(hostile.abstract?.map((s) => s.text));
    expect((JSON.parse(seen.jsonld ?? '{}') as { name?: string }).name).toBe(hostile.title);
    await page.close();
  });
});

describe('accessibility (axe-core) and layout', () => {
  const pages = [`/record/${SEED_ID}`, `/record/${XSS_ID}`, `/record/${XSS_ID}/validation`, '/', '/?q=osteosarcoma', '/no-such-page'];

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${scheme} scheme)`, async () => {
      // The CSP would block axe's injected script: this context alone bypasses it.
      const ctx = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
      try {
        const found: string[] = [];
        for (const path of pages) {
          const page = await ctx.newPage();
          await page.goto(`${server.url}${path}`);
          await page.addScriptTag({ path: AXE });
          const { passes, violations } = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(o: object): Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
            const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
            return { passes: result.passes.length, violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length })) };
          });
          expect(passes, `axe ran no check on ${path}`).toBeGreaterThan(10);
          if (scheme === 'dark' && path === `/record/${SEED_ID}`) await page.screenshot({ path: join(ARTIFACTS, 'record-desktop-dark.png') });
          for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${path}: ${v.id} (${v.impact}, ${v.count})`);
          await page.close();
        }
        expect(found).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }

  const viewports = { desktop: { width: 1280, height: 800 }, mobile: { width: 375, height: 812 } } as const;
  for (const [name, viewport] of Object.entries(viewports)) {
    it(`fits ${name} width (${viewport.width}px) and writes screenshots`, async () => {
      const ctx = await browser.newContext({ viewport });
      try {
        for (const [label, path] of [['record', `/record/${SEED_ID}`], ['index', '/'], ['validation', `/record/${XSS_ID}/validation`]] as const) {
          const page = await ctx.newPage();
          await page.goto(`${server.url}${path}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: join(ARTIFACTS, `${label}-${name}.png`), fullPage: true });
          await page.close();
        }
      } finally {
        await ctx.close();
      }
    });
  }
});
