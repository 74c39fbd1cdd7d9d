// Reader for Crossref XML: unixsd query results (`crossref_result`), unixref (`doi_records`, `crossref`) and deposits
// (`doi_batch`). Every work in the file becomes a Record; the file is streamed one `query`/`doi_record` at a time.
import { LdpubError } from '../errors.js';
import type { Agent, ContributorRole, Funding, Identifier, Organization, Record, Relation, WorkType } from '../model/record.js';
import { emptyRecord } from '../model/record.js';
import type { ReadReport, RecordReader } from './reader.js';
import { bareOrcid, identifierList, normalizeDoi, normalizeIsbn, normalizeIssn } from './shared/identifiers.js';
import { jatsAbstract, joinTitle, markedText, type MarkedText } from './shared/inline.js';
import { descendants, kid, kids, optText, ownText, parseXml, path, sniffRoot, textOf, type XmlElement } from './shared/xml.js';
import { isoIsbn13 } from './shared/isbn.js';
import { languageOf } from './shared/languages.js';
import { locatorOf } from './shared/csl-to-record.js';
import { funderIri, rorIri } from './shared/org-ids.js';
import { lookupTable } from '../model/lookup.js';

const ROOTS = new Set(['crossref_result', 'doi_records', 'doi_record', 'crossref', 'doi_batch']);

/** True for a Crossref namespace (query results, unixref, deposit schemas) on a Crossref root element. */
export function isCrossrefXml(root: { local: string; uri: string }): boolean {
  return ROOTS.has(root.local) && (root.uri === '' || /^https?:\/\/www\.crossref\.org\//.test(root.uri));
}

/** The work elements inside `<crossref>` or a deposit `<body>`, and the WorkType each becomes. */
const WORK_ELEMENTS = new Set(['journal', 'book', 'conference', 'posted_content', 'dissertation', 'report-paper', 'peer_review', 'sa_component', 'database', 'standard', 'component']);

const ROLES: { [role: string]: ContributorRole | 'author' } = lookupTable({
  author: 'author',
  editor: 'editor',
  'lead-author': 'author',
  translator: 'translator',
  chair: 'other',
  reviewer: 'author',
  'review-assistant': 'contributor',
  'stats-reviewer': 'contributor',
  'reviewer-external': 'contributor',
  reader: 'contributor',
});

/** relationship-type of `<rel:inter_work_relation>`/`<rel:intra_work_relation>` → the DataCite relation name. */
function relationName(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

export const crossrefXmlReader: RecordReader & { readReport(text: string): ReadReport } = {
  name: 'crossref-xml',
  extensions: [],
  sniff(text) {
    const root = sniffRoot(text);
    return root !== undefined && isCrossrefXml(root);
  },
  read(text) {
    const { records, problems } = this.readReport(text);
    if (records.length === 0) throw problems[0] ?? new LdpubError('LDPUB_NOT_A_RECORD', 'the Crossref XML holds no work');
    return records;
  },
  readReport(text) {
    const records: Record[] = [];
    const problems: LdpubError[] = [];
    let rootLocal = '';
    const onUnit = (unit: XmlElement) => {
      try {
        const got = unitRecords(unit);
        if (got.length === 0) {
          const status = unit.attrs.status;
          const doi = optText(kid(unit, 'doi'));
          problems.push(
            new LdpubError('LDPUB_NOT_A_RECORD', status && status !== 'resolved' ? `the Crossref query was not resolved (status "${status}")` : 'no Crossref work in this record', {
              field: `line ${unit.line}`,
              ...(doi ? { value: doi } : {}),
            }),
          );
        }
        records.push(...got);
      } catch (e) {
        if (e instanceof LdpubError) problems.push(e);
        else throw e;
      }
    };
    try {
      parseXml(text, {
        onRoot: (root) => {
          rootLocal = root.local;
          if (!isCrossrefXml(root)) throw new LdpubError('LDPUB_NOT_A_RECORD', `not Crossref XML: the root element is <${root.local}>`, { field: 'root element', value: root.uri || root.local });
        },
        isRecord: (el, depth) =>
          el.local === 'query' ||
          (el.local === 'doi_record' && rootLocal !== 'crossref_result') ||
          (depth === 1 && (el.local === 'crossref' || el.local === 'doi_record')) ||
          (rootLocal === 'doi_batch' && el.local === 'body'),
        onRecord: onUnit,
        // A work that is not well-formed refuses itself; the works after it are read.
        onError: (e) => problems.push(e),
      });
    } catch (e) {
      if (!(e instanceof LdpubError)) throw e;
      problems.push(e);
    }
    return { records, problems };
  },
};

/** The records of one `query`, `doi_record`, `crossref` or deposit `body` element. */
function unitRecords(unit: XmlElement): Record[] {
  const crossref = unit.local === 'crossref' || unit.local === 'body' ? unit : descendants(unit, 'crossref')[0];
  if (!crossref) return [];
  const queryDoi = unit.local === 'query' ? optText(kid(unit, 'doi')) : undefined;
  const crmPublisher = kids(unit, 'crm-item').find((c) => c.attrs.name === 'publisher-name');
  const out: Record[] = [];
  for (const work of kids(crossref).filter((k) => WORK_ELEMENTS.has(k.local))) {
    for (const r of workRecords(work, queryDoi)) {
      if (!r.publisher && crmPublisher) r.publisher = textOf(crmPublisher);
      out.push(r);
    }
  }
  return out;
}

function workRecords(work: XmlElement, queryDoi: string | undefined): Record[] {
  switch (work.local) {
    case 'journal':
      return journalRecords(work);
    case 'book':
      return bookRecords(work, queryDoi);
    case 'conference':
      return conferenceRecords(work);
    case 'posted_content':
      return [itemRecord(work, 'preprint', {})];
    case 'dissertation':
      return [dissertationRecord(work)];
    case 'report-paper':
      return reportRecords(work, queryDoi);
    case 'peer_review':
      return [itemRecord(work, 'review', {})];
    case 'database':
      return [itemRecord(kid(work, 'database_metadata') ?? work, 'dataset', {})];
    default:
      return [itemRecord(work, 'other', {})];
  }
}

interface Host {
  containerKind?: 'periodical' | 'book' | 'proceedings';
  containerTitle?: string;
  issns?: string[];
  containerIsbns?: string[];
  volume?: string;
  issue?: string;
  dates?: XmlElement[];
  publisher?: XmlElement;
  language?: string;
  series?: XmlElement;
}

function journalRecords(journal: XmlElement): Record[] {
  const meta = kid(journal, 'journal_metadata');
  const issue = kid(journal, 'journal_issue');
  const host: Host = {
    containerKind: 'periodical',
    containerTitle: optText(kid(meta, 'full_title')) ?? optText(kid(meta, 'abbrev_title')),
    issns: identifierList(kids(meta, 'issn').map(textOf), normalizeIssn),
    volume: optText(path(issue, 'journal_volume', 'volume')),
    issue: optText(kid(issue, 'issue')),
    dates: [...kids(issue, 'publication_date')],
    language: meta?.attrs.language,
  };
  const articles = kids(journal, 'journal_article');
  return articles.map((a) => itemRecord(a, 'article', host));
}

function bookRecords(book: XmlElement, queryDoi: string | undefined): Record[] {
  const meta = kid(book, 'book_metadata') ?? kid(book, 'book_series_metadata') ?? kid(book, 'book_set_metadata');
  if (!meta) return [];
  const bookRecord = itemRecord(meta, 'book', { series: kid(meta, 'series_metadata') ?? kid(meta, 'set_metadata') });
  bookRecord.isbns = isbnsOf(meta);
  const items = kids(book, 'content_item');
  const bookTitle = bookRecord.title;
  const chapters = items.map((item) =>
    itemRecord(item, 'chapter', {
      containerKind: 'book',
      containerTitle: bookTitle,
      containerIsbns: bookRecord.isbns,
      dates: kids(meta, 'publication_date'),
      publisher: kid(meta, 'publisher'),
      language: meta.attrs.language,
    }),
  );
  for (const ch of chapters) {
    if (!ch.publisher && bookRecord.publisher) ch.publisher = bookRecord.publisher;
    if (!ch.publisherPlace && bookRecord.publisherPlace) ch.publisherPlace = bookRecord.publisherPlace;
    // The book's editors are the chapter's editors too.
    for (const editor of bookRecord.contributors.filter((c) => c.role === 'editor')) ch.contributors.push(editor);
  }
  return pickTarget([bookRecord, ...chapters], queryDoi, chapters.length > 0 ? chapters : [bookRecord]);
}

function conferenceRecords(conf: XmlElement): Record[] {
  const event = kid(conf, 'event_metadata');
  const proc = kid(conf, 'proceedings_metadata') ?? kid(conf, 'proceedings_series_metadata');
  const host: Host = {
    containerKind: 'proceedings',
    containerTitle: optText(kid(proc, 'proceedings_title')) ?? optText(kid(event, 'conference_name')),
    issns: identifierList(kids(proc, 'issn').map(textOf), normalizeIssn),
    containerIsbns: proc ? isbnsOf(proc) : [],
    volume: optText(kid(proc, 'volume')),
    dates: kids(proc, 'publication_date'),
    publisher: kid(proc, 'publisher'),
    language: proc?.attrs.language,
    series: kid(proc, 'series_metadata'),
  };
  const papers = kids(conf, 'conference_paper').map((p) => itemRecord(p, 'conference-paper', host));
  const eventName = optText(kid(event, 'conference_name'));
  for (const p of papers) {
    if (eventName) p.notes.push({ label: 'conference', value: [eventName, optText(kid(event, 'conference_location')), optText(kid(event, 'conference_date'))].filter(Boolean).join(', ') });
  }
  return papers;
}

function dissertationRecord(diss: XmlElement): Record {
  const r = itemRecord(diss, 'thesis', {});
  const inst = kid(diss, 'institution');
  const org = inst ? institutionOf(inst) : undefined;
  if (org) r.institution = org;
  const place = optText(kid(inst, 'institution_place'));
  if (place && !r.publisherPlace) r.publisherPlace = place;
  const degree = kids(diss, 'degree').map(textOf).filter(Boolean);
  if (degree.length > 0) r.genre = degree.join('; ');
  r.isbns = isbnsOf(diss);
  return r;
}

function reportRecords(report: XmlElement, queryDoi: string | undefined): Record[] {
  const meta = kid(report, 'report-paper_metadata') ?? kid(report, 'report-paper_series_metadata');
  if (!meta) return [];
  const r = itemRecord(meta, 'report', { series: kid(meta, 'series_metadata') });
  const inst = kid(meta, 'institution');
  const org = inst ? institutionOf(inst) : undefined;
  if (org) r.institution = org;
  r.isbns = isbnsOf(meta);
  const contract = optText(kid(meta, 'contract_number'));
  if (contract) r.notes.push({ label: 'contract number', value: contract });
  const parts = kids(report, 'content_item').map((item) =>
    itemRecord(item, 'report', { containerKind: 'book', containerTitle: r.title, containerIsbns: r.isbns, dates: kids(meta, 'publication_date'), publisher: kid(meta, 'publisher') }),
  );
  return pickTarget([r, ...parts], queryDoi, [r]);
}

/** In a query result for one DOI, the work with that DOI; otherwise the default list. */
function pickTarget(all: Record[], queryDoi: string | undefined, fallback: Record[]): Record[] {
  if (queryDoi) {
    const hit = all.find((r) => r.doi?.toLowerCase() === queryDoi.toLowerCase());
    if (hit) return [hit];
  }
  return fallback;
}

/** What every Crossref work element has in common: titles, contributors, dates, pages, DOI, programs. */
function itemRecord(el: XmlElement, type: WorkType, host: Host): Record {
  const r = emptyRecord(type);
  const titles = kid(el, 'titles');
  const original = kids(titles, 'original_language_title').find((t) => textOf(t) !== '');
  const titleEl = [kid(titles, 'title'), kid(el, 'full_title'), kid(el, 'proceedings_title')].find((t) => t && textOf(t) !== '') ?? original;
  if (titleEl) {
    const t = joinTitle(markedText(titleEl), subtitleOf(titles));
    if (t.text) {
      r.title = t.text;
      if (t.inline) r.titleInline = t.inline;
    }
  }
  for (const other of kids(titles, 'original_language_title')) {
    const t = textOf(other);
    if (t && other !== titleEl) r.notes.push({ label: 'original language title', value: t });
  }

  // A dissertation names its author directly, without <contributors>.
  const contributorEls = [...kids(kid(el, 'contributors')), ...(el.local === 'dissertation' ? kids(el, 'person_name') : [])];
  for (const c of contributorEls) {
    const agent = agentOf(c);
    if (!agent) continue;
    const role = ROLES[c.attrs.contributor_role ?? 'author'] ?? 'contributor';
    if (role === 'author') r.authors.push(agent);
    else r.contributors.push({ ...agent, role });
  }
  // The first-named author comes first even when the deposit lists the contributors in another order.
  const firstIndex = contributorEls.filter((c) => agentOf(c) && (ROLES[c.attrs.contributor_role ?? 'author'] ?? 'contributor') === 'author').findIndex((c) => c.attrs.sequence === 'first');
  if (firstIndex > 0) r.authors.unshift(...r.authors.splice(firstIndex, 1));

  const container = host.containerKind
    ? {
        ...(host.containerKind !== 'periodical' ? { kind: host.containerKind } : {}),
        ...(host.containerTitle ? { title: host.containerTitle } : {}),
        ...(host.containerIsbns && host.containerIsbns.length > 0 ? { isbns: host.containerIsbns } : {}),
        issns: host.issns ?? [],
        ...(host.volume ? { volume: host.volume } : {}),
        ...(host.issue ? { issue: host.issue } : {}),
      }
    : undefined;
  if (container && (container.title || container.volume || container.issue || container.issns.length > 0 || container.isbns)) r.container = container;

  // Pages, else an article number (item_number of type article_number, or any single item_number).
  const pages = kid(el, 'pages');
  const first = optText(kid(pages, 'first_page'));
  const last = optText(kid(pages, 'last_page'));
  const itemNumbers = descendants(kid(el, 'publisher_item'), 'item_number');
  // An untyped item number that is the DOI itself (PLOS deposits) is no article number.
  const articleNumber =
    itemNumbers.find((n) => /^article[-_]number$/.test(n.attrs.item_number_type ?? '')) ??
    itemNumbers.find((n) => !n.attrs.item_number_type && !/^10\.\d{4,}\//.test(textOf(n)));
  const locator = locatorOf(first && last ? `${first}-${last}` : first, articleNumber ? textOf(articleNumber) || undefined : undefined);
  if (locator) r.locator = locator;
  const otherPages = optText(kid(pages, 'other_pages'));
  if (otherPages) r.notes.push({ label: 'other pages', value: otherPages });
  for (const n of itemNumbers) if (n !== articleNumber && n.attrs.item_number_type !== 'doi' && textOf(n) !== textOf(kid(kid(el, 'doi_data'), 'doi'))) r.notes.push({ label: n.attrs.item_number_type ? `item number (${n.attrs.item_number_type})` : 'item number', value: textOf(n) });

  const date = earliestDate([...kids(el, 'publication_date'), ...kids(el, 'posted_date'), ...kids(el, 'review_date'), ...kids(el, 'approval_date'), ...(host.dates ?? [])]);
  if (date) r.date = date;

  const language = el.attrs.language ?? host.language ?? (titleEl === original ? original?.attrs.language : undefined);
  if (language) r.language = languageOf(language);

  const abstracts = kids(el, 'abstract');
  const main = abstracts.find((a) => !a.attrs['abstract-type'] || a.attrs['abstract-type'] === 'abstract') ?? abstracts[0];
  if (main) {
    const sections = jatsAbstract(main);
    if (sections.length > 0) r.abstract = sections;
  }

  const doiData = kid(el, 'doi_data');
  const doi = optText(kid(doiData, 'doi'));
  if (doi) r.doi = normalizeDoi(doi);
  const resource = optText(kid(doiData, 'resource'));
  if (resource && /^https?:\/\//i.test(resource)) r.url = resource;

  const publisher = kid(el, 'publisher') ?? host.publisher;
  const publisherName = optText(kid(publisher, 'publisher_name'));
  if (publisherName) r.publisher = publisherName;
  const place = optText(kid(publisher, 'publisher_place'));
  if (place) r.publisherPlace = place;
  const edition = optText(kid(el, 'edition_number'));
  if (edition) r.edition = edition;

  const seriesEl = host.series;
  if (seriesEl) {
    const title = textOf(path(seriesEl, 'titles', 'title'));
    if (title) {
      const issns = identifierList(kids(seriesEl, 'issn').map(textOf), normalizeIssn);
      const number = optText(kid(seriesEl, 'series_number')) ?? optText(kid(el, 'volume'));
      r.series = { title, ...(number ? { number } : {}), ...(issns.length > 0 ? { issns } : {}) };
    }
  }

  if (type === 'preprint') {
    const group = optText(kid(el, 'group_title'));
    if (group) r.subjects.push(group);
    // The posted content's <institution> is the preprint server: the repository the work is in.
    const inst = kid(el, 'institution');
    const org = inst ? institutionOf(inst) : undefined;
    if (org) r.container = { kind: 'repository', title: org.name, issns: [] };
  }

  r.license = licenseOf(el);
  if (r.license === undefined) delete r.license;
  r.funding = fundingOf(el);
  r.relations = relationsOf(el);
  r.identifiers = identifiersOf(el);
  return r;
}

function subtitleOf(titles: XmlElement | undefined): MarkedText | undefined {
  const sub = kid(titles, 'subtitle');
  return sub ? markedText(sub) : undefined;
}

function agentOf(c: XmlElement): Agent | undefined {
  if (c.local === 'organization') {
    const name = textOf(c);
    return name ? { kind: 'organization', name } : undefined;
  }
  if (c.local !== 'person_name' && c.local !== 'anonymous') return undefined;
  if (c.local === 'anonymous') return { kind: 'organization', name: 'Anonymous' };
  const family = textOf(kid(c, 'surname'));
  const given = textOf(kid(c, 'given_name'));
  if (!family && !given) return undefined;
  const person: Agent = { kind: 'person', family: family || given, ...(family && given ? { given } : {}) };
  const suffix = optText(kid(c, 'suffix'));
  if (suffix) person.suffix = suffix;
  const orcid = bareOrcid(textOf(kid(c, 'ORCID')));
  if (orcid) person.orcid = orcid;
  const affiliations: Organization[] = [];
  for (const a of kids(c, 'affiliation')) {
    const name = textOf(a);
    if (name) affiliations.push({ name });
  }
  for (const inst of kids(kid(c, 'affiliations'), 'institution')) {
    const org = institutionOf(inst);
    if (org) affiliations.push(org);
  }
  if (affiliations.length > 0) person.affiliations = affiliations;
  return person;
}

/** `<institution>` with its name and `<institution_id type="ror|isni|wikidata">`. */
function institutionOf(inst: XmlElement): Organization | undefined {
  const ids = kids(inst, 'institution_id');
  const ror = ids.find((i) => i.attrs.type === 'ror' || /ror\.org\//.test(textOf(i)));
  const other = ids.find((i) => i !== ror && /^https?:\/\//.test(textOf(i)));
  const name = optText(kid(inst, 'institution_name')) ?? optText(kid(inst, 'institution_acronym')) ?? (ror ? textOf(ror) : undefined);
  if (!name) return undefined;
  const org: Organization = { name };
  if (ror) org.ror = rorIri(textOf(ror));
  if (other) org.iri = textOf(other);
  return org;
}


function isbnsOf(el: XmlElement): string[] {
  return identifierList(kids(el, 'isbn').map(textOf), (v) => isoIsbn13(normalizeIsbn(v)));
}

/** The earliest of several Crossref dates (print, online, posted…), as YYYY, YYYY-MM or YYYY-MM-DD. */
function earliestDate(dates: XmlElement[]): string | undefined {
  const texts = dates.map(crossrefDate).filter((d): d is string => d !== undefined);
  if (texts.length === 0) return undefined;
  // Compare the year-month-day parts; on a tie, the more precise date wins.
  return texts.sort((a, b) => (a.slice(0, Math.min(a.length, b.length)) === b.slice(0, Math.min(a.length, b.length)) ? b.length - a.length : a < b ? -1 : 1))[0];
}

function crossrefDate(d: XmlElement): string | undefined {
  const year = textOf(kid(d, 'year'));
  if (!year) return undefined;
  const month = textOf(kid(d, 'month'));
  const day = textOf(kid(d, 'day'));
  const pad = (v: string) => (/^\d$/.test(v) ? `0${v}` : v);
  // Crossref months 21–34 are seasons and quarters: only the year is kept.
  if (!month || !/^\d{1,2}$/.test(month) || Number(month) > 12) return year;
  if (!day || !/^\d{1,2}$/.test(day)) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first `<ai:license_ref>`, preferring the version of record's, outside and inside `<crossmark>`. */
function licenseOf(el: XmlElement): string | undefined {
  const refs = descendants(el, 'license_ref', new Set(['citation_list', 'component_list']));
  const pick = refs.find((r) => r.attrs.applies_to === 'vor') ?? refs.find((r) => !r.attrs.applies_to) ?? refs[0];
  const iri = pick ? textOf(pick) : '';
  return iri ? iri : undefined;
}

/** `<fr:program>` funder groups, outside and inside `<crossmark>`, deduplicated by funder and award. */
function fundingOf(el: XmlElement): Funding[] {
  const out: Funding[] = [];
  const seen = new Set<string>();
  for (const program of descendants(el, 'program', new Set(['citation_list', 'component_list']))) {
    if (program.attrs.name !== 'fundref' && program.uri !== 'http://www.crossref.org/fundref.xsd') continue;
    const groups = kids(program, 'assertion').filter((a) => a.attrs.name === 'fundgroup');
    // A program may also hold funder_name assertions directly, without groups.
    for (const group of groups.length > 0 ? groups : [program]) {
      const names = descendants(group, 'assertion').filter((a) => a.attrs.name === 'funder_name');
      const awards = descendants(group, 'assertion').filter((a) => a.attrs.name === 'award_number').map(textOf).filter(Boolean);
      for (const nameEl of names) {
        const name = ownText(nameEl) || textOf(nameEl);
        const idEl = descendants(nameEl, 'assertion').find((a) => a.attrs.name === 'funder_identifier') ?? descendants(group, 'assertion').find((a) => a.attrs.name === 'funder_identifier');
        const funder: Organization = { name };
        const id = idEl ? textOf(idEl) : '';
        if (id) funder.iri = funderIri(id);
        for (const award of awards.length > 0 ? awards : [undefined]) {
          const key = `${funder.iri ?? name.toLowerCase()}|${award ?? ''}`;
          if (seen.has(key)) continue;
          // A funder named once with its id and once without is one funder.
          const sameName = out.findIndex((f) => f.funder.name.toLowerCase() === name.toLowerCase() && (f.awardNumber ?? '') === (award ?? ''));
          if (sameName >= 0) {
            if (!out[sameName]!.funder.iri && funder.iri) out[sameName]!.funder.iri = funder.iri;
            seen.add(key);
            continue;
          }
          seen.add(key);
          out.push({ funder: { ...funder }, ...(award ? { awardNumber: award } : {}) });
        }
      }
    }
  }
  return out;
}


function relationsOf(el: XmlElement): Relation[] {
  const out: Relation[] = [];
  for (const program of descendants(el, 'program', new Set(['citation_list', 'component_list']))) {
    if (program.uri !== 'http://www.crossref.org/relations.xsd') continue;
    for (const rel of descendants(program, 'inter_work_relation').concat(descendants(program, 'intra_work_relation'))) {
      const type = rel.attrs['relationship-type'];
      const value = textOf(rel);
      if (!type || !value) continue;
      const scheme = (rel.attrs['identifier-type'] ?? 'other').toLowerCase();
      if (!out.some((o) => o.type === relationName(type) && o.identifier.value === value)) {
        out.push({ type: relationName(type), identifier: { scheme, value: scheme === 'doi' ? normalizeDoi(value) : value } });
      }
    }
  }
  return out;
}

/** `<publisher_item><identifier id_type="…">` other than the DOI itself: PII, SICI, PMID… */
function identifiersOf(el: XmlElement): Identifier[] {
  const out: Identifier[] = [];
  for (const id of kids(kid(el, 'publisher_item'), 'identifier')) {
    const scheme = (id.attrs.id_type ?? 'local').toLowerCase();
    const value = textOf(id);
    if (scheme !== 'doi' && value) out.push({ scheme, value });
  }
  return out;
}
