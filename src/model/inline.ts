// Pure helpers on inline-marked text (the Record's `titleInline` and abstract `inline`): plain text, equality,
// and the normal form (docs/text.md). No parsing and no HTML here: readers parse, src/html/inline.ts renders.
import type { Inline, InlineSpan, InlineStyle } from './record.js';
import { cleanText, collapseSpaces, type TextTally } from './text.js';

export const INLINE_STYLES: readonly InlineStyle[] = ['i', 'b', 'sub', 'sup', 'sc'];

/** The text of inline nodes, markup dropped. */
export function inlinePlainText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) out += typeof node === 'string' ? node : inlinePlainText(node.children);
  return out;
}

/** True when the nodes carry any span, that is, when they say more than their plain text. */
export function hasMarkup(nodes: readonly Inline[]): boolean {
  return nodes.some((n) => typeof n !== 'string');
}

/**
 * The normal form of inline nodes: each text node cleaned (lone surrogates and control characters dropped, NFC),
 * white space collapsed to one space across node boundaries and trimmed at both ends, empty nodes and spans removed,
 * adjacent text nodes merged. `inlinePlainText` of the result is the normal form of the plain text, but for
 * combining marks split across a span boundary.
 */
export function normalizeInline(nodes: readonly Inline[], tally?: TextTally): Inline[] {
  const state = { spaceBefore: true };
  const cleaned = clean(nodes, tally, state);
  trimEnd(cleaned);
  return prune(cleaned);
}

function clean(nodes: readonly Inline[], tally: TextTally | undefined, state: { spaceBefore: boolean }): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      let text = collapseSpaces(cleanText(node, tally));
      if (state.spaceBefore && text.startsWith(' ')) text = text.slice(1);
      if (text !== '') state.spaceBefore = text.endsWith(' ');
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + text;
      else out.push(text);
    } else {
      out.push({ style: node.style, children: clean(node.children, tally, state) });
    }
  }
  return out;
}

/** Removes the trailing space of the last text leaf (recursively into the last span). */
function trimEnd(nodes: Inline[]): boolean {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as Inline;
    if (typeof node === 'string') {
      const t = node.endsWith(' ') ? node.slice(0, -1) : node;
      nodes[i] = t;
      if (t !== '') return true;
    } else if (trimEnd(node.children)) return true;
  }
  return false;
}

function prune(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      if (node === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + node;
      else out.push(node);
    } else {
      const children = prune(node.children);
      if (children.length > 0) out.push({ style: node.style, children } satisfies InlineSpan);
    }
  }
  return out;
}

const CSL_OPEN: { readonly [style in InlineStyle]: string } = {
  i: '<i>',
  b: '<b>',
  sub: '<sub>',
  sup: '<sup>',
  sc: '<span style="font-variant:small-caps;">',
};
const CSL_CLOSE: { readonly [style in InlineStyle]: string } = { i: '</i>', b: '</b>', sub: '</sub>', sup: '</sup>', sc: '</span>' };

/**
 * Inline nodes as CSL rich text (the markup CSL-JSON titles carry and citeproc-js formats). Text nodes are written
 * as they are: citeproc-js decodes no character reference, so a `<` stays a `<`, and only its own tags are markup.
 */
export function inlineToCslRichText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    out += typeof node === 'string' ? node : `${CSL_OPEN[node.style]}${inlineToCslRichText(node.children)}${CSL_CLOSE[node.style]}`;
  }
  return out;
}
