// A MARC 21 bibliographic record → the Record: what a cataloguer expects each field to mean (docs/marc.md).
import { emptyRecord, type Agent, type Container, type ContributorRole, type Locator, type Record, type WorkType } from '../../model/record.js';
import { normalizeDoi, normalizeIssn } from '../shared/identifiers.js';
import { controlValue, dataFields, subfield, subfields, type DataField, type MarcRecord } from './record.js';
import { isbn13, licenseIri, marcLanguage, sanitizeId, trimIsbd, unbracket } from './values.js';
import { lookupTable } from '../../model/lookup.js';

/** Relator codes ($4) and terms ($e, lower-cased, without the final period) → author, or a contributor role. */
const RELATORS: { readonly [codeOrTerm: string]: ContributorRole | 'author' } = lookupTable({
  aut: 'author', author: 'author', cre: 'author', creator: 'author',
  edt: 'editor', editor: 'editor', 'ed': 'editor', eds: 'editor', 'volume editor': 'editor', pbd: 'editor', 'publishing director': 'editor',
  trl: 'translator', translator: 'translator', tr: 'translator',
  ths: 'supervisor', 'thesis advisor': 'supervisor', dgs: 'supervisor', 'degree supervisor': 'supervisor', 'degree committee member': 'supervisor', dgc: 'supervisor',
  dgg: 'degree-grantor', 'degree granting institution': 'degree-grantor', 'degree grantor': 'degree-grantor',
  ill: 'illustrator', illustrator: 'illustrator',
  com: 'compiler', compiler: 'compiler',
  spn: 'sponsor', sponsor: 'sponsor', fnd: 'sponsor', funder: 'sponsor',
  pro: 'producer', producer: 'producer',
  cph: 'rights-holder', 'copyright holder': 'rights-holder',
  res: 'researcher', researcher: 'researcher',
  pdr: 'project-leader', 'project director': 'project-leader',
  dtm: 'data-curator', 'data manager': 'data-curator',
  ctb: 'contributor', contributor: 'contributor',
  oth: 'other', other: 'other',
});

export function roleOf(field: DataField): ContributorRole | 'author' | undefined {
  const terms = [...subfields(field, '4'), ...subfields(field, field.tag.endsWith('11') ? 'j' : 'e')];
  if (terms.length === 0) return undefined;
  const roles = terms.map((t) => RELATORS[t.replace(/^https?:\/\/id\.loc\.gov\/vocabulary\/relators\//, '').toLowerCase().replace(/[.,;]+$/, '').trim()] ?? 'other');
  return roles.includes('author') ? 'author' : roles.find((r) => r !== 'other') ?? 'other';
}

function agentOf(field: DataField): Agent | undefined {
  const a = subfield(field, 'a');
  if (!a) return undefined;
  const affiliations = subfields(field, 'u').map((u) => trimIsbd(u)).filter(Boolean).map((name) => ({ name }));
  if (field.tag.endsWith('10') || field.tag.endsWith('11')) {
    const parts = [a, ...subfields(field, 'b')].map((p) => trimIsbd(p)).filter(Boolean);
    return { kind: 'organization', name: parts.join('. ') };
  }
  const name = trimIsbd(a);
  const agent: Agent = { kind: 'person', family: name };
  if (field.ind1 === '1' || field.ind1 === ' ') {
    const comma = name.indexOf(',');
    if (comma > 0) {
      agent.family = name.slice(0, comma).trim();
      const given = name.slice(comma + 1).trim();
      if (given) agent.given = given;
    }
  }
  const suffix = subfields(field, 'c').map((c) => trimIsbd(c)).find((c) => /^(?:Jr\.?|Sr\.?|[IVX]+|\d+(?:st|nd|rd|th))$/.test(c));
  if (suffix) agent.suffix = suffix;
  const orcid = [...subfields(field, '0'), ...subfields(field, '1')].map((v) => /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/i.exec(v)?.[1]).find(Boolean);
  if (orcid && /orcid/i.test([...subfields(field, '0'), ...subfields(field, '1')].join(' '))) agent.orcid = orcid.toUpperCase();
  if (affiliations.length > 0) agent.affiliations = affiliations;
  return agent;
}

/** The title: 245 $a $b $n $p with the ISBD punctuation removed ("Title : subtitle /" → "Title: subtitle"). */
export function titleOf(field: DataField): string | undefined {
  let out = '';
  let previous = '';
  for (const s of field.subfields) {
    if (!'abnp'.includes(s.code)) continue;
    const raw = s.value.replace(/\s+/g, ' ').trim();
    const value = trimIsbd(raw);
    if (!value) continue;
    if (out === '') out = value;
    else if (s.code === 'b') out += /=\s*$/.test(previous) ? ` = ${value}` : /;\s*$/.test(previous) ? `; ${value}` : `: ${value}`;
    else out += /,\s*$/.test(previous) ? `, ${value}` : `. ${value}`;
    previous = raw;
  }
  return out || undefined;
}

/**
 * 008/06 `e` (detailed date): Date 1 is the year and Date 2 the month and day (`mmdd`, the day may be blank or `u`),
 * as cataloguers record the exact date of an issue or an online article. The date at that precision, else none.
 */
function detailedDate(f008: string | undefined): string | undefined {
  if (!f008 || f008[6] !== 'e') return undefined;
  const m = /^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|[ u|]{2})$/.exec(f008.slice(7, 15));
  if (!m) return undefined;
  return /^\d\d$/.test(m[3] as string) ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

/**
 * A date from 264/260 $c or 008: ISO as given, else the year ("c2020." → "2020") — made exact by a detailed date in
 * 008 of that same year — else the text for validation.
 */
function dateOf(value: string | undefined, f008: string | undefined): string | undefined {
  const detailed = detailedDate(f008);
  if (value) {
    const v = unbracket(trimIsbd(value));
    const iso = /\b(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b/.exec(v);
    if (iso && /^\d{4}-\d{2}/.test(iso[1] as string)) return iso[1];
    const year = /(?:^|[^\d])(1[5-9]\d\d|20\d\d)(?!\d)/.exec(v);
    if (year) return detailed?.startsWith(`${year[1]}-`) ? detailed : year[1];
  }
  if (detailed) return detailed;
  const date1 = f008?.slice(7, 11);
  if (date1 && /^\d{4}$/.test(date1) && date1 !== '0000') return date1;
  return value ? trimIsbd(value) || undefined : undefined;
}

/** Parses a 773 $g ("Vol. 12, no. 3 (2020), p. 45-67", "12(3):45-67", "Bd. 5, S. 10", "art. no. e1234"). */
export function parseRelatedParts(g: string): { volume?: string; issue?: string; locator?: Locator; year?: string } {
  const out: { volume?: string; issue?: string; locator?: Locator; year?: string } = {};
  const year = /\((\d{4})(?:[^)]*)\)/.exec(g);
  if (year) out.year = year[1];
  const volume = /\b(?:volume|vol|v|band|bd|jahrg|jg|tome|t)(?=[\s.\d])\.?\s*([\w/-]+)/i.exec(g);
  const issue = /(?:\b(?:issue|iss|heft|num|número|numero|fasc|no|nr|h)(?=[\s.\d])|n°)\.?\s*([\w/-]+)/i.exec(g.replace(/\bart(?:icle)?\.?\s*no\b/gi, 'article'));
  const article = /\b(?:art(?:icle)?\.?\s*(?:no\.?|nr\.?|number)?|e-?locator|paper)\s*:?\s*([\w.-]+)/i.exec(g);
  const pages = /\b(?:pages|page|pp|p|seiten|seite|s)(?=[\s.\d])\.?\s*([A-Za-z]?\d+[A-Za-z]?)(?:\s*[-–]\s*([A-Za-z]?\d+[A-Za-z]?))?/i.exec(g);
  if (volume) out.volume = volume[1];
  if (issue) out.issue = issue[1];
  if (article) out.locator = { kind: 'article-number', value: article[1] as string };
  else if (pages) out.locator = pages[2] ? { kind: 'pages', first: pages[1] as string, last: pages[2] } : { kind: 'pages', first: pages[1] as string };
  if (!volume && !issue) {
    // The compact citation form: 12(3):45-67, 12:45-67, 12(3), e1234.
    const compact = /^\s*(\d+)\s*(?:\(([\w/-]+)\))?\s*(?:[:,]\s*([A-Za-z]?\d+[A-Za-z]?)(?:\s*[-–]\s*([A-Za-z]?\d+[A-Za-z]?))?)?/.exec(g.replace(/\(\d{4}[^)]*\)/, ''));
    if (compact && (compact[2] || compact[3])) {
      out.volume = compact[1];
      if (compact[2]) out.issue = compact[2];
      if (compact[3] && !out.locator) {
        out.locator = /^e/i.test(compact[3]) && !compact[4]
          ? { kind: 'article-number', value: compact[3] }
          : compact[4] ? { kind: 'pages', first: compact[3], last: compact[4] } : { kind: 'pages', first: compact[3] };
      }
    }
  }
  return out;
}

/** 773 $q, the structured enumeration "12:3<45": volume, issue and first page. */
function parseEnumeration(q: string): { volume?: string; issue?: string; first?: string } {
  const m = /^([^:<]+)(?::([^:<]+))*(?:<(.+))?$/.exec(q.trim());
  if (!m) return {};
  const levels = q.split('<')[0]?.split(':') ?? [];
  const out: { volume?: string; issue?: string; first?: string } = {};
  if (levels[0]) out.volume = levels[0].trim();
  if (levels[1]) out.issue = levels[1].trim();
  if (m[3]) out.first = m[3].trim();
  return out;
}

const TYPE_TERMS = /^(?:Preprint|Review|Conference paper|Blog post)$/;

const GENRE_THESIS = /\b(?:thes[ei]s|dissertation|hochschulschrift|th[èe]se|proefschrift|tesis)\b/i;

/** The work type: leader/06 (type of record), leader/07 (bibliographic level), 008, 502, 655 and 773. */
export function workTypeOf(record: MarcRecord): WorkType {
  const type = record.leader[6] ?? ' ';
  const level = record.leader[7] ?? ' ';
  const f008 = controlValue(record, '008') ?? '';
  const genres = dataFields(record, '655').map((f) => subfield(f, 'a') ?? '');
  const hosts = dataFields(record, '773').filter((f) => subfield(f, 't') || subfield(f, 'x') || subfield(f, 'z'));
  const textual = type === 'a' || type === 't';
  if (type === 'm') {
    const file = f008[26];
    if (file === 'a') return 'dataset';
    if (file === 'b') return 'software';
  }
  if (genres.some((g) => /^data ?sets?\b/i.test(g))) return 'dataset';
  if (genres.some((g) => /^(?:computer )?software\b/i.test(g))) return 'software';
  if (dataFields(record, '502').length > 0 || genres.some((g) => GENRE_THESIS.test(g))) return 'thesis';
  if (genres.some((g) => /^preprints?\b/i.test(g))) return 'preprint';
  if (genres.some((g) => /^blog posts?\b/i.test(g))) return 'blog-post';
  if (genres.some((g) => /^(?:book )?reviews?\b/i.test(g))) return 'review';
  if (textual && (level === 'm' || level === ' ') && f008.length >= 28 && /m/.test(f008.slice(24, 28))) return 'thesis';
  if (level === 'a' || level === 'b' || (level === ' ' && hosts.length > 0)) {
    const host = hosts[0];
    if (genres.some((g) => /conference|proceedings/i.test(g))) return 'conference-paper';
    // A monographic component part is a chapter, unless its host is a serial (an ISSN and no ISBN).
    if (level === 'a' && !(host && subfield(host, 'x') && !subfield(host, 'z'))) return 'chapter';
    if (host && subfield(host, 'z') && !subfield(host, 'x')) return 'chapter';
    return 'article';
  }
  if (textual && level === 'm') {
    if (f008.length >= 28 && /t/.test(f008.slice(24, 28))) return 'report';
    if (genres.some((g) => /^(?:technical )?reports?\b/i.test(g))) return 'report';
    return 'book';
  }
  if (genres.some((g) => /^(?:technical )?reports?\b/i.test(g))) return 'report';
  return 'other';
}

/** The Record a MARC bibliographic record describes. */
export function mapMarc(marc: MarcRecord): Record {
  const record = emptyRecord(workTypeOf(marc));
  const f008 = controlValue(marc, '008');

  record.id = sanitizeId(controlValue(marc, '001')) ?? sanitizeId(dataFields(marc, '035').map((f) => subfield(f, 'a')).find(Boolean));

  const title = dataFields(marc, '245')[0];
  if (title) record.title = titleOf(title);

  for (const f of [...dataFields(marc, '100', '110', '111'), ...dataFields(marc, '700', '710', '711', '720')]) {
    if (f.tag === '711' || (f.tag === '700' && subfield(f, 't'))) {
      // A meeting as an added entry, or a name-title entry (an analytic): kept as a note.
      const text = f.subfields.filter((s) => 'acdegnpt'.includes(s.code)).map((s) => trimIsbd(s.value)).filter(Boolean).join(', ');
      if (text) record.notes.push({ label: f.tag === '711' ? 'Meeting' : 'Related work', value: text });
      continue;
    }
    const agent = agentOf(f);
    if (!agent) continue;
    if ([...subfields(f, '4'), ...subfields(f, 'e')].some((r) => /^(?:isb|issuing body)\.?$/i.test(r.trim()))) {
      // The issuing body of a report.
      if (agent.kind === 'organization' && !record.institution) record.institution = { name: agent.name };
      continue;
    }
    const role = roleOf(f);
    if (role === undefined || role === 'author') record.authors.push(agent);
    else record.contributors.push({ ...agent, role });
  }

  const publication = dataFields(marc, '264').find((f) => f.ind2 === '1') ?? dataFields(marc, '260')[0] ?? dataFields(marc, '264')[0];
  if (publication) {
    const place = subfield(publication, 'a');
    const publisher = subfield(publication, 'b');
    if (place) record.publisherPlace = unbracket(trimIsbd(place));
    if (publisher) record.publisher = unbracket(trimIsbd(publisher));
  }
  record.date = dateOf(publication ? subfield(publication, 'c') : undefined, f008);

  for (const f of dataFields(marc, '020')) {
    const isbn = isbn13(subfield(f, 'a') ?? '');
    if (isbn && !record.isbns.includes(isbn)) record.isbns.push(isbn);
  }
  for (const f of dataFields(marc, '022')) {
    const issn = subfield(f, 'a');
    if (issn) record.identifiers.push({ scheme: 'issn', value: normalizeIssn(issn) });
  }

  const dois: { value: string; alternate: boolean }[] = [];
  for (const f of dataFields(marc, '024')) {
    const value = subfield(f, 'a');
    if (!value) continue;
    const scheme = f.ind1 === '7' ? (subfield(f, '2') ?? 'other').toLowerCase() : ({ '0': 'isrc', '1': 'upc', '2': 'ismn', '3': 'ean', '4': 'sici' } as const)[f.ind1 as '0'] ?? 'other';
    if (scheme === 'doi') dois.push({ value: normalizeDoi(value), alternate: /alternate/i.test(subfield(f, 'q') ?? '') });
    else record.identifiers.push({ scheme: scheme === 'hdl' ? 'handle' : scheme, value: value.trim() });
  }
  for (const f of dataFields(marc, '035')) {
    const value = subfield(f, 'a');
    if (!value) continue;
    const oclc = /^\(OCoLC\)\s*(?:oc[mn]|on)?(\d+)/i.exec(value);
    record.identifiers.push(oclc ? { scheme: 'oclc', value: oclc[1] as string } : { scheme: 'local', value: value.trim() });
  }

  const language = marcLanguage(f008?.slice(35, 38)) ?? marcLanguage(dataFields(marc, '041').flatMap((f) => subfields(f, 'a'))[0]?.slice(0, 3));
  if (language && language !== 'zxx' && language !== 'und') record.language = language;

  const edition = dataFields(marc, '250')[0];
  if (edition && subfield(edition, 'a')) record.edition = trimIsbd(subfield(edition, 'a') as string);

  const version = dataFields(marc, '251').map((f) => subfield(f, 'a')).find(Boolean);
  if (version) record.version = version.trim();

  const extent = dataFields(marc, '300')[0];
  if (extent) {
    const text = extent.subfields.filter((s) => 'abcef'.includes(s.code)).map((s) => s.value.trim()).join(' ');
    if (text) record.extent = text.replace(/\s*[;:+,/]$/, '').trim();
  }

  const seriesAdded = dataFields(marc, '830', '800', '810', '811')[0];
  const seriesStatement = dataFields(marc, '490')[0];
  const seriesField = seriesAdded ?? seriesStatement;
  if (seriesField) {
    const seriesTitle = seriesField.tag === '830' || seriesField.tag === '490' ? subfield(seriesField, 'a') : subfield(seriesField, 't');
    if (seriesTitle) {
      const number = subfield(seriesField, 'v') ?? (seriesStatement ? subfield(seriesStatement, 'v') : undefined);
      const issns = [seriesField, seriesStatement].flatMap((f) => (f ? subfields(f, 'x') : [])).map(normalizeIssn);
      record.series = { title: trimIsbd(seriesTitle) };
      if (number) record.series.number = trimIsbd(number);
      if (issns.length > 0) record.series.issns = [...new Set(issns)];
    }
  }

  for (const f of dataFields(marc, '502')) {
    const a = subfield(f, 'a');
    const degree = subfield(f, 'b');
    let institution = subfield(f, 'c');
    let year = subfield(f, 'd');
    let degreeText = degree;
    if (a && !institution) {
      // "Thesis (Ph.D.)--University of X, 2001."
      const m = /^(?:thesis|dissertation|diss\.?)\s*(?:\(([^)]+)\))?\s*-*\s*(.+?)(?:,\s*(\d{4}))?\.?$/i.exec(a.trim());
      if (m) {
        degreeText ??= m[1];
        if (m[2] && !/^\d{4}$/.test(m[2])) institution = m[2];
        year ??= m[3];
      }
    }
    if (institution) record.institution = { name: trimIsbd(institution) };
    if (degreeText) record.notes.push({ label: 'Degree', value: trimIsbd(degreeText, { keepPeriod: true }) });
    if (!record.date && year) record.date = dateOf(year, undefined);
    if (a && !institution && !degree) record.notes.push({ label: 'Dissertation note', value: a.trim() });
  }
  if (record.type === 'thesis' && !record.institution) {
    const grantor = record.contributors.find((c) => c.role === 'degree-grantor');
    if (grantor && grantor.kind === 'organization') record.institution = { name: grantor.name };
  }

  for (const f of dataFields(marc, '506')) {
    const text = [subfield(f, 'a'), subfield(f, 'f')].filter(Boolean).join(' ');
    if (f.ind1 === '0' || /open access|unrestricted/i.test(text)) record.accessRights = 'open';
    else if (/embargo/i.test(text)) record.accessRights = 'embargoed';
    else if (/metadata only/i.test(text)) record.accessRights = 'metadata-only';
    else if (f.ind1 === '1' || /restricted/i.test(text)) record.accessRights = 'restricted';
  }
  for (const f of dataFields(marc, '540')) {
    // A $u is the licence when it names one, or when it is all the field says.
    const linked = subfields(f, 'u').map((u) => u.trim()).find((u) => licenseIri(u) || (!subfield(f, 'a') && /^https?:\/\//.test(u)));
    const iri = linked ?? licenseIri(subfield(f, 'f')) ?? licenseIri(subfield(f, 'a'));
    if (iri && !record.license) record.license = iri;
    const text = subfield(f, 'a');
    if (text && !licenseIri(text)) record.rights = trimIsbd(text, { keepPeriod: true });
  }

  const abstracts = dataFields(marc, '520').map((f) => [subfield(f, 'a'), subfield(f, 'b')].filter(Boolean).join(' ').trim()).filter(Boolean);
  if (abstracts.length > 0) record.abstract = abstracts.map((text) => ({ text }));

  for (const f of dataFields(marc, '600', '610', '611', '630', '650', '651', '653')) {
    if (f.tag === '650' && /opendefinition/i.test(subfield(f, '2') ?? '')) {
      // A licence recorded as a subject term (Zenodo's MARC does this).
      const iri = licenseIri(subfield(f, 'a'));
      if (iri && !record.license) record.license = iri;
      continue;
    }
    if (f.tag === '653') {
      for (const a of subfields(f, 'a')) {
        const term = trimIsbd(a);
        if (term && !record.subjects.includes(term)) record.subjects.push(term);
      }
      continue;
    }
    const main = f.subfields.filter((s) => 'abcdt'.includes(s.code)).map((s) => trimIsbd(s.value)).filter(Boolean).join(' ');
    const subdivisions = f.subfields.filter((s) => 'vxyz'.includes(s.code)).map((s) => trimIsbd(s.value)).filter(Boolean);
    const term = [main, ...subdivisions].filter(Boolean).join(' -- ');
    if (term && !record.subjects.includes(term)) record.subjects.push(term);
  }
  // A type term the MARCXML writer adds (655 with second indicator 4) tells the type, not a genre.
  const genre = dataFields(marc, '655')
    .filter((f) => !(f.ind2 === '4' && TYPE_TERMS.test(subfield(f, 'a') ?? '')))
    .map((f) => subfield(f, 'a'))
    .find(Boolean);
  if (genre) record.genre = trimIsbd(genre);

  for (const f of dataFields(marc, '773')) {
    const t = subfield(f, 't');
    const x = subfield(f, 'x');
    const z = subfield(f, 'z');
    if (!t && !x && !z && subfield(f, 'n')) {
      // A related identifier given as 773 $a with its scheme in $n and relation in $i (Zenodo's MARC).
      const a = subfield(f, 'a');
      const scheme = subfield(f, 'n');
      if (a && scheme) {
        const rel = subfield(f, 'i') ?? 'References';
        record.relations.push({ type: rel.charAt(0).toUpperCase() + rel.slice(1), identifier: { scheme: scheme.toLowerCase(), value: scheme.toLowerCase() === 'doi' ? normalizeDoi(a) : a.trim() } });
      }
      continue;
    }
    if (record.container || record.locator) continue;
    const container: Container = { issns: x ? [normalizeIssn(x)] : [] };
    if (z) {
      const isbn = isbn13(z);
      container.kind = 'book';
      if (isbn) container.isbns = [isbn];
    }
    if (t) container.title = trimIsbd(t);
    const parts = parseRelatedParts(subfields(f, 'g').join(', '));
    const q = subfield(f, 'q');
    const enumeration = q ? parseEnumeration(q) : {};
    // $q is structured ("19, Part A:3<45"), so its volume and issue are taken whole; $g is parsed.
    const volume = enumeration.volume ?? parts.volume;
    const issue = enumeration.volume ? enumeration.issue : parts.issue ?? enumeration.issue;
    if (volume) container.volume = volume;
    if (issue) container.issue = issue;
    // A 773 that only locates the work ($g "p. 200-210") gives the locator, not a container.
    if (container.title || container.issns.length > 0 || container.isbns || volume || issue) record.container = container;
    if (parts.locator) record.locator = parts.locator;
    else if (enumeration.first) record.locator = { kind: 'pages', first: enumeration.first };
    if (!record.date && parts.year) record.date = parts.year;
    const d = subfield(f, 'd');
    if (d && !record.publisher) {
      // The host's "Place : Publisher, date" ($d) is the work's publisher when the record has no 264/260 of its own:
      // the date (a serial's "1958-") is cut off, a comma inside the name ("eLife Sciences Publications, Ltd") kept.
      const m = /^(?:([^:]+?)\s*:\s*)?(.+?)(?:,?\s*\[?c?\d{4}\??\]?\s*-?\s*(?:\d{4})?\]?)?\.?$/.exec(d.trim());
      if (m?.[1]) record.publisherPlace = unbracket(trimIsbd(m[1]));
      if (m?.[2]) record.publisher = unbracket(trimIsbd(m[2]));
    }
  }

  if (record.container) {
    for (const f of dataFields(marc, '776')) {
      for (const x of subfields(f, 'x')) {
        const issn = normalizeIssn(x);
        if (!record.container.issns.includes(issn)) record.container.issns.push(issn);
      }
    }
  }
  for (const f of dataFields(marc, '787')) {
    const o = /^\(([^)]+)\)\s*(.+)$/.exec(subfield(f, 'o') ?? '');
    if (o) record.relations.push({ type: trimIsbd(subfield(f, 'i') ?? 'References'), identifier: { scheme: (o[1] as string).toLowerCase(), value: (o[2] as string).trim() } });
  }

  for (const f of dataFields(marc, '856')) {
    for (const u of subfields(f, 'u')) {
      const url = u.trim();
      const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(10\..+)$/i.exec(url);
      if (doi) {
        const value = normalizeDoi(decodeURIComponent(doi[1] as string));
        // The DOI, unless 024 gave it already: then the link is the work's URL.
        const known = dois.some((d) => !d.alternate && d.value === value);
        if (!known) {
          dois.push({ value, alternate: false });
          continue;
        }
        if (record.url) continue;
      }
      if (!record.url) record.url = url;
      else if (!record.identifiers.some((i) => i.value === url)) record.identifiers.push({ scheme: 'url', value: url });
    }
  }
  const primary = dois.find((d) => !d.alternate) ?? dois[0];
  if (primary) record.doi = primary.value;
  for (const d of dois) {
    if (d.value !== record.doi && !record.identifiers.some((i) => i.scheme === 'doi' && i.value === d.value)) record.identifiers.push({ scheme: 'doi', value: d.value });
  }

  for (const f of dataFields(marc, '536')) {
    const funder = subfield(f, 'a');
    const award = subfield(f, 'c') ?? subfield(f, 'b') ?? subfield(f, 'f') ?? subfield(f, 'd');
    if (funder) record.funding.push(award ? { funder: { name: trimIsbd(funder) }, awardNumber: award.trim() } : { funder: { name: trimIsbd(funder) } });
  }
  for (const f of dataFields(marc, '500')) {
    const a = subfield(f, 'a');
    if (a) record.notes.push({ label: 'Note', value: a.trim() });
  }
  return record;
}
