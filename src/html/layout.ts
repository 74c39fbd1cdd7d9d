// The shared page shell: doctype, head essentials, the inline stylesheet, and the header/main/footer landmarks.
import { html, raw, type SafeHtml } from './escape.js';
import { STYLESHEET } from './style.js';

export interface LayoutOptions {
  /** BCP 47 tag for `<html lang>`. */
  lang: string;
  title: string;
  description?: string;
  /** Extra `<head>` elements: meta tags, links, the JSON-LD block. */
  head?: SafeHtml;
  main: SafeHtml;
  /** The site root, for the header's home link ("/" when not given). */
  home?: string;
  siteName?: string;
  /** Marks the header's "All records" link as the current page (on the index). */
  isHome?: boolean;
}

export const DEFAULT_SITE_NAME = 'ldpub';

/** A whole document. The body needs no script and the head loads nothing: the favicon is an empty data: URL. */
export function layout(options: LayoutOptions): string {
  const home = options.home ?? '/';
  const site = options.siteName ?? DEFAULT_SITE_NAME;
  // The page speaks the record's language; the site's own English chrome says so, for screen readers.
  const chrome = options.lang === 'en' || options.lang.startsWith('en-') ? '' : html` lang="en"`;
  const page = html`<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ''}
<link rel="icon" href="data:,">
<style>${raw(STYLESHEET)}</style>
${options.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"${chrome}>
<div class="wrap">
<a class="brand" href="${home}">${site}</a>
<nav aria-label="Site">
<ul>
<li><a href="${home}"${options.isHome ? html` aria-current="page"` : ''}>All records</a></li>
<li><a href="${`${trimSlash(home)}/#machines`}">Dataset description</a></li>
<li><a href="${`${trimSlash(home)}/oai?verb=Identify`}">OAI-PMH</a></li>
</ul>
</nav>
</div>
</header>
<main id="main">
<div class="wrap">
${options.main}
</div>
</main>
<footer class="site"${chrome}>
<div class="wrap">
<p>Published by ${site} as linked data: every page is also available as RDF (Turtle, JSON-LD, N-Triples, RDF/XML).</p>
</div>
</footer>
</body>
</html>
`;
  return page.value;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
