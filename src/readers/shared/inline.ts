// Inline markup of XML titles and abstracts (Crossref face markup, JATS) as the Record's Inline[], with the plain text.
import type { AbstractSection, Inline, InlineStyle } from '../../model/record.js';
import type { XmlElement, XmlNode } from './xml.js';
import { kids, parseXml } from './xml.js';
import { lookupTable } from '../../model/lookup.js';

/** Crossref face markup and JATS element names, and the style each stands for. */
const STYLES: { [local: string]: InlineStyle } = lookupTable({
  i: 'i',
  italic: 'i',
  em: 'i',
  b: 'b',
  bold: 'b',
  strong: 'b',
  sub: 'sub',
  sup: 'sup',
  sc: 'sc',
  scp: 'sc',
  'small-caps': 'sc',
});

export interface MarkedText {
  text: string;
  /** Present only when something in the source was marked up. */
  inline?: Inline[];
}

/** White space collapsed, and none before closing punctuation (pretty-printed XML puts a line break before ". To"). */
function collapse(s: string): string {
  return tidy(s.replace(/\s+/g, ' '));
}

function tidy(s: string): string {
  return s.replace(/\s+([.,;:!?)\]])/g, '$1').replace(/([(\[])\s+/g, '$1');
}

function toInline(nodes: readonly XmlNode[], marked: { any: boolean }): Inline[] {
  const out: Inline[] = [];
  const push = (item: Inline) => {
    const last = out[out.length - 1];
    if (typeof item === 'string' && typeof last === 'string') out[out.length - 1] = last + item;
    else out.push(item);
  };
  for (const n of nodes) {
    if (typeof n === 'string') push(collapse(n));
    else if (STYLES[n.local]) {
      marked.any = true;
      push({ style: STYLES[n.local]!, children: toInline(n.children, marked) });
    } else for (const c of toInline(n.children, marked)) push(c);
  }
  return out;
}

function plainOf(items: readonly Inline[]): string {
  return items.map((i) => (typeof i === 'string' ? i : plainOf(i.children))).join('');
}

/** Trims white space at both ends of an Inline list, descending into spans at the edges. */
function trimInline(items: Inline[]): Inline[] {
  const out = [...items];
  const trimEdge = (i: number, side: 'start' | 'end') => {
    const item = out[i];
    if (item === undefined) return;
    if (typeof item === 'string') out[i] = side === 'start' ? item.trimStart() : item.trimEnd();
    else out[i] = { style: item.style, children: trimInline(item.children) };
  };
  trimEdge(0, 'start');
  trimEdge(out.length - 1, 'end');
  return out.filter((i) => i !== '');
}

const ESCAPED_TAG = /<\/?(?:i|b|em|strong|sub|sup|sc|scp|italic|bold|u)>/i;

/** The element's content as plain text and, when marked up, as Inline[]. */
export function markedText(el: XmlElement | undefined): MarkedText {
  if (!el) return { text: '' };
  const marked = markedNodes(el.children);
  // Some deposits escape their face markup twice ("&amp;lt;sup&amp;gt;13"): it reaches the text as "<sup>13".
  const source = ESCAPED_TAG.test(marked.text)
    ? marked.text
    : ESCAPED_TAG.test(marked.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
      ? marked.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
      : undefined;
  if (!marked.inline && source !== undefined) {
    try {
      const fragment = parseXml(`<x>${source.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi, '&amp;')}</x>`);
      if (fragment) return markedNodes(fragment.children);
    } catch {
      // Not a fragment after all: the text stays as it is.
    }
  }
  return marked;
}

export function markedNodes(nodes: readonly XmlNode[]): MarkedText {
  const marked = { any: false };
  const inline = trimInline(toInline(nodes, marked));
  const text = tidy(plainOf(inline).replace(/\s+/g, ' ')).trim();
  return marked.any ? { text, inline } : { text };
}

/** Joins "Title" and "subtitle" as "Title: subtitle", for the plain text and the marked text alike. */
export function joinTitle(title: MarkedText, subtitle: MarkedText | undefined): MarkedText {
  if (!subtitle || !subtitle.text) return title;
  const sep = /[:?!.]$/.test(title.text) ? ' ' : ': ';
  const text = `${title.text}${sep}${subtitle.text}`;
  if (!title.inline && !subtitle.inline) return { text };
  return { text, inline: [...(title.inline ?? [title.text]), sep, ...(subtitle.inline ?? [subtitle.text])] };
}

/**
 * A JATS abstract as sections: each `<sec>` with a `<title>` becomes a headed section; paragraphs outside sections
 * form one unheaded section. A lone leading "Abstract" title is dropped.
 */
export function jatsAbstract(el: XmlElement): AbstractSection[] {
  const sections: AbstractSection[] = [];
  const body: XmlNode[] = [];
  const flush = (heading?: string) => {
    const t = markedNodes(spaced(body));
    body.length = 0;
    if (t.text) sections.push({ ...(heading ? { heading } : {}), text: t.text, ...(t.inline ? { inline: t.inline } : {}) });
  };
  for (const c of el.children) {
    if (typeof c !== 'string' && c.local === 'sec') {
      flush();
      const title = kids(c, 'title')[0];
      const heading = title ? markedNodes(title.children).text : undefined;
      body.push(...c.children.filter((n) => n !== title));
      flush(heading);
    } else if (typeof c !== 'string' && c.local === 'title') {
      const t = markedNodes(c.children).text;
      if (!/^abstract$/i.test(t)) body.push(t, ' ');
    } else body.push(c);
  }
  flush();
  return sections;
}

/** Block children (paragraphs, list items) separated by a space so their words do not run together. */
function spaced(nodes: readonly XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of nodes) {
    if (typeof n !== 'string' && !STYLES[n.local] && BLOCKS.has(n.local)) out.push(' ', { ...n, children: spaced(n.children) }, ' ');
    else out.push(n);
  }
  return out;
}

const BLOCKS = new Set(['p', 'list', 'list-item', 'sec', 'title', 'disp-quote', 'def-list', 'def-item', 'term', 'def']);
