// Rich text as sources give it (Crossref and JATS fragments, CSL's own markup, HTML from web exports) to the
// Record's plain text and inline nodes. Only recognised tags are markup; any other `<` is text. See docs/text.md.
import { decodeHTMLStrict } from 'entities/decode';
import type { AbstractSection, Inline, InlineSpan, InlineStyle } from '../../model/record.js';
import { hasMarkup, inlinePlainText, normalizeInline } from '../../model/inline.js';
import { normalizeText, type TextTally } from '../../model/text.js';
import { lookupTable } from '../../model/lookup.js';

/** Tags that carry one of the allowed inline styles. */
const STYLE_TAGS: { readonly [name: string]: InlineStyle } = lookupTable({
  i: 'i', em: 'i', italic: 'i', var: 'i', cite: 'i',
  b: 'b', strong: 'b', bold: 'b',
  sub: 'sub', inf: 'sub',
  sup: 'sup',
  sc: 'sc', scp: 'sc', 'small-caps': 'sc',
});

/** Tags that end a block: they separate words (a space), and keep their content. */
const BLOCK_TAGS = new Set([
  'p', 'br', 'div', 'sec', 'title', 'list', 'list-item', 'li', 'ul', 'ol', 'abstract', 'trans-abstract', 'break',
  'disp-formula', 'disp-quote', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th',
  'table-wrap', 'caption', 'label', 'def-list', 'def-item', 'term', 'def', 'fig', 'hr',
]);

/** Markup whose tags are dropped and whose content is kept, with no space: it joins its neighbours. */
const TRANSPARENT_TAGS = new Set([
  'span', 'u', 'underline', 'a', 'font', 'tt', 'code', 'monospace', 'strike', 's', 'abbr', 'xref', 'ext-link',
  'uri', 'email', 'named-content', 'styled-content', 'inline-formula', 'tex-math', 'math', 'roman', 'sans-serif',
  'overline', 'nocase', 'ins', 'del', 'mark', 'q', 'small', 'big', 'kbd', 'samp', 'dfn', 'wbr',
]);

// A tag: `<name attrs>`, `</name>` or `<name/>`; a name may carry a namespace prefix (`jats:`, `mml:`).
// Attributes must be `name="value"`, `name='value'` or `name=value`: `a<b and c>d` is text, not a bold "d".
const TAG =
  /<(\/?)((?:[A-Za-z][\w.-]*:)?[A-Za-z][\w.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))*)\s*(\/?)>/g;
const SMALL_CAPS = /font-variant\s*:\s*small-caps/i;

type Kind = { kind: 'style'; style: InlineStyle } | { kind: 'block' } | { kind: 'transparent' };

function classify(qualified: string, attributes: string): Kind | undefined {
  const colon = qualified.indexOf(':');
  const name = (colon >= 0 ? qualified.slice(colon + 1) : qualified).toLowerCase();
  if (name === 'span' && SMALL_CAPS.test(attributes)) return { kind: 'style', style: 'sc' };
  const style = STYLE_TAGS[name];
  if (style) return { kind: 'style', style };
  if (BLOCK_TAGS.has(name)) return { kind: 'block' };
  if (TRANSPARENT_TAGS.has(name)) return { kind: 'transparent' };
  // Any other element of a namespaced vocabulary (MathML, JATS, XLink) is markup; an unprefixed unknown name is text.
  return colon >= 0 ? { kind: 'transparent' } : undefined;
}

/**
 * Character references: HTML5 named references (with their semicolon) and numeric ones. A numeric reference to a
 * surrogate or past U+10FFFF gives that code unit or nothing, so that normalisation drops and counts it.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const numeric = text.replace(/&#(?:[xX]([0-9a-fA-F]{1,8})|(\d{1,9}));/g, (_whole, hex: string | undefined, dec: string | undefined) => {
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (cp > 0x10ffff) return '';
    return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  });
  return numeric.includes('&') ? decodeHTMLStrict(numeric) : numeric;
}

/** Elements that never have content, so never need closing. */
const VOID_TAGS = new Set(['br', 'wbr', 'hr', 'break']);

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return (colon >= 0 ? qualified.slice(colon + 1) : qualified).toLowerCase();
}

/** Parses rich text into inline nodes (not yet normalised): text between recognised tags, entities decoded. */
export function parseInline(markup: string): Inline[] {
  const root: InlineSpan = { style: 'i', children: [] };
  // Every open element, styled or not, so that a `</span>` closes the span it belongs to.
  const open: { name: string; span?: InlineSpan }[] = [];
  const container = (): InlineSpan => {
    for (let k = open.length - 1; k >= 0; k--) {
      const span = open[k]?.span;
      if (span) return span;
    }
    return root;
  };
  const text = (t: string) => {
    if (t === '') return;
    const children = container().children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + t;
    else children.push(t);
  };
  let from = 0;
  for (const m of markup.matchAll(TAG)) {
    const kind = classify(m[2] as string, m[3] ?? '');
    if (!kind) continue;
    text(decodeEntities(markup.slice(from, m.index)));
    from = m.index + m[0].length;
    const name = localName(m[2] as string);
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/' || VOID_TAGS.has(name);
    if (kind.kind === 'block') text(' ');
    if (closing) {
      // Closes the innermost open element of that name, and any opened inside it; a stray closing tag is dropped.
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!selfClosing) {
      if (kind.kind === 'style') {
        const span: InlineSpan = { style: kind.style, children: [] };
        container().children.push(span);
        open.push({ name, span });
      } else {
        open.push({ name });
      }
    }
  }
  text(decodeEntities(markup.slice(from)));
  return root.children;
}

export interface RichText {
  /** The normal-form plain text. */
  text: string;
  /** The normal-form inline nodes, only when some span survives normalisation. */
  inline?: Inline[];
}

/** Rich text to its plain text and (when it carries any allowed markup) inline nodes, both in normal form. */
export function richText(markup: string, tally?: TextTally): RichText {
  // No tag and no reference (the common case): the text is its own plain text, and there is no span.
  if (!markup.includes('<') && !markup.includes('&')) return { text: normalizeText(markup, tally) };
  const inline = normalizeInline(parseInline(markup), tally);
  const text = normalizeText(inlinePlainText(inline));
  return hasMarkup(inline) ? { text, inline } : { text };
}

/** Rich text to normal-form plain text: tags recognised and dropped, entities decoded, any other `<` kept. */
export function plainText(markup: string, tally?: TextTally): string {
  return richText(markup, tally).text;
}

const SECTION = /<(?:jats:)?sec\b[^>]*>([\s\S]*?)<\/(?:jats:)?sec>/gi;
const TITLE = /<(?:jats:)?title\b[^>]*>([\s\S]*?)<\/(?:jats:)?title>/i;
const LEADING_ABSTRACT_TITLE = /^\s*(?:<(?:jats:)?p\b[^>]*>\s*)?<(?:jats:)?title\b[^>]*>\s*abstract\s*<\/(?:jats:)?title>/i;

function sectionOf(heading: string | undefined, body: string, tally?: TextTally): AbstractSection | undefined {
  const rich = richText(body, tally);
  if (rich.text === '') return undefined;
  return { ...(heading ? { heading } : {}), text: rich.text, ...(rich.inline ? { inline: rich.inline } : {}) };
}

/**
 * An abstract as sections: one per `<sec>` with a `<title>` heading when the JATS is structured,
 * otherwise one unheaded section. A lone leading "Abstract" title is dropped.
 */
export function abstractSections(markup: string, tally?: TextTally): AbstractSection[] {
  const sections: AbstractSection[] = [];
  for (const match of markup.matchAll(SECTION)) {
    const body = match[1] ?? '';
    const title = TITLE.exec(body);
    const heading = title ? plainText(title[1] ?? '', tally) : undefined;
    const section = sectionOf(heading, title ? body.replace(TITLE, ' ') : body, tally);
    if (section) sections.push(section);
  }
  if (sections.length > 0) return sections;
  const section = sectionOf(undefined, markup.replace(LEADING_ABSTRACT_TITLE, ' '), tally);
  return section ? [section] : [];
}
