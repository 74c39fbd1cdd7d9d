// Formatted citations (a one-entry bibliography) by citeproc with the shipped CSL style and locale files.
import { createRequire } from 'node:module';
import type { Record } from '../model/record.js';
import { localeXml, resolveLocale, resolveStyle, styleXml } from './styles.js';
import type { CitationContext, CslJsonItem } from './to-csl-json.js';
import { toCslJson } from './to-csl-json.js';

export interface CitationOptions {
  /** A shipped style id or alias ("apa", "vancouver", "mla"); default "apa". */
  style?: string;
  /** A shipped locale ("en-US", "de-DE"); default "en-US". */
  locale?: string;
  format?: 'text' | 'html';
}

interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}
interface Citeproc {
  Engine: new (sys: object, style: string, lang: string, forceLang: boolean) => CiteprocEngine & {
    setOutputFormat(format: string): void;
  };
}

let citeproc: Citeproc | undefined;
/** The item each engine formats next; engines run synchronously, so one slot per engine is enough. */
const engines = new Map<string, { engine: CiteprocEngine; items: Map<string, CslJsonItem>; numbered: boolean }>();

function engineFor(style: string, locale: string, format: 'text' | 'html') {
  const key = `${style}|${locale}|${format}`;
  let cached = engines.get(key);
  if (!cached) {
    citeproc ??= createRequire(import.meta.url)('citeproc') as Citeproc;
    const items = new Map<string, CslJsonItem>();
    const sys = { retrieveLocale: (tag: string) => localeXml(tag), retrieveItem: (id: string) => items.get(id) };
    const xml = styleXml(style);
    const engine = new citeproc.Engine(sys, xml, locale, true);
    engine.setOutputFormat(format);
    const numbered = /<text\b[^>]*variable="citation-number"/.test(xml.split('<bibliography')[1] ?? '');
    cached = { engine, items, numbered };
    engines.set(key, cached);
  }
  return cached;
}

/** Removes a numeric style's citation number ("1. ", "[1]"), which means nothing for a single reference. */
function withoutCitationNumber(entry: string, format: 'text' | 'html'): string {
  if (format === 'html') return entry.replace(/<div class="csl-left-margin">[^<]*<\/div>/, '');
  return entry.replace(/^\s*\[?1\]?\.?\s*/, '');
}

/**
 * The record as a reference in the given style and locale. Unknown styles and locales throw
 * LDPUB_UNKNOWN_STYLE / LDPUB_UNKNOWN_LOCALE listing the shipped ones.
 */
export function formatCitation(record: Record, ctx: CitationContext, options: CitationOptions = {}): string {
  const style = resolveStyle(options.style);
  const locale = resolveLocale(options.locale);
  const format = options.format ?? 'text';
  const { engine, items, numbered } = engineFor(style, locale, format);
  const item = toCslJson(record, ctx);
  // Styles look for an article number in `page`; leaving it in `number` too would print it twice in some.
  if (record.locator?.kind === 'article-number') delete item.number;
  items.clear();
  items.set(ctx.id, item);
  engine.updateItems([ctx.id]);
  const bibliography = engine.makeBibliography();
  const entry = bibliography ? (bibliography[1][0] ?? '') : '';
  const text = numbered ? withoutCitationNumber(entry, format) : entry;
  return format === 'html' ? text.trim() : text.replace(/\s+/g, ' ').trim();
}
