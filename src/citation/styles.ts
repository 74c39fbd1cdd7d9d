// The CSL styles and locales shipped under assets/csl/, their aliases, and strict lookup (never a silent fallback).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LdpubError } from '../errors.js';
import { assetPath } from '../paths.js';
import { lookupTable } from '../model/lookup.js';

/** Short names people ask for, mapped to shipped style ids. */
export const STYLE_ALIASES: { readonly [alias: string]: string } = lookupTable({
  vancouver: 'nlm-citation-sequence',
  nlm: 'nlm-citation-sequence',
  mla: 'modern-language-association',
  chicago: 'chicago-author-date',
  harvard: 'harvard-cite-them-right',
  harvard1: 'harvard-cite-them-right',
});

export const DEFAULT_STYLE = 'apa';
export const DEFAULT_LOCALE = 'en-US';

function assetDir(kind: 'styles' | 'locales'): string {
  return assetPath('csl', kind);
}

let styles: string[] | undefined;
let locales: string[] | undefined;

/** Shipped style ids (file names without `.csl`), sorted. */
export function listStyles(): string[] {
  styles ??= readdirSync(assetDir('styles'))
    .filter((f) => f.endsWith('.csl'))
    .map((f) => f.slice(0, -4))
    .sort();
  return [...styles];
}

/** Shipped locale tags such as "en-US", sorted. */
export function listLocales(): string[] {
  locales ??= readdirSync(assetDir('locales'))
    .map((f) => /^locales-(.+)\.xml$/.exec(f)?.[1])
    .filter((t): t is string => t !== undefined)
    .sort();
  return [...locales];
}

function available(list: string[], aliases = ''): string {
  return `available: ${list.join(', ')}${aliases}`;
}

/** The shipped style id for a name or alias (case-insensitive); LDPUB_UNKNOWN_STYLE otherwise. */
export function resolveStyle(name: string | undefined): string {
  const wanted = (name ?? DEFAULT_STYLE).trim().toLowerCase();
  const id = STYLE_ALIASES[wanted] ?? wanted;
  const styles = listStyles();
  if (styles.includes(id)) return id;
  const aliases = Object.entries(STYLE_ALIASES).map(([a, s]) => `${a}=${s}`);
  throw new LdpubError('LDPUB_UNKNOWN_STYLE', `unknown citation style; ${available(styles, `; aliases: ${aliases.join(', ')}`)}`, {
    field: 'style',
    value: name ?? '',
  });
}

/** The shipped locale for a tag, matched case-insensitively ("de-de" → "de-DE"); LDPUB_UNKNOWN_LOCALE otherwise. */
export function resolveLocale(tag: string | undefined): string {
  const wanted = (tag ?? DEFAULT_LOCALE).trim().replace(/_/g, '-').toLowerCase();
  const locales = listLocales();
  const found = locales.find((l) => l.toLowerCase() === wanted);
  if (found) return found;
  throw new LdpubError('LDPUB_UNKNOWN_LOCALE', `unknown citation locale; ${available(locales)}`, {
    field: 'locale',
    value: tag ?? '',
  });
}

export function styleXml(id: string): string {
  return readFileSync(join(assetDir('styles'), `${id}.csl`), 'utf8');
}

/** The XML of a shipped locale, or undefined (citeproc asks for base languages such as "en" too). */
export function localeXml(tag: string): string | undefined {
  const locales = listLocales();
  const base = tag.split('-')[0] ?? tag;
  const found =
    locales.find((l) => l === tag) ?? (base === 'en' ? 'en-US' : locales.find((l) => l.startsWith(`${base}-`)));
  return found && locales.includes(found) ? readFileSync(join(assetDir('locales'), `locales-${found}.xml`), 'utf8') : undefined;
}
