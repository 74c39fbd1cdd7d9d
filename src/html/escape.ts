// Escaping by construction: every value interpolated into `html`...`` is escaped unless it is already SafeHtml.
import { displayable } from '../formats/normal-form.js';
import { lookupTable } from '../model/lookup.js';

/** A fragment of markup known to be safe: produced by `html`, by `raw` on a constant, or by `jsonLdScript`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate. Arrays are joined; null, undefined and false render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: { readonly [c: string]: string } = lookupTable({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });

/**
 * Text and quoted-attribute safe: `& < > " '` become character references; what a page never carries (control
 * characters but tab, LF and CR, noncharacters, lone surrogates: HTML parse errors all) is dropped.
 */
export function escapeHtml(text: string): string {
  return displayable(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Marks a string as markup. Only for constants and for the output of this module's helpers. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A URL fit for href/src/action: http(s), mailto, or relative. Anything else (javascript:, data:, …) becomes "#". */
export function safeUrl(url: string): string {
  // As the URL parser does: drop tabs and newlines anywhere, then C0 controls and spaces at either end.
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/^(?:https?|mailto):/i.test(cleaned)) return cleaned;
  if (/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return '#';
  return cleaned;
}

function render(value: HtmlValue, urlContext: boolean): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v, urlContext)).join('');
  const text = String(value);
  return escapeHtml(urlContext ? safeUrl(text) : text);
}

const UNQUOTED_ATTRIBUTE = /=\s*$/;
const URL_ATTRIBUTE = /\s(?:href|src|action)="$/i;

/**
 * The template tag. Values land in text or in double-quoted attributes and are escaped for both;
 * a value in an href/src/action attribute is also checked for a safe scheme. An interpolation
 * right after `=` (an unquoted attribute) is a programming error and throws.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const before = strings[i] ?? '';
    if (UNQUOTED_ATTRIBUTE.test(before)) throw new Error(`html: unquoted attribute value after ${JSON.stringify(before.slice(-20))}`);
    out += render(values[i], URL_ATTRIBUTE.test(before)) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Joins fragments with a separator (itself escaped unless SafeHtml). */
export function join(parts: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator, false);
  return new SafeHtml(parts.map((p) => render(p, false)).filter((s) => s !== '').join(sep));
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>`, `&`, U+2028, U+2029, and what a page never
 * carries (C1 controls, noncharacters) are written as `\u003c` and so on, so no value can close the element or open
 * a comment, the page holds no control character, and the JSON still parses to the same strings.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]|(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/gu, (c) =>
    [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

export function jsonLdScript(document: unknown): SafeHtml {
  return raw(`<script type="application/ld+json">\n${jsonForScript(document)}\n</script>`);
}
