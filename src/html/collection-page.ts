// The HTML form of one page of the paged collection (/records?page=N), on the shared layout and escaping template.
import { html, join } from './escape.js';
import { layout } from './layout.js';

export interface CollectionPageView {
  page: number;
  pages: number;
  totalItems: number;
  /** This page's URL, to which `&format=` is added for the RDF alternates. */
  view: string;
  first?: string;
  previous?: string;
  next?: string;
  last?: string;
  members: readonly { iri: string; name?: string }[];
  /** The site root. */
  home: string;
}

export function renderCollectionPage(p: CollectionPageView): string {
  const link = (href: string | undefined, label: string, rel: string) =>
    href ? html`<a rel="${rel}" href="${href}">${label}</a>` : html`<span>${label}</span>`;
  const nav = join(
    [link(p.first, 'First', 'first'), link(p.previous, 'Previous', 'prev'), link(p.next, 'Next', 'next'), link(p.last, 'Last', 'last')],
    ' · ',
  );
  return layout({
    lang: 'en',
    title: `Records, page ${p.page} of ${p.pages}`,
    home: p.home,
    head: html`<link rel="alternate" type="application/ld+json" href="${`${p.view}&format=jsonld`}">
<link rel="alternate" type="text/turtle" href="${`${p.view}&format=ttl`}">`,
    main: html`<h1>Records</h1>
<p>${p.totalItems} records; page ${p.page} of ${p.pages}.</p>
<ul>
${p.members.map((m) => html`<li><a href="${m.iri}">${m.name ?? m.iri}</a></li>\n`)}</ul>
<nav aria-label="Pages">${nav}</nav>`,
  });
}
