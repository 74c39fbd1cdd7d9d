// Safe HTML for inline-marked text: the allowed subset only (i, b, sub, sup, small caps), every text node escaped.
// The landing page, the index, the subjects and the HTML citation all render titles and abstracts through here.
import type { Inline, InlineStyle } from '../model/record.js';
import { escapeHtml, raw, type SafeHtml } from './escape.js';

const OPEN: { readonly [style in InlineStyle]: string } = {
  i: '<i>',
  b: '<b>',
  sub: '<sub>',
  sup: '<sup>',
  sc: '<span class="sc">',
};
const CLOSE: { readonly [style in InlineStyle]: string } = { i: '</i>', b: '</b>', sub: '</sub>', sup: '</sup>', sc: '</span>' };

function render(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    out += typeof node === 'string' ? escapeHtml(node) : `${OPEN[node.style]}${render(node.children)}${CLOSE[node.style]}`;
  }
  return out;
}

/** The inline nodes as markup; plain text alone (no nodes) is escaped. Never anything but the five elements above. */
export function inlineHtml(nodes: readonly Inline[] | undefined, plain: string): SafeHtml {
  return raw(nodes && nodes.length > 0 ? render(nodes) : escapeHtml(plain));
}
