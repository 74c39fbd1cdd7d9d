// Builds a CSL-JSON item from a Record: the one mapping behind the CSL-JSON, BibTeX, RIS and formatted-citation outputs.
import type { Agent, Record } from '../model/record.js';
import { inlineToCslRichText } from '../model/inline.js';
import { abstractText } from '../model/text.js';
import { cslDateOf } from '../readers/shared/csl-dates.js';
import { CSL_ROLE_OF, CSL_TYPE_OF, isbnsOf, issuingInstitution, NON_NAME_ROLES, reportNumber } from './work-types.js';
import { lookupTable } from '../model/lookup.js';

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

export interface CitationContext {
  /** The record id, used as the CSL id and the BibTeX key. */
  id: string;
  /** The record's URI on this server. */
  uri: string;
}

export type CslJsonItem = { [key: string]: unknown };

function cslName(agent: Agent): CslJsonItem {
  if (agent.kind === 'organization') return { literal: agent.name };
  return {
    family: agent.family,
    ...(agent.given ? { given: agent.given } : {}),
    ...(agent.suffix ? { suffix: agent.suffix } : {}),
    ...(agent.orcid ? { ORCID: `https://orcid.org/${agent.orcid}` } : {}),
  };
}

/** Identifier schemes that have a CSL variable of their own. */
const CSL_IDENTIFIERS: { readonly [scheme: string]: string } = lookupTable({ pmid: 'PMID', pmcid: 'PMCID' });

/**
 * A CSL-JSON item for the record. An article number goes to both `number` (its CSL home, where APA and IEEE look)
 * and `page` (where Zotero and older consumers look); formatCitation passes only the one each style reads.
 * `URL` is the record's own URL, else its URI on this server.
 */
export function toCslJson(record: Record, ctx: CitationContext): CslJsonItem {
  const item: CslJsonItem = { id: ctx.id, type: CSL_TYPE_OF[record.type] };
  // The title's inline markup as CSL rich text, so that the HTML citation renders what the page renders.
  if (record.title) item.title = record.titleInline ? inlineToCslRichText(record.titleInline) : record.title;
  if (record.authors.length > 0) item.author = record.authors.map(cslName);
  for (const agent of record.contributors) {
    const role = agent.role ?? 'contributor';
    if (NON_NAME_ROLES.has(role)) continue;
    const variable = CSL_ROLE_OF[role] ?? 'contributor';
    ((item[variable] ??= []) as CslJsonItem[]).push(cslName(agent));
  }
  const c = record.container;
  if (c?.title) item['container-title'] = c.title;
  if (c && c.issns.length > 0) item.ISSN = c.issns.join(', ');
  if (c?.volume) item.volume = c.volume;
  if (c?.issue) item.issue = c.issue;
  const loc = record.locator;
  if (loc?.kind === 'pages') item.page = loc.last && loc.last !== loc.first ? `${loc.first}-${loc.last}` : loc.first;
  if (loc?.kind === 'article-number') {
    item.number = loc.value;
    item.page = loc.value;
  }
  const report = reportNumber(record);
  if (report && record.type === 'report') item.number = report;
  if (record.date) item.issued = cslDateOf(record.date);
  // Only a well-formed BCP 47 tag: citeproc looks the value up in plain objects ("valueOf" would break it).
  if (record.language && BCP47.test(record.language)) item.language = record.language;
  if (record.doi) item.DOI = record.doi;
  for (const id of record.identifiers) {
    const variable = CSL_IDENTIFIERS[id.scheme];
    if (variable && item[variable] === undefined) item[variable] = id.value;
  }
  if (record.subjects.length > 0) item.keyword = record.subjects.join(', ');
  if (record.abstract && record.abstract.length > 0) item.abstract = abstractText(record.abstract);
  // CSL calls a thesis's university and a report's issuing body the publisher.
  const publisher = record.publisher ?? (record.type === 'thesis' || record.type === 'report' ? issuingInstitution(record) : undefined);
  if (publisher) item.publisher = publisher;
  if (record.publisherPlace) item['publisher-place'] = record.publisherPlace;
  const isbns = isbnsOf(record);
  if (isbns.length > 0) item.ISBN = isbns.join(', ');
  if (record.edition) item.edition = record.edition;
  if (record.version) item.version = record.version;
  if (record.series?.title) item['collection-title'] = record.series.title;
  if (record.series?.number && !(record.type === 'report' && item.number === record.series.number)) item['collection-number'] = record.series.number;
  if (record.license) item.license = record.license;
  // A catalog's format label ("Report" for an article) is not a CSL genre; theses and reports keep theirs.
  if (record.genre && (record.type === 'thesis' || record.type === 'report')) item.genre = record.genre;
  item.URL = record.url ?? ctx.uri;
  return item;
}
