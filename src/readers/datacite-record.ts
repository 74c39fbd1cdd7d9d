// The one mapping from DataCite metadata (kernel 4 property names, as the REST API's JSON `attributes` carry them)
// to a Record. The DataCite XML reader turns its elements into the same shape first.
import { LdpubError } from '../errors.js';
import type { Agent, Container, ContributorRole, Funding, Identifier, Organization, Record, Relation, WorkType } from '../model/record.js';
import { emptyRecord } from '../model/record.js';
import { bareOrcid, identifierList, normalizeDoi, normalizeIssn } from './shared/identifiers.js';
import { isoIsbn13 } from './shared/isbn.js';
import { languageOf } from './shared/languages.js';
import { locatorOf } from './shared/csl-to-record.js';
import { funderIri, rorIri } from './shared/org-ids.js';
import { lookupTable } from '../model/lookup.js';

type Json = { [key: string]: unknown };

export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const objects = (v: unknown): Json[] => list(v).filter(isJson);

/** The DataCite kernel versions this reader knows: 2.x, 3 and 4.x (the REST API normalises all of them to kernel 4 names). */
export const KNOWN_KERNEL = /^https?:\/\/(?:schema\.)?datacite\.org\/(?:schema|meta)\/kernel-(?:2(?:\.\d+)?|3(?:\.\d+)?|4(?:\.\d+)?)\/?$/;

/** Throws LDPUB_UNSUPPORTED_VERSION for a schema version outside KNOWN_KERNEL; an absent version is taken as kernel 4. */
export function checkSchemaVersion(version: string | undefined, field: string): void {
  if (version === undefined || KNOWN_KERNEL.test(version.trim())) return;
  throw new LdpubError('LDPUB_UNSUPPORTED_VERSION', 'is not a DataCite metadata schema version this reader knows (kernel 2.x, 3 or 4.x)', { field, value: version });
}

/** resourceTypeGeneral → WorkType; a Text (or missing) general type is decided by resourceType and the CSL type. */
const GENERAL: { [general: string]: WorkType } = lookupTable({
  JournalArticle: 'article',
  DataPaper: 'article',
  Book: 'book',
  BookChapter: 'chapter',
  ConferencePaper: 'conference-paper',
  ConferenceProceeding: 'book',
  Dissertation: 'thesis',
  Report: 'report',
  Preprint: 'preprint',
  Dataset: 'dataset',
  Software: 'software',
  ComputationalNotebook: 'software',
  PeerReview: 'review',
  Standard: 'report',
});

/** resourceType (free text) and CSL types that say more than "Text". */
const SPECIFIC: [RegExp, WorkType][] = [
  [/^blog ?post(ing)?$|^post-weblog$/i, 'blog-post'],
  [/^(journal ?article|article-journal|scholarlyarticle|article)$/i, 'article'],
  [/^(conference ?paper|paper-conference)$/i, 'conference-paper'],
  [/^(book ?chapter|chapter)$/i, 'chapter'],
  [/^(book|monograph(ie)?)$/i, 'book'],
  [/^(thesis|dissertation|doctoral thesis|phd thesis|master'?s thesis|habilitation)$/i, 'thesis'],
  [/^(report|technical report|working paper)$/i, 'report'],
  [/^(preprint)$/i, 'preprint'],
  [/^(review|peer ?review)$/i, 'review'],
];

export function workTypeFromDataCite(types: Json | undefined): WorkType {
  const general = str(types?.resourceTypeGeneral);
  if (general && GENERAL[general]) return GENERAL[general]!;
  if (general && general !== 'Text') return 'other';
  for (const candidate of [str(types?.resourceType), str(types?.citeproc)]) {
    if (!candidate) continue;
    for (const [re, type] of SPECIFIC) if (re.test(candidate)) return type;
  }
  return 'other';
}

/** DataCite contributorType → the Record's role. */
const ROLES: { [type: string]: ContributorRole } = lookupTable({
  Editor: 'editor',
  Supervisor: 'supervisor',
  ContactPerson: 'contact-person',
  DataCurator: 'data-curator',
  DataCollector: 'data-collector',
  Producer: 'producer',
  ProjectLeader: 'project-leader',
  ProjectMember: 'project-member',
  Researcher: 'researcher',
  RightsHolder: 'rights-holder',
  Sponsor: 'sponsor',
  HostingInstitution: 'other',
  Translator: 'translator',
  Other: 'other',
});

/** The DataCite contributorType written for each role (the inverse of ROLES where one exists). */
export const CONTRIBUTOR_TYPE: { readonly [role in ContributorRole]: string } = {
  editor: 'Editor',
  translator: 'Translator',
  supervisor: 'Supervisor',
  contributor: 'Other',
  illustrator: 'Other',
  compiler: 'Other',
  sponsor: 'Sponsor',
  'degree-grantor': 'Other',
  'contact-person': 'ContactPerson',
  'data-curator': 'DataCurator',
  'data-collector': 'DataCollector',
  producer: 'Producer',
  'project-leader': 'ProjectLeader',
  'project-member': 'ProjectMember',
  researcher: 'Researcher',
  'rights-holder': 'RightsHolder',
  other: 'Other',
};

function organizationOf(value: unknown): Organization | undefined {
  if (typeof value === 'string') return str(value) ? { name: str(value)! } : undefined;
  if (!isJson(value)) return undefined;
  const name = str(value.name);
  if (!name) return undefined;
  const org: Organization = { name };
  const id = str(value.affiliationIdentifier) ?? str(value.id);
  const scheme = str(value.affiliationIdentifierScheme)?.toUpperCase();
  if (id) {
    if (scheme === 'ROR' || /ror\.org\//.test(id)) org.ror = rorIri(id);
    else if (/^https?:\/\//.test(id)) org.iri = id;
    else if (scheme === 'GRID') org.iri = `https://www.grid.ac/institutes/${id}`;
    else if (scheme === 'ISNI') org.iri = `https://isni.org/isni/${id.replace(/\s/g, '')}`;
  }
  return org;
}

/** DataCite's standard values for "unknown": `(:unav)`, `(:unkn)`, … (kernel 4.1 and before) and `:unav`, … (4.3 and later). */
const UNKNOWN = /^(?:\(:(?:unac|unal|unap|unas|unav|unkn|none|null|tba|etal|at)\)|:(?:unac|unal|unap|unas|unav|unkn|none|null|tba|etal|at))$/;

function agentOf(c: Json): Agent | undefined {
  const name = str(c.name) ?? str(c.creatorName) ?? str(c.contributorName);
  if (name && UNKNOWN.test(name)) return undefined;
  const ids = objects(c.nameIdentifiers);
  const orcid =
    bareOrcid(ids.find((i) => /orcid/i.test(str(i.nameIdentifierScheme) ?? '') || /orcid\.org/.test(str(i.nameIdentifier) ?? ''))?.nameIdentifier) ??
    (typeof c.id === 'string' && /orcid\.org/.test(c.id) ? bareOrcid(c.id) : undefined);
  const rorId = ids.find((i) => /^ror$/i.test(str(i.nameIdentifierScheme) ?? '') || /ror\.org\//.test(str(i.nameIdentifier) ?? ''));
  const nameType = str(c.nameType) ?? (c.type === 'Organization' ? 'Organizational' : c.type === 'Person' ? 'Personal' : undefined);
  const family = str(c.familyName);
  const given = str(c.givenName);
  const affiliations = list(c.affiliation).map(organizationOf).filter((o): o is Organization => o !== undefined);
  // Without a nameType, "Family, Given" (DataCite's way of writing a person) is a person; any other bare name an organisation.
  if (nameType === 'Organizational' || (!family && !given && nameType !== 'Personal' && !orcid && !(name && /^[^,]+, [^,]+$/.test(name)))) {
    if (!name) return undefined;
    const org: Agent = { kind: 'organization', name };
    if (rorId) org.ror = rorIri(str(rorId.nameIdentifier)!);
    return org;
  }
  let fam = family;
  let giv = given;
  if (!fam && name) {
    // "Family, Given" as DataCite writes a personal name; a name without a comma stays whole as the family name.
    const comma = name.indexOf(',');
    if (comma > 0) {
      fam = name.slice(0, comma).trim();
      giv = giv ?? (name.slice(comma + 1).trim() || undefined);
    } else fam = name;
  }
  if (!fam) return undefined;
  return {
    kind: 'person',
    family: fam,
    ...(giv ? { given: giv } : {}),
    ...(orcid ? { orcid } : {}),
    ...(affiliations.length > 0 ? { affiliations } : {}),
  };
}

function titleOf(attrs: Json): { title?: string; notes: { label: string; value: string }[] } {
  const titles = objects(attrs.titles);
  const notes: { label: string; value: string }[] = [];
  const main = titles.find((t) => !str(t.titleType)) ?? titles.find((t) => str(t.titleType) !== 'Subtitle' && str(t.titleType) !== 'TranslatedTitle') ?? titles[0];
  const subtitle = titles.find((t) => str(t.titleType) === 'Subtitle');
  let title = main ? str(main.title) : undefined;
  const sub = subtitle && subtitle !== main ? str(subtitle.title) : undefined;
  if (title && sub) title = /[:?!.]$/.test(title) ? `${title} ${sub}` : `${title}: ${sub}`;
  for (const t of titles) {
    if (t === main || t === subtitle) continue;
    const value = str(t.title);
    if (!value) continue;
    const type = str(t.titleType);
    const lang = str(t.lang);
    notes.push({ label: type === 'TranslatedTitle' ? `translated title${lang ? ` (${lang})` : ''}` : type === 'AlternativeTitle' ? 'alternative title' : type ? type : 'other title', value });
  }
  return { ...(title ? { title } : {}), notes };
}

/** A licence IRI from `rightsUri`, or from an SPDX `rightsIdentifier`; the text, when it is not only a licence name. */
function rightsOf(attrs: Json): { license?: string; rights?: string } {
  const out: { license?: string; rights?: string } = {};
  for (const r of objects(attrs.rightsList).concat(objects(attrs.rights))) {
    const uri = str(r.rightsUri) ?? str(r.rightsURI);
    const spdx = str(r.rightsIdentifierScheme)?.toUpperCase() === 'SPDX' || str(r.schemeUri)?.includes('spdx.org') ? str(r.rightsIdentifier) : undefined;
    const iri = uri && /^https?:\/\//.test(uri) ? uri : spdx ? `https://spdx.org/licenses/${spdx}` : undefined;
    if (iri && !out.license) out.license = iri;
    // A rights text that is there only to name the licence (with an IRI beside it) is not a separate statement.
    const text = str(r.rights);
    if (text && !iri && !out.rights) out.rights = text;
    if (text && iri && !out.rights && !/licen[cs]e|creative commons|^cc[ -]|public domain|open access/i.test(text)) out.rights = text;
  }
  return out;
}

function fundingOf(attrs: Json): Funding[] {
  const out: Funding[] = [];
  for (const f of objects(attrs.fundingReferences)) {
    const name = str(f.funderName);
    if (!name) continue;
    const funder: Organization = { name };
    const id = str(f.funderIdentifier);
    const scheme = str(f.funderIdentifierType);
    if (id) {
      if (scheme === 'ROR' || /ror\.org\//.test(id)) funder.ror = rorIri(id);
      else if (scheme === 'Crossref Funder ID' || /10\.13039\//.test(id)) funder.iri = funderIri(id);
      else if (/^https?:\/\//.test(id)) funder.iri = id;
      else if (scheme === 'ISNI') funder.iri = `https://isni.org/isni/${id.replace(/\s/g, '')}`;
    }
    const award = isJson(f.awardNumber) ? str(f.awardNumber.awardNumber) : str(f.awardNumber);
    const awardUri = str(f.awardUri) ?? (isJson(f.awardNumber) ? str(f.awardNumber.awardURI) : undefined);
    const awardTitle = str(f.awardTitle);
    out.push({ funder, ...(award ? { awardNumber: award } : {}), ...(awardTitle ? { awardTitle } : {}), ...(awardUri ? { awardUri } : {}) });
  }
  return out;
}

function schemeOf(type: string | undefined): string {
  const t = (type ?? 'other').toLowerCase();
  return t === 'eissn' ? 'issn' : t;
}

/** Maps one DataCite item (kernel 4 JSON names) to a Record. `field` names where it is, for errors. */
export function dataciteToRecord(attrs: Json, field = 'record'): Record {
  checkSchemaVersion(str(attrs.schemaVersion), `${field} schemaVersion`);
  const types = isJson(attrs.types) ? attrs.types : undefined;
  const r = emptyRecord(workTypeFromDataCite(types));

  const { title, notes } = titleOf(attrs);
  if (title) r.title = title;
  r.notes.push(...notes);

  for (const c of objects(attrs.creators)) {
    const a = agentOf(c);
    if (a) r.authors.push(a);
  }
  for (const c of objects(attrs.contributors)) {
    const a = agentOf(c);
    if (!a) continue;
    const type = str(c.contributorType);
    if (type === 'HostingInstitution' || type === 'Distributor') {
      r.notes.push({ label: type === 'HostingInstitution' ? 'hosting institution' : 'distributor', value: a.kind === 'organization' ? a.name : a.family });
      continue;
    }
    r.contributors.push({ ...a, role: (type && ROLES[type]) || 'other' });
  }

  const publisher = isJson(attrs.publisher) ? str(attrs.publisher.name) : str(attrs.publisher);
  if (publisher && !UNKNOWN.test(publisher)) r.publisher = publisher;

  const dates = objects(attrs.dates);
  const issued = str(dates.find((d) => str(d.dateType) === 'Issued')?.date) ?? str(dates.find((d) => str(d.dateType) === 'Available')?.date);
  const year = str(attrs.publicationYear);
  r.date = issued && /^\d{4}(-\d{2}(-\d{2})?)?/.test(issued) && (!year || issued.startsWith(year)) ? issued.slice(0, 10) : (year ?? issued);
  if (r.date === undefined) delete r.date;
  for (const d of dates) {
    const type = str(d.dateType);
    const value = str(d.date);
    if (value && type && type !== 'Issued') r.notes.push({ label: `date ${type.toLowerCase()}`, value });
  }

  const language = str(attrs.language);
  if (language) r.language = languageOf(language);

  const doi = str(attrs.doi) ?? str(objects(attrs.identifiers).find((i) => str(i.identifierType) === 'DOI')?.identifier) ?? (typeof attrs.id === 'string' && /doi\.org\//.test(attrs.id) ? attrs.id : undefined);
  if (doi) r.doi = normalizeDoi(doi);

  for (const s of list(attrs.subjects)) {
    const v = isJson(s) ? str(s.subject) : str(s);
    if (v && !r.subjects.includes(v)) r.subjects.push(v);
  }

  const descriptions = objects(attrs.descriptions);
  const abstracts = descriptions.filter((d) => (str(d.descriptionType) ?? 'Abstract') === 'Abstract');
  const sections = abstracts.map((d) => str(d.description)).filter((t): t is string => t !== undefined);
  // Several abstracts are usually the same text in several languages: the first is the abstract, the rest notes.
  if (sections[0]) r.abstract = [{ text: sections[0] }];
  for (const extra of sections.slice(1)) r.notes.push({ label: 'other abstract', value: extra });
  for (const d of descriptions) {
    const type = str(d.descriptionType);
    const value = str(d.description);
    if (!value || !type || type === 'Abstract') continue;
    if (type === 'SeriesInformation' && !r.series) r.series = { title: value };
    else r.notes.push({ label: type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), value });
  }

  const { license, rights } = rightsOf(attrs);
  if (license) r.license = license;
  if (rights) r.rights = rights;
  r.funding = fundingOf(attrs);

  const version = str(attrs.version);
  if (version) r.version = version;
  const sizes = list(attrs.sizes).map(str).filter((s): s is string => s !== undefined);
  if (sizes.length > 0) r.extent = sizes.join('; ');
  for (const f of list(attrs.formats).map(str)) if (f) r.notes.push({ label: 'format', value: f });

  const genre = str(types?.resourceType);
  if (genre) r.genre = genre;

  const url = str(attrs.url);
  if (url && /^https?:\/\//.test(url)) r.url = url;

  // alternateIdentifiers (kernel 4) and the older `identifiers` list, other than the DOI.
  const seen = new Set<string>();
  const alt = [
    ...objects(attrs.alternateIdentifiers).map((a) => [str(a.alternateIdentifierType), str(a.alternateIdentifier)] as const),
    ...objects(attrs.identifiers).map((a) => [str(a.identifierType), str(a.identifier)] as const),
  ];
  for (const [type, value] of alt) {
    if (!value || type === 'DOI') continue;
    const id: Identifier = { scheme: schemeOf(type), value };
    const key = `${id.scheme}|${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (id.scheme === 'isbn') pushIsbn(r, value);
    else r.identifiers.push(id);
  }

  r.relations = [];
  for (const rel of objects(attrs.relatedIdentifiers)) {
    const type = str(rel.relationType);
    const value = str(rel.relatedIdentifier);
    if (!type || !value) continue;
    const scheme = schemeOf(str(rel.relatedIdentifierType));
    const relation: Relation = { type, identifier: { scheme, value: scheme === 'doi' ? normalizeDoi(value) : value } };
    r.relations.push(relation);
  }

  const container = containerOf(attrs, r.type);
  if (container) {
    r.container = container.container;
    if (container.locator) r.locator = container.locator;
  }
  if (r.type === 'thesis') {
    // The institution of a thesis: its HostingInstitution contributor, else its publisher.
    const host = objects(attrs.contributors).find((c) => str(c.contributorType) === 'HostingInstitution');
    const grantor = host ? agentOf({ ...host, nameType: 'Organizational' }) : undefined;
    if (grantor && grantor.kind === 'organization') r.institution = { name: grantor.name, ...(grantor.ror ? { ror: grantor.ror } : {}) };
    else if (r.publisher) r.institution = { name: r.publisher };
  }
  return r;
}

function pushIsbn(r: Record, value: string): void {
  const isbn = isoIsbn13(value);
  if (!r.isbns.includes(isbn)) r.isbns.push(isbn);
}

/**
 * The container: kernel 4.4 `relatedItems` with relationType IsPublishedIn, else the REST API's `container`
 * (derived from a relatedIdentifier IsPartOf and SeriesInformation). A "Series" container of a book stays a series.
 */
function containerOf(attrs: Json, type: WorkType): { container: Container; locator?: ReturnType<typeof locatorOf> } | undefined {
  const item = objects(attrs.relatedItems).find((i) => str(i.relationType) === 'IsPublishedIn');
  if (item) {
    const titles = objects(item.titles);
    const idObj = isJson(item.relatedItemIdentifier) ? item.relatedItemIdentifier : undefined;
    const idType = str(idObj?.relatedItemIdentifierType);
    const idValue = str(idObj?.relatedItemIdentifier);
    const itemType = str(item.relatedItemType);
    const c: Container = {
      ...(itemType === 'Book' ? { kind: 'book' as const } : itemType === 'ConferenceProceeding' ? { kind: 'proceedings' as const } : {}),
      ...(str(titles[0]?.title) ? { title: str(titles[0]?.title)! } : {}),
      issns: idType === 'ISSN' || idType === 'EISSN' ? identifierList([idValue ?? ''], normalizeIssn) : [],
      ...(idType === 'ISBN' && idValue ? { isbns: [isoIsbn13(idValue)] } : {}),
      ...(str(item.volume) ? { volume: str(item.volume)! } : {}),
      ...(str(item.issue) ? { issue: str(item.issue)! } : {}),
    };
    const first = str(item.firstPage);
    const last = str(item.lastPage);
    const locator = locatorOf(first && last ? `${first}-${last}` : first, str(item.number));
    return { container: c, ...(locator ? { locator } : {}) };
  }
  const c = isJson(attrs.container) ? attrs.container : undefined;
  if (!c || Object.keys(c).length === 0) return undefined;
  const idType = str(c.identifierType);
  const idValue = str(c.identifier);
  const title = str(c.title);
  if (!title && idType !== 'ISSN') return undefined;
  const kind = type === 'chapter' ? 'book' : type === 'conference-paper' ? 'proceedings' : type === 'article' ? undefined : 'series';
  const container: Container = {
    ...(kind ? { kind } : {}),
    ...(title ? { title } : {}),
    issns: idType === 'ISSN' && idValue ? identifierList([idValue], normalizeIssn) : [],
    ...(idType === 'ISBN' && idValue ? { isbns: [isoIsbn13(idValue)] } : {}),
    ...(str(c.volume) ? { volume: str(c.volume)! } : {}),
    ...(str(c.issue) ? { issue: str(c.issue)! } : {}),
  };
  const first = str(c.firstPage);
  const last = str(c.lastPage);
  const locator = locatorOf(first && last ? `${first}-${last}` : first, undefined);
  return { container, ...(locator ? { locator } : {}) };
}
