// HTML bodies for 404, 406 and other errors: what went wrong and, for 406, the representations there are.
import { STATUS_CODES } from 'node:http';
import { html } from './escape.js';
import { layout } from './layout.js';
import type { FormatLink } from './page-context.js';

export interface ErrorPageOptions {
  /** The site root, for the header's links ("/" when not given). */
  home?: string;
  siteName?: string;
}

export function renderErrorPage(status: number, message: string, alternatives: readonly FormatLink[] = [], options: ErrorPageOptions = {}): string {
  const reason = STATUS_CODES[status] ?? 'Error';
  const list = alternatives.length
    ? html`<h2>Available representations</h2>
<ul class="links">
${alternatives.map((a) => html`<li><a href="${a.url}" type="${a.mediaType}">${a.label}</a> <span class="type">${a.mediaType}</span></li>\n`)}</ul>\n`
    : '';
  const home = options.home ?? '/';
  const main = html`<h1>${status} ${reason}</h1>
<p>${message}</p>
${list}<p><a href="${home}">Browse all records</a></p>`;
  return layout({ lang: 'en', title: `${status} ${reason}`, main, home, ...(options.siteName ? { siteName: options.siteName } : {}) });
}
