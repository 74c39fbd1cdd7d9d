// The normal form of published text, and XML escaping built on it: what every writer emits for any string.
import { lookupTable } from '../model/lookup.js';

/**
 * Characters no RDF literal or XML text of ldpub carries: the characters XML 1.0 forbids (control characters other
 * than tab, LF and CR, U+FFFE and U+FFFF: not even a character reference can carry them) and lone surrogates (no
 * UTF-8 can encode them, N-Triples cannot escape them). The readers drop control characters at read, so these never
 * reach a writer from real input; every writer drops them again, as a last line of defence, so that all RDF formats
 * carry the same text and each is well-formed for any string. Everything else, C1 controls and noncharacters
 * included (XML 1.0 allows them), is kept. The HTML page drops more (`src/html/escape.ts`).
 */
const UNPUBLISHABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
const UNPUBLISHABLE_ALL = new RegExp(UNPUBLISHABLE.source, 'gu');

/** True when `text` is already in the normal form (the common case, tested without allocating). */
export function isPublishable(text: string): boolean {
  return !UNPUBLISHABLE.test(text);
}

/** `text` in the normal form: every unpublishable character removed, everything else kept as it is. */
export function publishable(text: string): string {
  return UNPUBLISHABLE.test(text) ? text.replace(UNPUBLISHABLE_ALL, '') : text;
}

const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/;
const XML_ESCAPES: { readonly [c: string]: string } = lookupTable({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
});

/**
 * Character data for an XML element: `&`, `<` and `>` escaped (so `]]>` can never appear), CR written as `&#13;`
 * (a parser would turn a raw CR into LF), and nothing XML 1.0 forbids.
 */
export function xmlText(text: string): string {
  const clean = publishable(text);
  return TEXT_SPECIAL.test(clean) ? clean.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c]!) : clean;
}

/** A double-quoted XML attribute value: as `xmlText`, with `"` escaped and tab, LF and CR as references (attribute values are whitespace-normalised). */
export function xmlAttribute(text: string): string {
  const clean = publishable(text);
  return ATTRIBUTE_SPECIAL.test(clean) ? clean.replace(/[&<>"\t\n\r]/g, (c) => XML_ESCAPES[c]!) : clean;
}

/**
 * What text shown to people never carries: every control character but tab, LF and CR (C0, DEL and C1: terminal
 * escapes among them), noncharacters and lone surrogates, each a parse error in HTML. The HTML page and the
 * formatted citations drop them; RDF keeps C1 controls and noncharacters, which XML 1.0 allows.
 */
const NOT_DISPLAYABLE = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/u;
const NOT_DISPLAYABLE_ALL = new RegExp(NOT_DISPLAYABLE.source, 'gu');

export function displayable(text: string): string {
  return NOT_DISPLAYABLE.test(text) ? text.replace(NOT_DISPLAYABLE_ALL, '') : text;
}
