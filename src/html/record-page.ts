// The landing page of one record: readable for people, fully described for search engines, inert whatever the data holds.
import type { SerializeInput } from '../formats/format.js';
import { toJsonLdObject, withSchemaOrgContext, type JsonLdDocument } from '../formats/jsonld.js';
import type { Agent, Record } from '../model/record.js';
import { displayName } from '../model/text.js';
import { doiIri } from '../rdf/iris.js';
import { plainCitation } from './citation.js';
import { html, join, jsonLdScript, type SafeHtml } from './escape.js';
import { DEFAULT_SITE_NAME, layout } from './layout.js';
import { dublinCoreTags, highwireTags, openGraphTags, type MetaTag } from './meta.js';
import type { CitationLink, RecordPageContext, TypedLink } from './page-context.js';
import { displayDate, isIsoDate, journalParts, languageName, languageTag, pageLanguage, summary } from './record-text.js';

/** The record page. Its JSON-LD block is the record's JSON-LD object, shared with the .jsonld format through `input.memo`. */
export async function renderRecordPage(input: SerializeInput, page: RecordPageContext): Promise<string> {
  const jsonLd = withSchemaOrgContext(toJsonLdObject(input.quads, input.iri, input.memo));
  return recordPageHtml(input, page, jsonLd);
}

/** The same page from an already framed JSON-LD document. */
export function recordPageHtml(input: Pick<SerializeInput, 'iri' | 'record'>, page: RecordPageContext, jsonLd: JsonLdDocument): string {
  const { record, iri } = input;
  const siteName = page.siteName ?? DEFAULT_SITE_NAME;
  const title = record.title ?? 'Untitled record';
  return layout({
    lang: pageLanguage(record),
    title,
    description: summary(record, 200),
    head: head(record, iri, page, siteName, jsonLd),
    main: body(record, iri, page),
    ...(page.home ? { home: page.home } : {}),
    siteName,
  });
}

function metaTags(tags: readonly MetaTag[]): SafeHtml[] {
  return tags.map((t) =>
    t.property ? html`<meta property="${t.property}" content="${t.content}">\n` : html`<meta name="${t.name}" content="${t.content}">\n`,
  );
}

function linkTag(l: TypedLink): SafeHtml {
  return html`<link rel="${l.rel}" href="${l.href}"${l.type ? html` type="${l.type}"` : ''}>\n`;
}

function head(record: Record, iri: string, page: RecordPageContext, siteName: string, jsonLd: JsonLdDocument): SafeHtml {
  const alternates: TypedLink[] = [...page.formats, ...(page.citations ?? [])].map((f) => ({
    rel: 'alternate',
    href: f.url,
    ...(f.mediaType ? { type: f.mediaType } : {}),
  }));
  const seen = new Set(alternates.map((l) => `${l.href} ${l.type ?? ''}`));
  const signposts = page.linkHeaderLinks.filter((l) => !(l.rel === 'alternate' && seen.has(`${l.href} ${l.type ?? ''}`)));
  return html`<link rel="canonical" href="${iri}">
${metaTags(highwireTags(record, iri))}<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">
${metaTags(dublinCoreTags(record, iri))}${metaTags(openGraphTags(record, iri, siteName))}${alternates.map(linkTag)}${signposts.map(linkTag)}${jsonLdScript(jsonLd)}`;
}

function author(agent: Agent): SafeHtml {
  const orcid =
    agent.kind === 'person' && agent.orcid
      ? html` <a class="orcid" href="${`https://orcid.org/${agent.orcid}`}" aria-label="${`ORCID iD of ${displayName(agent)}`}">ORCID</a>`
      : '';
  return html`<span class="author">${displayName(agent)}${orcid}</span>`;
}

function journalLine(record: Record): SafeHtml | '' {
  const bits: SafeHtml[] = [];
  if (record.container?.title) bits.push(html`<cite>${record.container.title}</cite>`);
  for (const part of journalParts(record)) bits.push(html`${part}`);
  if (record.date) bits.push(isIsoDate(record.date) ? html`<time datetime="${record.date}">${displayDate(record.date)}</time>` : html`${record.date}`);
  return bits.length ? html`<p class="journal">${join(bits, ' · ')}</p>` : '';
}

function abstractSection(record: Record): SafeHtml | '' {
  if (!record.abstract?.length) return '';
  const sections = record.abstract.map((s) => html`${s.heading ? html`<h3>${s.heading}</h3>` : ''}<p>${s.text}</p>\n`);
  return html`<section aria-labelledby="abstract"><h2 id="abstract">Abstract</h2>\n${sections}</section>\n`;
}

function facts(record: Record): SafeHtml {
  const rows: SafeHtml[] = [];
  const row = (term: string, value: SafeHtml | string) => rows.push(html`<dt>${term}</dt><dd>${value}</dd>\n`);
  if (record.container?.issns.length) row(record.container.issns.length > 1 ? 'ISSNs' : 'ISSN', record.container.issns.join(', '));
  if (record.isbns.length) row(record.isbns.length > 1 ? 'ISBNs' : 'ISBN', record.isbns.join(', '));
  if (record.publisher) row('Publisher', record.publisher);
  if (record.language) {
    const tag = languageTag(record.language);
    row('Language', tag ? html`<span lang="${tag}">${languageName(tag)}</span>` : record.language);
  }
  if (record.contributors.length) row('Contributors', record.contributors.map(displayName).join('; '));
  if (record.subjects.length) row('Subjects', html`<ul class="subjects">${record.subjects.map((s) => html`<li>${s}</li>`)}</ul>`);
  return rows.length ? html`<dl class="facts">\n${rows}</dl>\n` : html``;
}

function citeThis(record: Record, page: RecordPageContext): SafeHtml {
  const link = (c: CitationLink) => html`<a href="${c.url}"${c.mediaType ? html` type="${c.mediaType}"` : ''}>${c.label}</a>`;
  const styles = page.citationStyles?.length ? html`<p>In other styles: ${join(page.citationStyles.map(link), ' · ')}</p>\n` : '';
  const downloads = page.citations?.length
    ? html`<p>Download the reference: ${join(page.citations.map(link), ' · ')}</p>\n`
    : '';
  return html`<section aria-labelledby="cite"><h2 id="cite">Cite this</h2>
${page.citation ? html`<p class="style">${page.citation.style}</p>\n` : ''}<p class="citation">${page.citation?.text ?? plainCitation(record)}</p>
${styles}${downloads}</section>\n`;
}

function formatsSection(page: RecordPageContext): SafeHtml {
  const items = page.formats.map(
    (f) => html`<li><a href="${f.url}" type="${f.mediaType}">${f.label}</a> <span class="type">${f.mediaType}</span></li>\n`,
  );
  return html`<section aria-labelledby="formats"><h2 id="formats">This record as data</h2>
<ul class="links">
${items}<li><a href="${page.validationUrl}">Validation report</a> <span class="type">SHACL</span></li>
</ul>
</section>\n`;
}

function body(record: Record, iri: string, page: RecordPageContext): SafeHtml {
  const doi = record.doi
    ? html`<p class="doi">DOI: <a href="${doiIri(record.doi)}">${`https://doi.org/${record.doi}`}</a></p>\n`
    : '';
  return html`<article>
<p class="kicker">${record.genre ?? 'Record'}</p>
<h1>${record.title ?? 'Untitled record'}</h1>
${record.authors.length ? html`<p class="authors">${join(record.authors.map(author), ', ')}</p>\n` : ''}${journalLine(record)}
${doi}${facts(record)}${abstractSection(record)}${citeThis(record, page)}${formatsSection(page)}<p class="type">Record URI: <a href="${iri}">${iri}</a></p>
</article>`;
}
