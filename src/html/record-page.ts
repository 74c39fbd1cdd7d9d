// The landing page of one record: readable for people, fully described for search engines, inert whatever the data holds.
import type { SerializeInput } from '../formats/format.js';
import { toJsonLdObject, withSchemaOrgContext, type JsonLdDocument } from '../formats/jsonld.js';
import type { Agent, ContributorRole, Funding, Organization, Record } from '../model/record.js';
import { displayName } from '../model/text.js';
import { doiIri } from '../rdf/iris.js';
import { plainCitation } from './citation.js';
import { html, join, jsonLdScript, raw, safeUrl, type SafeHtml } from './escape.js';
import { DEFAULT_SITE_NAME, layout } from './layout.js';
import { inlineHtml } from './inline.js';
import { dublinCoreTags, highwireTags, openGraphTags, type MetaTag } from './meta.js';
import type { CitationLink, RecordPageContext, TypedLink } from './page-context.js';
import { displayDate, isIsoDate, journalParts, languageName, languageTag, recordLang, summary } from './record-text.js';

/** The record page. Async only because the JSON-LD block is framed by jsonld.js. */
export async function renderRecordPage(input: SerializeInput, page: RecordPageContext): Promise<string> {
  const jsonLd = withSchemaOrgContext(await toJsonLdObject(input.quads, input.iri));
  return recordPageHtml(input, page, jsonLd);
}

/** The same page from an already framed JSON-LD document. */
export function recordPageHtml(input: Pick<SerializeInput, 'iri' | 'record'>, page: RecordPageContext, jsonLd: JsonLdDocument): string {
  const { record, iri } = input;
  const siteName = page.siteName ?? DEFAULT_SITE_NAME;
  const title = record.title ?? 'Untitled record';
  return layout({
    // The page speaks the site's language; the record's own language marks only the record's text (recordLang).
    lang: 'en',
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
  const sections = record.abstract.map((s) => html`${s.heading ? html`<h3>${s.heading}</h3>` : ''}<p>${inlineHtml(s.inline, s.text)}</p>\n`);
  return html`<section aria-labelledby="abstract"><h2 id="abstract">Abstract</h2>\n<div${recordLang(record)}>\n${sections}</div>\n</section>\n`;
}

/** The label of a contributor role, singular and plural. */
const ROLE_LABELS: { readonly [role in ContributorRole]?: readonly [string, string] } = {
  editor: ['Editor', 'Editors'],
  translator: ['Translator', 'Translators'],
  supervisor: ['Supervisor', 'Supervisors'],
  illustrator: ['Illustrator', 'Illustrators'],
  compiler: ['Compiler', 'Compilers'],
  'degree-grantor': ['Degree granted by', 'Degree granted by'],
  sponsor: ['Sponsor', 'Sponsors'],
};

function organization(org: Organization): SafeHtml {
  const link = org.ror ?? org.iri;
  return link && /^https?:/i.test(link) ? html`<a href="${link}">${org.name}</a>` : html`${org.name}`;
}

/** Contributors grouped by role, in the order of their first appearance: "Editors: A; B". */
function contributorRows(record: Record, row: (term: string, value: SafeHtml) => void): void {
  const groups = new Map<string, Agent[]>();
  for (const c of record.contributors) {
    const role = c.role ?? 'contributor';
    const key = ROLE_LABELS[role] ? role : 'contributor';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [role, agents] of groups) {
    const [one, many] = ROLE_LABELS[role as ContributorRole] ?? ['Contributor', 'Contributors'];
    const names = agents.map((a) => (role === 'contributor' && a.role && a.role !== 'contributor' ? html`${author(a)} (${a.role.replace(/-/g, ' ')})` : author(a)));
    row(agents.length > 1 ? many : one, join(names, '; '));
  }
}

/** "CC BY 4.0" for a Creative Commons licence URL, the URL itself otherwise. */
export function licenceLabel(iri: string): string {
  const cc = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/i.exec(iri);
  if (cc) return `CC ${cc[2]?.toUpperCase()} ${cc[3]}`;
  return iri;
}

function funding(f: Funding): SafeHtml {
  const award = f.awardNumber ? (f.awardUri && /^https?:/i.test(f.awardUri) ? html`<a href="${f.awardUri}">${f.awardNumber}</a>` : html`${f.awardNumber}`) : '';
  return html`<li>${organization(f.funder)}${award ? html`, award ${award}` : ''}${f.awardTitle ? html`: ${f.awardTitle}` : ''}</li>`;
}

function affiliations(record: Record): SafeHtml | undefined {
  const people = record.authors.filter((a) => a.kind === 'person' && a.affiliations?.length);
  if (!people.length) return undefined;
  return html`<ul class="affiliations">${people.map(
    (a) => html`<li>${displayName(a)}: ${join((a.kind === 'person' ? (a.affiliations ?? []) : []).map(organization), '; ')}</li>`,
  )}</ul>`;
}

function facts(record: Record): SafeHtml {
  const rows: SafeHtml[] = [];
  const row = (term: string, value: SafeHtml | string) => rows.push(html`<dt>${term}</dt><dd>${value}</dd>\n`);
  contributorRows(record, row);
  const affiliated = affiliations(record);
  if (affiliated) row('Affiliations', affiliated);
  if (record.institution) row('Institution', organization(record.institution));
  if (record.container?.issns.length) row(record.container.issns.length > 1 ? 'ISSNs' : 'ISSN', record.container.issns.join(', '));
  const isbns = record.isbns.length ? record.isbns : (record.container?.isbns ?? []);
  if (isbns.length) row(isbns.length > 1 ? 'ISBNs' : 'ISBN', isbns.join(', '));
  if (record.publisher || record.publisherPlace) row('Publisher', [record.publisher, record.publisherPlace].filter(Boolean).join(', '));
  if (record.edition) row('Edition', record.edition);
  if (record.version) row('Version', record.version);
  if (record.series) row('Series', [record.series.title, record.series.number].filter(Boolean).join('; '));
  if (record.language) {
    // The language's name is an English word on an English page: no lang attribute of its own.
    const tag = languageTag(record.language);
    row('Language', tag ? languageName(tag) : record.language);
  }
  if (record.license) {
    const href = safeUrl(record.license);
    row('Licence', href === '#' ? record.license : html`<a rel="license" href="${record.license}">${licenceLabel(record.license)}</a>`);
  }
  if (record.rights) row('Rights', record.rights);
  if (record.funding.length) row('Funding', html`<ul class="funding">${record.funding.map(funding)}</ul>`);
  if (record.subjects.length) row('Subjects', html`<ul class="subjects"${recordLang(record)}>${record.subjects.map((s) => html`<li>${s}</li>`)}</ul>`);
  return rows.length ? html`<dl class="facts">\n${rows}</dl>\n` : html``;
}

function citeThis(record: Record, page: RecordPageContext): SafeHtml {
  const link = (c: CitationLink) => html`<a href="${c.url}"${c.mediaType ? html` type="${c.mediaType}"` : ''}>${c.label}</a>`;
  const styles = page.citationStyles?.length ? html`<p class="styles">In other styles: ${join(page.citationStyles.map(link), ' · ')}</p>\n` : '';
  const downloads = page.citations?.length
    ? html`<p class="downloads">Download the reference: ${join(page.citations.map(link), ' · ')}</p>\n`
    : '';
  return html`<section aria-labelledby="cite"><h2 id="cite">Cite this</h2>
${page.citation ? html`<p class="style">${page.citation.style}</p>\n` : ''}<p class="citation">${page.citation?.text ?? plainCitation(record)}</p>
${styles}${downloads}</section>\n`;
}

function formatsSection(page: RecordPageContext): SafeHtml {
  const items = page.formats.map(
    (f) => html`<li><a href="${f.url}" type="${f.mediaType}">${f.label}</a> <span class="type">${f.mediaType}</span></li>\n`,
  );
  return html`<section class="formats" aria-labelledby="formats"><h2 id="formats">This record as data</h2>
<ul class="links">
${items}<li><a href="${page.validationUrl}">Validation report</a> <span class="type">SHACL</span></li>
</ul>
</section>\n`;
}

/** The text with a line-break opportunity (`<wbr>`) after each slash: a DOI wraps only there, never mid-number. */
function breakAfterSlashes(text: string): SafeHtml {
  return join(text.split('/').map((part, i, all) => (i < all.length - 1 ? html`${part}/` : html`${part}`)), raw('<wbr>'));
}

function body(record: Record, iri: string, page: RecordPageContext): SafeHtml {
  const doi = record.doi
    ? html`<p class="doi">DOI: <a href="${doiIri(record.doi)}">${breakAfterSlashes(`https://doi.org/${record.doi}`)}</a></p>\n`
    : '';
  return html`<article>
<p class="kicker">${record.genre ?? 'Record'}</p>
<h1${recordLang(record)}>${record.title ? inlineHtml(record.titleInline, record.title) : 'Untitled record'}</h1>
${record.authors.length ? html`<p class="authors">${join(record.authors.map(author), ', ')}</p>\n` : ''}${journalLine(record)}
${doi}${facts(record)}${abstractSection(record)}${citeThis(record, page)}${formatsSection(page)}<p class="type">Record URI: <a href="${iri}">${iri}</a></p>
</article>`;
}
