// OpenAIRE Guidelines for Literature Repositories 4 (`oai_openaire`) from a Record: DataCite kernel-4 elements for
// titles, people, identifiers, dates and rights, Dublin Core for language, publisher and description, and OpenAIRE's
// own for the COAR resource type, version, licence condition, funding and citation details. Valid against the 4.0
// schema for any Record (tested); the mapping, field by field, is in docs/harvesting.md.
import type { AccessRights, ContributorRole, Funding, Record, WorkType } from '../model/record.js';
import { abstractText } from '../model/text.js';
import { containerKind } from '../rdf/work-classes.js';
import { accessRightsOf, COAR_ACCESS } from './access.js';
import { agentName, agentXml, alternateType, attrs, block, el, funderScheme, isLanguageTag, isUri, present, RELATED_TYPES, relationType, UNASSIGNED, UNAVAILABLE } from './datacite-xml.js';
import { CONTRIBUTOR_TYPE } from '../readers/datacite-record.js';

export const OAIRE_NS = 'http://namespace.openaire.eu/schema/oaire/';
export const OPENAIRE_SCHEMA_LOCATION = 'https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd';
const DATACITE_NS = 'http://datacite.org/schema/kernel-4';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** The version, where the record tells it: a preprint is the submitted version, a work with a DOI in a journal or book the published one. */
export function versionOf(record: Record): 'submittedVersion' | 'publishedVersion' | undefined {
  if (record.type === 'preprint') return 'submittedVersion';
  if (record.doi && (record.container?.title || record.publisher)) return 'publishedVersion';
  return undefined;
}

/** The COAR Version Types concept for each version ldpub can tell (Guidelines 4, "Version"). */
const COAR_VERSION = {
  submittedVersion: { uri: 'http://purl.org/coar/version/c_71e4c1898caa6e32', label: 'SMUR' },
  publishedVersion: { uri: 'http://purl.org/coar/version/c_970fb48d4fbd8a85', label: 'VoR' },
} as const;

type Coar = { uri: string; label: string; general: 'literature' | 'dataset' | 'software' | 'other research product' };
const coar = (id: string, label: string, general: Coar['general'] = 'literature'): Coar => ({ uri: `http://purl.org/coar/resource_type/${id}`, label, general });

/**
 * The COAR Resource Type (and OpenAIRE's resourceTypeGeneral) of a record, chosen from the concepts the 4.0 schema
 * lists: a thesis by what its genre says (bachelor, master, doctoral, else "thesis"); a blog post is "text", since
 * "blog post" (c_6947) is in the 4.1 vocabulary only and the 4.0 schema refuses it.
 */
export function coarResourceType(record: Record): Coar {
  const byType: { readonly [T in Exclude<WorkType, 'thesis'>]: Coar } = {
    article: coar('c_6501', 'journal article'),
    preprint: coar('c_816b', 'preprint'),
    'conference-paper': coar('c_5794', 'conference paper'),
    chapter: coar('c_3248', 'book part'),
    book: coar('c_2f33', 'book'),
    report: coar('c_93fc', 'report'),
    dataset: coar('c_ddb1', 'dataset', 'dataset'),
    review: coar('c_efa0', 'review'),
    software: coar('c_5ce6', 'software', 'software'),
    'blog-post': coar('c_18cf', 'text'),
    other: coar('c_1843', 'other'),
  };
  if (record.type !== 'thesis') return byType[record.type];
  const genre = (record.genre ?? '').toLowerCase();
  if (/bachelor/.test(genre)) return coar('c_7a1f', 'bachelor thesis');
  if (/master|\bm\.?a\.?\b|\bmsc\b/.test(genre)) return coar('c_bdcc', 'master thesis');
  if (/doctor|ph\.?\s?d|dissertation|doktor|habilitation/.test(genre)) return coar('c_db06', 'doctoral thesis');
  return coar('c_46ec', 'thesis');
}

/**
 * DataCite contributorType as OpenAIRE's 4.0 list has it (the kernel 4.1 list: no Translator, which is Other).
 */
const OPENAIRE_CONTRIBUTOR_TYPE: { readonly [role in ContributorRole]: string } = {
  ...CONTRIBUTOR_TYPE,
  translator: 'Other',
  'degree-grantor': 'HostingInstitution',
};

/** relationType values OpenAIRE's 4.0 schema lists (DataCite kernel 4.1's); a newer DataCite type is not written. */
const OPENAIRE_RELATION_TYPES = new Set(
  'IsCitedBy Cites IsSupplementTo IsSupplementedBy IsContinuedBy Continues IsDescribedBy Describes HasMetadata IsMetadataFor HasVersion IsVersionOf IsNewVersionOf IsPreviousVersionOf IsPartOf HasPart IsReferencedBy References IsDocumentedBy Documents IsCompiledBy Compiles IsVariantFormOf IsOriginalFormOf IsIdenticalTo IsReviewedBy Reviews IsDerivedFrom IsSourceOf IsRequiredBy Requires'.split(' '),
);

/** relatedIdentifierType values OpenAIRE's 4.0 schema lists. */
const OPENAIRE_RELATED_TYPES = new Set('ARK arXiv bibcode DOI EAN13 EISSN Handle IGSN ISBN ISSN ISTC LISSN LSID PISSN PMID PURL UPC URL URN WOS'.split(' '));

/**
 * One entry per subject, spaces collapsed, the first spelling kept of any that differ only in case. Subjects are
 * never split here: a comma can be part of a heading ("Neoplasms, Glandular and Epithelial"); readers split lines.
 */
export function uniqueSubjects(subjects: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of subjects) {
    const s = raw.replace(/\s+/g, ' ').trim();
    const key = s.toLocaleLowerCase('und');
    if (!present(s) || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/** A YYYY, YYYY-MM or YYYY-MM-DD date, as the guidelines' publication date wants it. */
const W3CDTF_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface OpenAireOptions {
  /** When the repository registered this version: the publication date of a record without one ("better one date than none"). */
  registered?: Date;
  /** The access level of records that say nothing of it and carry no open licence (default: none written). */
  defaultAccess?: AccessRights;
  /** Put before every line of markup but the first (for embedding); text is never changed. */
  indent?: string;
}

function fundingXml(f: Funding, indent: string): string {
  const id = funderScheme(f.funder);
  const parts = [
    el('oaire:funderName', present(f.funder.name) ? f.funder.name : UNAVAILABLE),
    id ? el('oaire:funderIdentifier', id.id, { funderIdentifierType: id.type }) : '',
    el('oaire:awardNumber', f.awardNumber, { awardURI: isUri(f.awardUri) ? f.awardUri : undefined }),
    el('oaire:awardTitle', f.awardTitle),
  ].filter(Boolean);
  return `${indent}<oaire:fundingReference>\n${parts.map((p) => `${indent}  ${p}`).join('\n')}\n${indent}</oaire:fundingReference>`;
}

/** The record as an `<oaire:resource>` element (no XML declaration: it is embedded in OAI-PMH responses). */
export function writeOpenAireXml(record: Record, iri: string, options: OpenAireOptions = {}): string {
  const i0 = options.indent ?? '';
  const i1 = `${i0}  `;
  const i2 = `${i0}    `;
  const type = coarResourceType(record);
  const access = accessRightsOf(record, options.defaultAccess);
  const version = versionOf(record);
  const date = record.date?.trim();
  const issued = date && W3CDTF_DATE.test(date) ? date : (options.registered ?? new Date()).toISOString().slice(0, 10);
  const creators = record.authors.filter((a) => agentName(a) !== '');
  const contributors = record.contributors.filter((a) => agentName(a) !== '');
  const c = record.container;
  const loc = record.locator;
  const kind = c ? containerKind(record) : undefined;
  const publisher = [record.publisher, record.type === 'thesis' || record.type === 'report' ? record.institution?.name : undefined].find(present);
  const relations = (record.relations ?? []).flatMap((rel) => {
    const t = relationType(rel.type);
    const idType = RELATED_TYPES[rel.identifier.scheme.toLowerCase()];
    return t && OPENAIRE_RELATION_TYPES.has(t) && idType && OPENAIRE_RELATED_TYPES.has(idType) && present(rel.identifier.value)
      ? [`${i2}${el('datacite:relatedIdentifier', rel.identifier.value, { relatedIdentifierType: idType, relationType: t })}`]
      : [];
  });
  // The journal's ISSNs and a containing book's ISBNs: the work IsPartOf them, as the guidelines' sample writes it.
  const partOf = [...(c?.issns ?? []).filter(present).map((v) => [v, 'ISSN'] as const), ...(c?.isbns ?? []).filter(present).map((v) => [v, 'ISBN'] as const)];
  const alternates = [
    present(record.doi) ? `${i2}${el('datacite:alternateIdentifier', record.doi, { alternateIdentifierType: 'DOI' })}` : '',
    ...record.isbns.filter(present).map((isbn) => `${i2}${el('datacite:alternateIdentifier', isbn, { alternateIdentifierType: 'ISBN' })}`),
    ...(record.identifiers ?? []).filter((id) => present(id.value)).map((id) => `${i2}${el('datacite:alternateIdentifier', id.value, { alternateIdentifierType: alternateType(id) })}`),
    isUri(record.url) && record.url !== iri ? `${i2}${el('datacite:alternateIdentifier', record.url, { alternateIdentifierType: 'URL' })}` : '',
  ];
  const licence = isUri(record.license)
    ? `${i1}${el('oaire:licenseCondition', present(record.rights) ? record.rights : record.license, { uri: record.license })}`
    : [record.rights, record.license].filter(present).slice(0, 1).map((r) => `${i1}${el('oaire:licenseCondition', r)}`).join('');
  const subjects = uniqueSubjects(record.subjects);
  const parts = [
    block('datacite:titles', [`${i2}${el('datacite:title', present(record.title) ? record.title : UNASSIGNED)}`], i1),
    block('datacite:creators', creators.map((a) => agentXml(a, 'creator', undefined, i2, 'datacite:')), i1),
    block('datacite:contributors', [
      ...contributors.map((a) => agentXml(a, 'contributor', OPENAIRE_CONTRIBUTOR_TYPE[(a.role ?? 'contributor') as ContributorRole] ?? 'Other', i2, 'datacite:')),
      ...(record.type === 'thesis' && record.institution && present(record.institution.name)
        ? [agentXml({ kind: 'organization', ...record.institution }, 'contributor', 'HostingInstitution', i2, 'datacite:')]
        : []),
    ], i1),
    block('oaire:fundingReferences', (record.funding ?? []).map((f) => fundingXml(f, i2)), i1),
    block('datacite:alternateIdentifiers', alternates, i1),
    block('datacite:relatedIdentifiers', [...relations, ...partOf.map(([v, t]) => `${i2}${el('datacite:relatedIdentifier', v, { relatedIdentifierType: t, relationType: 'IsPartOf' })}`)], i1),
    block('datacite:dates', [`${i2}${el('datacite:date', issued, { dateType: 'Issued' })}`], i1),
    `${i1}${el('dc:language', isLanguageTag(record.language) ? record.language : 'und')}`,
    publisher ? `${i1}${el('dc:publisher', publisher)}` : '',
    `${i1}${el('oaire:resourceType', type.label, { resourceTypeGeneral: type.general, uri: type.uri })}`,
    record.abstract && present(abstractText(record.abstract)) ? `${i1}${el('dc:description', record.abstract.map((s) => (s.heading ? `${s.heading}: ${s.text}` : s.text)).join('\n'))}` : '',
    `${i1}${el('datacite:identifier', iri, { identifierType: 'URL' })}`,
    access ? `${i1}${el('datacite:rights', COAR_ACCESS[access].label, { rightsURI: COAR_ACCESS[access].uri })}` : '',
    block('datacite:subjects', subjects.map((s) => `${i2}${el('datacite:subject', s)}`), i1),
    licence,
    block('datacite:sizes', present(record.extent) ? [`${i2}${el('datacite:size', record.extent)}`] : [], i1),
    version && record.type !== 'dataset' && record.type !== 'software'
      ? `${i1}${el('oaire:version', COAR_VERSION[version].label, { uri: COAR_VERSION[version].uri })}`
      : present(record.version)
        ? `${i1}${el('oaire:version', record.version)}`
        : '',
    c && kind !== 'series' ? `${i1}${el('oaire:citationTitle', c.title)}` : '',
    c ? `${i1}${el('oaire:citationVolume', c.volume)}` : '',
    c ? `${i1}${el('oaire:citationIssue', c.issue)}` : '',
    loc?.kind === 'pages' ? `${i1}${el('oaire:citationStartPage', loc.first)}` : '',
    loc?.kind === 'pages' ? `${i1}${el('oaire:citationEndPage', loc.last)}` : '',
    `${i1}${el('oaire:citationEdition', record.edition)}`,
  ].filter((p) => p.trim() !== '');
  const root =
    `<oaire:resource xmlns:oaire="${OAIRE_NS}" xmlns:datacite="${DATACITE_NS}" xmlns:dc="${DC_NS}" xmlns:xsi="${XSI_NS}"${attrs({ 'xsi:schemaLocation': `${OAIRE_NS} ${OPENAIRE_SCHEMA_LOCATION}` })}>\n` +
    `${parts.join('\n')}\n${i0}</oaire:resource>`;
  return root;
}
