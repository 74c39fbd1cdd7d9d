// DataCite XML (metadata kernel 4.6) from a Record: what DOI registration and OAI-PMH `oai_datacite` carry.
// See docs/mapping.md for which Record fields DataCite has no place for.
import type { Agent, ContributorRole, Funding, Identifier, Organization, Record, WorkType } from '../model/record.js';
import { abstractText } from '../model/text.js';
import { CONTRIBUTOR_TYPE } from '../readers/datacite-record.js';
import { containerKind } from '../rdf/work-classes.js';

export const DATACITE_NS = 'http://datacite.org/schema/kernel-4';
export const DATACITE_SCHEMA_LOCATION = 'https://schema.datacite.org/meta/kernel-4/metadata.xsd';

/** WorkType → resourceTypeGeneral (kernel 4.4 and later). A blog post is Text with the resourceType "BlogPosting". */
const GENERAL: { readonly [T in WorkType]: string } = {
  article: 'JournalArticle',
  preprint: 'Preprint',
  'conference-paper': 'ConferencePaper',
  chapter: 'BookChapter',
  book: 'Book',
  report: 'Report',
  thesis: 'Dissertation',
  dataset: 'Dataset',
  review: 'PeerReview',
  software: 'Software',
  'blog-post': 'Text',
  other: 'Other',
};

/** The Record's identifier schemes → relatedIdentifierType (the kernel's controlled list); others are not written. */
const RELATED_TYPES: { [scheme: string]: string } = {
  ark: 'ARK',
  arxiv: 'arXiv',
  bibcode: 'bibcode',
  doi: 'DOI',
  ean13: 'EAN13',
  eissn: 'EISSN',
  handle: 'Handle',
  igsn: 'IGSN',
  isbn: 'ISBN',
  issn: 'ISSN',
  istc: 'ISTC',
  lissn: 'LISSN',
  lsid: 'LSID',
  pmid: 'PMID',
  purl: 'PURL',
  upc: 'UPC',
  url: 'URL',
  urn: 'URN',
  w3id: 'w3id',
  cstr: 'CSTR',
  rrid: 'RRID',
};

/** The kernel's relationType list (4.6); a Record relation of another type is not written. */
const RELATION_TYPES = new Set(
  'IsCitedBy Cites IsSupplementTo IsSupplementedBy IsContinuedBy Continues IsDescribedBy Describes HasMetadata IsMetadataFor HasVersion IsVersionOf IsNewVersionOf IsPreviousVersionOf IsPartOf HasPart IsPublishedIn IsReferencedBy References IsDocumentedBy Documents IsCompiledBy Compiles IsVariantFormOf IsOriginalFormOf IsIdenticalTo IsReviewedBy Reviews IsDerivedFrom IsSourceOf IsRequiredBy Requires IsObsoletedBy Obsoletes Collects IsCollectedBy HasTranslation IsTranslationOf'.split(' '),
);

/** Crossref relation names that differ from DataCite's only by case or wording. */
const RELATION_ALIASES: { [type: string]: string } = { IsReviewOf: 'Reviews', HasReview: 'IsReviewedBy', IsPreprintOf: 'IsPreviousVersionOf', HasPreprint: 'IsNewVersionOf' };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function attrs(a: { [name: string]: string | undefined }): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');
}

function el(name: string, text: string | undefined, a: { [name: string]: string | undefined } = {}): string {
  return text === undefined || text === '' ? '' : `<${name}${attrs(a)}>${esc(text)}</${name}>`;
}

function affiliation(org: Organization): string {
  if (org.ror) return el('affiliation', org.name, { affiliationIdentifier: org.ror, affiliationIdentifierScheme: 'ROR', schemeURI: 'https://ror.org' });
  if (org.iri) return el('affiliation', org.name, { affiliationIdentifier: org.iri, affiliationIdentifierScheme: /isni\.org/.test(org.iri) ? 'ISNI' : /grid\.ac/.test(org.iri) ? 'GRID' : 'Other' });
  return el('affiliation', org.name);
}

/** A creator or contributor: `Family, Given` with its parts, ORCID as a nameIdentifier, affiliations with ROR. */
function agent(a: Agent, tag: 'creator' | 'contributor', indent: string): string {
  const nameTag = tag === 'creator' ? 'creatorName' : 'contributorName';
  const lines: string[] = [];
  const open = tag === 'contributor' ? `<contributor${attrs({ contributorType: CONTRIBUTOR_TYPE[(a.role ?? 'contributor') as ContributorRole] })}>` : '<creator>';
  if (a.kind === 'organization') {
    lines.push(el(nameTag, a.name, { nameType: 'Organizational' }));
    if (a.ror) lines.push(el('nameIdentifier', a.ror, { nameIdentifierScheme: 'ROR', schemeURI: 'https://ror.org' }));
  } else {
    lines.push(el(nameTag, a.given ? `${a.family}, ${a.given}` : a.family, { nameType: 'Personal' }));
    lines.push(el('givenName', a.given));
    lines.push(el('familyName', a.family));
    if (a.orcid) lines.push(el('nameIdentifier', `https://orcid.org/${a.orcid}`, { nameIdentifierScheme: 'ORCID', schemeURI: 'https://orcid.org' }));
    for (const org of a.affiliations ?? []) lines.push(affiliation(org));
  }
  return `${indent}${open}\n${lines.filter(Boolean).map((l) => `${indent}  ${l}`).join('\n')}\n${indent}</${tag}>`;
}

function funderIdentifier(org: Organization): string {
  if (org.ror) return el('funderIdentifier', org.ror, { funderIdentifierType: 'ROR', schemeURI: 'https://ror.org' });
  if (!org.iri) return '';
  if (/10\.13039\//.test(org.iri)) return el('funderIdentifier', org.iri, { funderIdentifierType: 'Crossref Funder ID', schemeURI: 'https://doi.org' });
  if (/isni\.org/.test(org.iri)) return el('funderIdentifier', org.iri, { funderIdentifierType: 'ISNI', schemeURI: 'http://www.isni.org/isni/' });
  return el('funderIdentifier', org.iri, { funderIdentifierType: 'Other' });
}

function funding(f: Funding, indent: string): string {
  const parts = [
    el('funderName', f.funder.name),
    funderIdentifier(f.funder),
    el('awardNumber', f.awardNumber, { awardURI: f.awardUri }),
    el('awardTitle', f.awardTitle),
  ].filter(Boolean);
  return `${indent}<fundingReference>\n${parts.map((p) => `${indent}  ${p}`).join('\n')}\n${indent}</fundingReference>`;
}

function relationType(type: string): string | undefined {
  const t = RELATION_ALIASES[type] ?? type;
  return RELATION_TYPES.has(t) ? t : undefined;
}

function block(name: string, items: string[], indent = '  '): string {
  const present = items.filter(Boolean);
  return present.length === 0 ? '' : `${indent}<${name}>\n${present.join('\n')}\n${indent}</${name}>`;
}

/** The container (journal, book, proceedings) as a kernel 4.4 `relatedItem` IsPublishedIn, with the locator. */
function container(record: Record, indent: string): string {
  const c = record.container;
  if (!c) return '';
  const kind = containerKind(record);
  if (kind === 'series') return '';
  const itemType = kind === 'book' ? 'Book' : kind === 'proceedings' ? 'ConferenceProceeding' : kind === 'periodical' ? 'Journal' : 'Other';
  const id = c.issns[0] ? el('relatedItemIdentifier', c.issns[0], { relatedItemIdentifierType: 'ISSN' }) : c.isbns?.[0] ? el('relatedItemIdentifier', c.isbns[0], { relatedItemIdentifierType: 'ISBN' }) : '';
  const loc = record.locator;
  const parts = [
    id,
    c.title ? `<titles>${el('title', c.title)}</titles>` : '',
    el('volume', c.volume),
    el('issue', c.issue),
    loc?.kind === 'article-number' ? el('number', loc.value, { numberType: 'Article' }) : '',
    loc?.kind === 'pages' ? el('firstPage', loc.first) : '',
    loc?.kind === 'pages' ? el('lastPage', loc.last) : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return `${indent}<relatedItem${attrs({ relationType: 'IsPublishedIn', relatedItemType: itemType })}>\n${parts.map((p) => `${indent}  ${p}`).join('\n')}\n${indent}</relatedItem>`;
}

function resourceType(record: Record): string {
  const general = GENERAL[record.type];
  const text = record.type === 'blog-post' ? 'BlogPosting' : record.genre;
  return text ? el('resourceType', text, { resourceTypeGeneral: general }) : `<resourceType${attrs({ resourceTypeGeneral: general })}/>`;
}

function alternate(id: Identifier): string {
  return el('alternateIdentifier', id.value, { alternateIdentifierType: id.scheme.toUpperCase() === id.scheme ? id.scheme : id.scheme.replace(/^./, (c) => c.toUpperCase()) });
}

/**
 * The record as DataCite XML. `iri` is the record URI, written as the identifier when the record has no DOI
 * (kernel 4.6 allows identifier types other than DOI).
 */
export function writeDataCiteXml(record: Record, iri: string): string {
  const i2 = '    ';
  const year = record.date && /^\d{4}/.test(record.date) ? record.date.slice(0, 4) : undefined;
  const seriesInfo = record.series
    ? [record.series.title, record.series.number].filter(Boolean).join(', ')
    : record.container && containerKind(record) === 'series'
      ? [record.container.title, record.container.volume].filter(Boolean).join(', ')
      : undefined;
  const relatedIdentifiers = [
    ...(record.relations ?? []).flatMap((rel) => {
      const type = relationType(rel.type);
      const idType = RELATED_TYPES[rel.identifier.scheme.toLowerCase()];
      return type && idType ? [`${i2}${el('relatedIdentifier', rel.identifier.value, { relatedIdentifierType: idType, relationType: type })}`] : [];
    }),
  ];
  const parts = [
    `  ${record.doi ? el('identifier', record.doi, { identifierType: 'DOI' }) : el('identifier', iri, { identifierType: 'URL' })}`,
    // DataCite requires a creator: "(:unav)" is its standard value for "unknown".
    block('creators', record.authors.length > 0 ? record.authors.map((a) => agent(a, 'creator', i2)) : [`${i2}<creator>${el('creatorName', '(:unav)')}</creator>`]),
    block('titles', [`${i2}${el('title', record.title ?? '(:unas)')}`]),
    `  ${el('publisher', record.publisher ?? record.institution?.name ?? '(:unav)')}`,
    year ? `  ${el('publicationYear', year)}` : '',
    `  ${resourceType(record)}`,
    block('subjects', record.subjects.map((s) => `${i2}${el('subject', s)}`)),
    block('contributors', [
      ...record.contributors.map((c) => agent(c, 'contributor', i2)),
      ...(record.type === 'thesis' && record.institution ? [agent({ kind: 'organization', ...record.institution, role: 'other' }, 'contributor', i2).replace('contributorType="Other"', 'contributorType="HostingInstitution"')] : []),
    ]),
    block('dates', record.date && record.date !== year ? [`${i2}${el('date', record.date, { dateType: 'Issued' })}`] : []),
    record.language ? `  ${el('language', record.language)}` : '',
    block('alternateIdentifiers', [
      ...(record.identifiers ?? []).map((id) => `${i2}${alternate(id)}`),
      ...(record.isbns ?? []).map((isbn) => `${i2}${el('alternateIdentifier', isbn, { alternateIdentifierType: 'ISBN' })}`),
    ]),
    block('relatedIdentifiers', relatedIdentifiers),
    block('sizes', record.extent ? [`${i2}${el('size', record.extent)}`] : []),
    record.version ? `  ${el('version', record.version)}` : '',
    block('rightsList', [
      record.license ? `${i2}${el('rights', record.rights ?? record.license, { rightsURI: record.license })}` : record.rights ? `${i2}${el('rights', record.rights)}` : '',
    ]),
    block('descriptions', [
      record.abstract && record.abstract.length > 0 ? `${i2}${el('description', abstractText(record.abstract), { descriptionType: 'Abstract' })}` : '',
      seriesInfo ? `${i2}${el('description', seriesInfo, { descriptionType: 'SeriesInformation' })}` : '',
    ]),
    block('fundingReferences', (record.funding ?? []).map((f) => funding(f, i2))),
    block('relatedItems', [container(record, i2)]),
  ].filter(Boolean);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<resource xmlns="${DATACITE_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${DATACITE_NS} ${DATACITE_SCHEMA_LOCATION}">\n${parts.join('\n')}\n</resource>\n`;
}
