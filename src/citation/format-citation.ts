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
  updateItems(ids: string[], nosort?: boolean): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  setOutputFormat(format: string): void;
}
interface Citeproc {
  Engine: new (sys: object, style: string, lang: string, forceLang: boolean) => CiteprocEngine;
}

/**
 * Styles that look for an article number in `page` and print it unlabelled there (Nature: "16, 11795476231171891
 * (2023)"). Every other shipped style reads it from `number`: APA "Article 1179…", IEEE "Art. no. 1179…", MLA
 * "no. 1179…", Chicago and Vancouver in the page position; passing it as `page` too would print "p. 1179…".
 */
const ARTICLE_NUMBER_AS_PAGE: ReadonlySet<string> = new Set(['nature']);

/** CSL variables no shipped style prints in a bibliography entry: left out, since citeproc parses every string it is given. */
const UNPRINTED = ['abstract', 'keyword', 'note', 'license'] as const;

/** The one item id the engines ever see: each call replaces the registry's only entry. */
const ITEM_ID = 'item';

/**
 * citeproc keeps names in plain-object registries keyed by the name itself, so a person called "constructor" or
 * "valueOf" finds an inherited function there and the engine throws. Such a name part gets an invisible character
 * appended before citeproc sees it (WORD JOINER, or another where the record itself has one), taken out of the
 * formatted entry again.
 */
const GUARDS = ['\u2060', '\u200B', '\uFEFF', '\u200D'];
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);
const NAME_PARTS = ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const;

function isInherited(part: string): boolean {
  return INHERITED.has(part.replace(/\./g, ' ').replace(/\s+/g, ' ').trim());
}

/** Guards every name part that citeproc would take for an inherited key; the guard used, if one was needed. */
function guardNames(item: CslJsonItem): string | undefined {
  const risky: [{ [part: string]: unknown }, string][] = [];
  for (const value of Object.values(item)) {
    if (!Array.isArray(value)) continue;
    for (const name of value as unknown[]) {
      if (!name || typeof name !== 'object') continue;
      const parts = name as { [part: string]: unknown };
      for (const key of NAME_PARTS) {
        const part = parts[key];
        if (typeof part === 'string' && isInherited(part)) risky.push([parts, key]);
      }
    }
  }
  if (risky.length === 0) return undefined;
  const text = JSON.stringify(item);
  const guard = GUARDS.find((g) => !text.includes(g)) ?? GUARDS[0]!;
  for (const [parts, key] of risky) parts[key] = `${parts[key] as string}${guard}`;
  return guard;
}

interface CachedEngine {
  engine: CiteprocEngine;
  item: { current?: CslJsonItem };
  numbered: boolean;
  format?: string;
}

let citeproc: Citeproc | undefined;
/** One engine per (style, locale): at most (shipped styles × shipped locales), both output formats share it. */
const engines = new Map<string, CachedEngine>();

/**
 * The style as the engine runs it for one-entry bibliographies: the same `<bibliography>`, but no bibliography
 * `<sort>` (one entry needs no sort keys) and a constant `<citation>` (no in-text cite to disambiguate, and no record
 * text as a key in citeproc's registries, which are plain objects: a title "valueOf" broke them). Together these
 * were two thirds of citeproc's time per record with APA and Chicago; the printed entry is the same (the golden
 * tests format every shipped style both ways).
 */
export function bibliographyOnly(xml: string): string {
  const citation = /<citation\b[^>]*>[\s\S]*?<\/citation>/;
  const bibliography = /<bibliography\b[^>]*>[\s\S]*<\/bibliography>/;
  return xml
    .replace(citation, '<citation><layout><text value="cite"/></layout></citation>')
    .replace(bibliography, (b) => b.replace(/<sort>[\s\S]*?<\/sort>/, ''));
}

function engineFor(style: string, locale: string): CachedEngine {
  const key = `${style}|${locale}`;
  let cached = engines.get(key);
  if (!cached) {
    citeproc ??= createRequire(import.meta.url)('citeproc') as Citeproc;
    const item: CachedEngine['item'] = {};
    const sys = { retrieveLocale: (tag: string) => localeXml(tag), retrieveItem: () => item.current };
    const xml = styleXml(style);
    const engine = new citeproc.Engine(sys, bibliographyOnly(xml), locale, true);
    // The one registry that keeps a key across resets; a prototype-free object cannot mistake "valueOf" for an entry.
    const registry = (engine as unknown as { registry?: { ambigcites?: object } }).registry;
    if (registry?.ambigcites) registry.ambigcites = Object.create(null) as object;
    const numbered = /<text\b[^>]*variable="citation-number"/.test(xml.split('<bibliography')[1] ?? '');
    cached = { engine, item, numbered };
    engines.set(key, cached);
  }
  return cached;
}

/** How many engines are built (for the benchmark and tests of the bound). */
export function citationEngineCount(): number {
  return engines.size;
}

/** Removes a numeric style's citation number ("1. ", "[1]"), which means nothing for a single reference. */
function withoutCitationNumber(entry: string, format: 'text' | 'html'): string {
  if (format === 'html') return entry.replace(/<div class="csl-left-margin">[^<]*<\/div>/, '');
  return entry.replace(/^\s*\[?1\]?\.?\s*/, '');
}

/** The CSL item as the style should see it: the article number where the style looks for it, nothing unprinted. */
export function citeprocItem(record: Record, ctx: CitationContext, style: string): CslJsonItem {
  const item = toCslJson(record, ctx);
  if (record.locator?.kind === 'article-number') {
    if (ARTICLE_NUMBER_AS_PAGE.has(style)) delete item.number;
    else delete item.page;
  }
  for (const key of UNPRINTED) delete item[key];
  item.id = ITEM_ID;
  return item;
}

/**
 * The record as a reference in the given style and locale. Unknown styles and locales throw
 * LDPUB_UNKNOWN_STYLE / LDPUB_UNKNOWN_LOCALE listing the shipped ones.
 */
export function formatCitation(record: Record, ctx: CitationContext, options: CitationOptions = {}): string {
  const style = resolveStyle(options.style);
  const locale = resolveLocale(options.locale);
  const format = options.format ?? 'text';
  const cached = engineFor(style, locale);
  const { engine, numbered } = cached;
  if (cached.format !== format) {
    engine.setOutputFormat(format);
    cached.format = format;
  }
  const item = citeprocItem(record, ctx, style);
  const guarded = guardNames(item);
  cached.item.current = item;
  let bibliography: ReturnType<typeof engine.makeBibliography>;
  try {
    // Empty the registry, then register the one item: no state (disambiguation, sort keys) survives from the last record.
    engine.updateItems([], true);
    engine.updateItems([ITEM_ID], true);
    bibliography = engine.makeBibliography();
  } catch (e) {
    // An engine that threw half-way keeps half a registry: the next record gets a new one.
    engines.delete(`${style}|${locale}`);
    throw e;
  } finally {
    cached.item.current = undefined;
  }
  const printed = bibliography ? (bibliography[1][0] ?? '') : '';
  const entry = guarded ? printed.replaceAll(guarded, '') : printed;
  const text = numbered ? withoutCitationNumber(entry, format) : entry;
  return format === 'html' ? text.trim() : text.replace(/\s+/g, ' ').trim();
}
