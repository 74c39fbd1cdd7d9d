// DataCite XML (metadata kernel 4.7) from a Record: what DOI registration and OAI-PMH `oai_datacite` carry. Valid
// against the kernel 4.7 schema for any Record (tested); see docs/mapping.md for the fields DataCite has no place for.
import type { Agent, ContributorRole, Funding, Identifier, Organization, Record, WorkType } from '../model/record.js';
import { abstractText } from '../model/text.js';
import { CONTRIBUTOR_TYPE } from '../readers/datacite-record.js';
import { containerKind } from '../rdf/work-classes.js';
import type { AccessRights } from '../model/record.js';
import { accessRightsOf, EU_REPO_ACCESS } from './access.js';
import { publishable, xmlAttribute, xmlText } from './normal-form.js';
import { lookupTable } from '../model/lookup.js';

export const DATACITE_NS = 'http://datacite.org/schema/kernel-4';
export const DATACITE_SCHEMA_LOCATION = 'https://schema.datacite.org/meta/kernel-4/metadata.xsd';

/**
 * DataCite's standard values for unknown information (Metadata Schema 4.4 and later, "Standard Values for Unknown
 * Information"), written where a mandatory property has no value: `:unav` (value unavailable, possibly unknown) for
 * creators, publisher and a funder's name, `:unas` (value unassigned, e.g. Untitled) for the title.
 */
export const UNAVAILABLE = ':unav';
export const UNASSIGNED = ':unas';

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
export const RELATED_TYPES: { readonly [scheme: string]: string } = lookupTable({
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
  raid: 'RAiD',
  swhid: 'SWHID',
});

/** The kernel's relationType list (4.7); a Record relation of another type is not written. */
const RELATION_TYPES = new Set(
  'IsCitedBy Cites IsSupplementTo IsSupplementedBy IsContinuedBy Continues IsDescribedBy Describes HasMetadata IsMetadataFor HasVersion IsVersionOf IsNewVersionOf IsPreviousVersionOf IsPartOf HasPart IsPublishedIn IsReferencedBy References IsDocumentedBy Documents IsCompiledBy Compiles IsVariantFormOf IsOriginalFormOf IsIdenticalTo IsReviewedBy Reviews IsDerivedFrom IsSourceOf IsRequiredBy Requires IsObsoletedBy Obsoletes Collects IsCollectedBy HasTranslation IsTranslationOf'.split(' '),
);

/** Crossref relation names that differ from DataCite's only by case or wording. */
const RELATION_ALIASES: { [type: string]: string } = lookupTable({ IsReviewOf: 'Reviews', HasReview: 'IsReviewedBy', IsPreprintOf: 'IsPreviousVersionOf', HasPreprint: 'IsNewVersionOf' });

/** The DataCite relationType for a Record relation type, or undefined when the kernel has none. */
export function relationType(type: string): string | undefined {
  const t = RELATION_ALIASES[type] ?? type;
  return RELATION_TYPES.has(t) ? t : undefined;
}

/** True when `text` has something to say once the characters XML cannot carry are gone. */
export function present(text: string | undefined): text is string {
  return text !== undefined && publishable(text).trim() !== '';
}

/** An absolute URI without spaces or the characters xs:anyURI refuses: what may go in a URI-typed attribute. */
export function isUri(text: string | undefined): text is string {
  return text !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f-\u009f]+$/u.test(text);
}

/** A BCP 47-shaped tag (xs:language): what may go in a language element or attribute. */
export function isLanguageTag(text: string | undefined): text is string {
  return text !== undefined && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(text);
}

export function attrs(a: { [name: string]: string | undefined }): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${xmlAttribute(v!)}"`)
    .join('');
}

/** `<name a="v">text</name>`, or nothing when the text is absent or blank. */
export function el(name: string, text: string | undefined, a: { [name: string]: string | undefined } = {}): string {
  return present(text) ? `<${name}${attrs(a)}>${xmlText(text)}</${name}>` : '';
}

/** A wrapper element around its present items, one a line, or nothing when none is present. */
export function block(name: string, items: readonly string[], indent: string): string {
  const present = items.filter(Boolean);
  return present.length === 0 ? '' : `${indent}<${name}>\n${present.join('\n')}\n${indent}</${name}>`;
}

/** The name DataCite writes for an agent: "Family, Given" for a person, the name for an organisation; '' when blank. */
export function agentName(a: Agent): string {
  if (a.kind === 'organization') return present(a.name) ? a.name : '';
  const family = present(a.family) ? a.family : undefined;
  const given = present(a.given) ? a.given : undefined;
  return family && given ? `${family}, ${given}` : (family ?? given ?? '');
}

/** The affiliation's identifier and its scheme, as DataCite and OpenAIRE name them. */
export function affiliationScheme(org: Organization): { id: string; scheme: string; schemeURI?: string } | undefined {
  if (org.ror) return { id: org.ror, scheme: 'ROR', schemeURI: 'https://ror.org' };
  if (org.iri) return { id: org.iri, scheme: /isni\.org/.test(org.iri) ? 'ISNI' : /grid\.ac/.test(org.iri) ? 'GRID' : /10\.13039\//.test(org.iri) ? 'Crossref Funder ID' : 'Other' };
  return undefined;
}

function affiliation(org: Organization, p: string): string {
  const id = affiliationScheme(org);
  return el(`${p}affiliation`, org.name, id ? { affiliationIdentifier: id.id, affiliationIdentifierScheme: id.scheme, schemeURI: id.schemeURI } : {});
}

/**
 * A creator or contributor: `Family, Given` with its parts, ORCID (or an organisation's ROR) as a nameIdentifier,
 * affiliations with their identifiers. `p` is the element prefix (`datacite:` inside OpenAIRE's format).
 */
export function agentXml(a: Agent, tag: 'creator' | 'contributor', contributorType: string | undefined, indent: string, p = ''): string {
  const nameTag = `${p}${tag === 'creator' ? 'creatorName' : 'contributorName'}`;
  const lines: string[] = [];
  const name = agentName(a) || UNAVAILABLE;
  if (a.kind === 'organization') {
    lines.push(el(nameTag, name, { nameType: 'Organizational' }));
    if (isUri(a.ror)) lines.push(el(`${p}nameIdentifier`, a.ror, { nameIdentifierScheme: 'ROR', schemeURI: 'https://ror.org' }));
  } else {
    lines.push(el(nameTag, name, { nameType: 'Personal' }));
    lines.push(el(`${p}givenName`, a.given));
    lines.push(el(`${p}familyName`, a.family));
    if (present(a.orcid)) lines.push(el(`${p}nameIdentifier`, `https://orcid.org/${a.orcid}`, { nameIdentifierScheme: 'ORCID', schemeURI: 'https://orcid.org' }));
    for (const org of a.affiliations ?? []) lines.push(affiliation(org, p));
  }
  return `${indent}<${p}${tag}${attrs({ contributorType })}>\n${lines.filter(Boolean).map((l) => `${indent}  ${l}`).join('\n')}\n${indent}</${p}${tag}>`;
}

/** The funder's identifier and its type (DataCite's funderIdentifierType list, which OpenAIRE shares). */
export function funderScheme(org: Organization): { id: string; type: string; schemeURI?: string } | undefined {
  if (org.ror) return { id: org.ror, type: 'ROR', schemeURI: 'https://ror.org' };
  if (!present(org.iri)) return undefined;
  if (/10\.13039\//.test(org.iri)) return { id: org.iri, type: 'Crossref Funder ID', schemeURI: 'https://doi.org' };
  if (/isni\.org/.test(org.iri)) return { id: org.iri, type: 'ISNI', schemeURI: 'http://www.isni.org/isni/' };
  if (/grid\.ac/.test(org.iri)) return { id: org.iri, type: 'GRID', schemeURI: 'https://www.grid.ac/' };
  return { id: org.iri, type: 'Other' };
}

function funding(f: Funding, indent: string): string {
  const id = funderScheme(f.funder);
  const parts = [
    el('funderName', present(f.funder.name) ? f.funder.name : UNAVAILABLE),
    id ? el('funderIdentifier', id.id, { funderIdentifierType: id.type, schemeURI: id.schemeURI }) : '',
    el('awardNumber', f.awardNumber, { awardURI: isUri(f.awardUri) ? f.awardUri : undefined }),
    el('awardTitle', f.awardTitle),
  ].filter(Boolean);
  return `${indent}<fundingReference>\n${parts.map((p) => `${indent}  ${p}`).join('\n')}\n${indent}</fundingReference>`;
}

/** The container (journal, book, proceedings) as a kernel 4.4 `relatedItem` IsPublishedIn, with the locator. */
function container(record: Record, indent: string): string {
  const c = record.container;
  if (!c) return '';
  const kind = containerKind(record);
  if (kind === 'series') return '';
  const itemType = kind === 'book' ? 'Book' : kind === 'proceedings' ? 'ConferenceProceeding' : kind === 'periodical' ? 'Journal' : 'Other';
  const issn = c.issns.find(present);
  const isbn = c.isbns?.find(present);
  const id = issn ? el('relatedItemIdentifier', issn, { relatedItemIdentifierType: 'ISSN' }) : isbn ? el('relatedItemIdentifier', isbn, { relatedItemIdentifierType: 'ISBN' }) : '';
  const loc = record.locator;
  const parts = [
    id,
    present(c.title) ? `<titles>${el('title', c.title)}</titles>` : '',
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
  return present(text) ? el('resourceType', text, { resourceTypeGeneral: general }) : `<resourceType${attrs({ resourceTypeGeneral: general })}/>`;
}

/** The alternateIdentifierType of an identifier: the kernel's spelling of known schemes, else the scheme capitalised. */
export function alternateType(id: Identifier): string {
  const known = RELATED_TYPES[id.scheme.toLowerCase()];
  if (known) return known;
  if (!present(id.scheme)) return 'Other';
  return id.scheme.toUpperCase() === id.scheme ? id.scheme : id.scheme.replace(/^./, (c) => c.toUpperCase());
}

/** The publication year: the record's, else (DataCite's guidance when the date cannot be determined) the year of registration. */
export function publicationYear(record: Record, registered: Date = new Date()): string {
  const m = record.date ? /^\s*(\d{4})/.exec(record.date) : null;
  return m ? m[1]! : String(registered.getUTCFullYear()).padStart(4, '0').slice(-4);
}

export interface DataCiteOptions {
  /**
   * When the repository registered (published) this version of the record: its year is the publicationYear of a
   * record without a date, as DataCite advises. Default: now, the moment the document is written for deposit.
   */
  registered?: Date;
  /** The access level of records that say nothing of it and carry no open licence (default: none written). */
  defaultAccess?: AccessRights;
  /** Leave out the XML declaration, to embed the element (as OAI-PMH does). */
  fragment?: boolean;
  /** Put before every line of markup but the first (for embedding); text is never changed. */
  indent?: string;
}

/**
 * The record as DataCite XML. `iri` is the record URI, written as the identifier when the record has no DOI
 * (kernel 4.6 and later allow identifier types other than DOI).
 */
export function writeDataCiteXml(record: Record, iri: string, options: DataCiteOptions = {}): string {
  const i0 = options.indent ?? '';
  const i1 = `${i0}  `;
  const i2 = `${i0}    `;
  const year = publicationYear(record, options.registered);
  const seriesInfo = record.series
    ? [record.series.title, record.series.number].filter(present).join(', ')
    : record.container && containerKind(record) === 'series'
      ? [record.container.title, record.container.volume].filter(present).join(', ')
      : undefined;
  const relatedIdentifiers = (record.relations ?? []).flatMap((rel) => {
    const type = relationType(rel.type);
    const idType = RELATED_TYPES[rel.identifier.scheme.toLowerCase()];
    return type && idType && present(rel.identifier.value) ? [`${i2}${el('relatedIdentifier', rel.identifier.value, { relatedIdentifierType: idType, relationType: type })}`] : [];
  });
  const creators = record.authors.filter((a) => agentName(a) !== '');
  const contributors = record.contributors.filter((a) => agentName(a) !== '');
  const publisher = [record.publisher, record.institution?.name].find(present) ?? UNAVAILABLE;
  const access = accessRightsOf(record, options.defaultAccess);
  const parts = [
    `${i1}${present(record.doi) ? el('identifier', record.doi, { identifierType: 'DOI' }) : el('identifier', iri, { identifierType: 'URL' })}`,
    block('creators', creators.length > 0 ? creators.map((a) => agentXml(a, 'creator', undefined, i2)) : [`${i2}<creator>${el('creatorName', UNAVAILABLE)}</creator>`], i1),
    block('titles', [`${i2}${el('title', present(record.title) ? record.title : UNASSIGNED)}`], i1),
    `${i1}${el('publisher', publisher)}`,
    `${i1}${el('publicationYear', year)}`,
    `${i1}${resourceType(record)}`,
    block('subjects', record.subjects.map((s) => (present(s) ? `${i2}${el('subject', s)}` : '')), i1),
    block('contributors', [
      ...contributors.map((c) => agentXml(c, 'contributor', CONTRIBUTOR_TYPE[(c.role ?? 'contributor') as ContributorRole] ?? 'Other', i2)),
      ...(record.type === 'thesis' && record.institution && present(record.institution.name)
        ? [agentXml({ kind: 'organization', ...record.institution }, 'contributor', 'HostingInstitution', i2)]
        : []),
    ], i1),
    block('dates', present(record.date) && record.date.trim() !== year ? [`${i2}${el('date', record.date, { dateType: 'Issued' })}`] : [], i1),
    isLanguageTag(record.language) ? `${i1}${el('language', record.language)}` : '',
    block('alternateIdentifiers', [
      ...(record.identifiers ?? []).map((id) => (present(id.value) ? `${i2}${el('alternateIdentifier', id.value, { alternateIdentifierType: alternateType(id) })}` : '')),
      ...(record.isbns ?? []).map((isbn) => (present(isbn) ? `${i2}${el('alternateIdentifier', isbn, { alternateIdentifierType: 'ISBN' })}` : '')),
    ], i1),
    block('relatedIdentifiers', relatedIdentifiers, i1),
    block('sizes', present(record.extent) ? [`${i2}${el('size', record.extent)}`] : [], i1),
    present(record.version) ? `${i1}${el('version', record.version)}` : '',
    block('rightsList', [
      isUri(record.license)
        ? `${i2}${el('rights', present(record.rights) ? record.rights : record.license, { rightsURI: record.license })}`
        : [record.rights, record.license].filter(present).map((r) => `${i2}${el('rights', r)}`).join('\n'),
      // The access level as the OpenAIRE Guidelines for Data Archives encode it: an info:eu-repo rightsURI, no text.
      access ? `${i2}<rights${attrs({ rightsURI: `info:eu-repo/semantics/${EU_REPO_ACCESS[access]}` })}/>` : '',
    ], i1),
    block('descriptions', [
      record.abstract && record.abstract.length > 0 && present(abstractText(record.abstract)) ? `${i2}${el('description', abstractText(record.abstract), { descriptionType: 'Abstract' })}` : '',
      present(seriesInfo) ? `${i2}${el('description', seriesInfo, { descriptionType: 'SeriesInformation' })}` : '',
    ], i1),
    block('fundingReferences', (record.funding ?? []).map((f) => funding(f, i2)), i1),
    block('relatedItems', [container(record, i2)], i1),
  ].filter(Boolean);
  const root = `<resource xmlns="${DATACITE_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${DATACITE_NS} ${DATACITE_SCHEMA_LOCATION}">\n${parts.join('\n')}\n${i0}</resource>`;
  return options.fragment ? root : `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
