// A plain but correct HTML page for a record: title, authors, journal line, DOI, abstract and links to every other format.
import type { Agent, Record } from '../model/record.js';
import { doiIri } from '../rdf/iris.js';
import type { Format, SerializeInput } from './format.js';
import { html, page } from './html-safe.js';

function agentName(a: Agent): string {
  return a.kind === 'organization' ? a.name : [a.given, a.family].filter(Boolean).join(' ');
}

function journalLine(r: Record): string {
  const c = r.container;
  const parts: string[] = [];
  if (c?.title) parts.push(c.title);
  if (r.date) parts.push(r.date);
  if (c?.volume) parts.push(`vol. ${c.volume}`);
  if (c?.issue) parts.push(`no. ${c.issue}`);
  if (r.locator?.kind === 'pages') parts.push(r.locator.last && r.locator.last !== r.locator.first ? `pp. ${r.locator.first}–${r.locator.last}` : `p. ${r.locator.first}`);
  if (r.locator?.kind === 'article-number') parts.push(`article ${r.locator.value}`);
  return parts.join(', ');
}

/** The page; `formats` are the ones linked at the bottom (every format but HTML itself). */
export function writePlainHtml(input: SerializeInput, formats: readonly Format[]): string {
  const { record: r, iri, id } = input;
  const title = r.title ?? id;
  const lang = r.language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(r.language) ? r.language : 'en';
  const body = html`<main>
<article>
<h1>${title}</h1>
${r.authors.length ? html`<p>${r.authors.map(agentName).join(', ')}</p>` : ''}
${journalLine(r) ? html`<p><cite>${journalLine(r)}</cite></p>` : ''}
${r.doi ? html`<p>DOI: <a href="${doiIri(r.doi)}">${r.doi}</a></p>` : ''}
${r.abstract?.length ? html`<section>
<h2>Abstract</h2>
${r.abstract.map((s) => html`<p>${s.heading ? html`<strong>${s.heading}:</strong> ` : ''}${s.text}</p>`)}
</section>` : ''}
<section>
<h2>This record in other formats</h2>
<ul>
${formats.filter((f) => f.kind !== 'html').map((f) => html`<li><a href="${iri}.${f.extension}" type="${f.mediaType}">${f.label}</a> (${f.mediaType})</li>`)}
</ul>
<p>Record URI: <a href="${iri}">${iri}</a></p>
</section>
</article>
</main>`;
  return page(title, body, lang);
}
