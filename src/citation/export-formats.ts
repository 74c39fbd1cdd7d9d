// BibTeX and RIS for a Record: fields chosen per work type here, BibTeX values escaped by citation-js's own BibTeX writer.
import { createRequire } from 'node:module';
import type { Agent, Record } from '../model/record.js';
import { abstractText } from '../model/text.js';
import type { CitationContext } from './to-csl-json.js';
import { bibtexType, isbnsOf, issuingInstitution, reportNumber, RIS_TYPE_OF } from './work-types.js';

interface BibtexValues {
  /** citation-js's BibTeX value writer: LaTeX escapes, braces around capitals in titles, `and` between names. */
  format(field: string, value: unknown): string;
  formatAnnotation(value: { item: { [i: number]: string } }): string;
}

let values: BibtexValues | undefined;
function bibtexValues(): BibtexValues {
  // The module that @citation-js/plugin-bibtex's own `bibtex` output formats every value with.
  values ??= createRequire(import.meta.url)('@citation-js/plugin-bibtex/lib/output/value.js') as BibtexValues;
  return values;
}

/** One line: every line break in the output is one the writer made. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Fields citation-js writes as `and`-separated lists of literals: one value is a list of one. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['publisher', 'school', 'institution', 'address', 'organization', 'location']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

interface DateParts {
  year?: string;
  month?: number;
  day?: number;
}

function dateParts(date: string | undefined): DateParts {
  if (!date) return {};
  const m = ISO_DATE.exec(date);
  if (!m) {
    const year = /\b(\d{4})\b/.exec(date)?.[1];
    return year ? { year } : {};
  }
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  return {
    year: m[1],
    ...(month && month >= 1 && month <= 12 ? { month } : {}),
    ...(month && day && day >= 1 && day <= 31 ? { day } : {}),
  };
}

function bibtexName(agent: Agent): { family: string; given?: string; suffix?: string } {
  if (agent.kind === 'organization') return { family: oneLine(agent.name) };
  return {
    family: oneLine(agent.family),
    ...(agent.given ? { given: oneLine(agent.given) } : {}),
    ...(agent.suffix ? { suffix: oneLine(agent.suffix) } : {}),
  };
}

function rolesOf(record: Record, role: 'editor' | 'translator'): Agent[] {
  return record.contributors.filter((c) => c.role === role);
}

/**
 * One BibTeX entry whose key is the record id. The entry type follows the work type (docs/citations.md);
 * `month` is a month macro (`month = feb`), and a full date is also written as biblatex's `date`, since
 * BibTeX has no day field.
 */
export function toBibtex(record: Record, ctx: CitationContext): string {
  const { format, formatAnnotation } = bibtexValues();
  const type = bibtexType(record);
  const lines: string[] = [];
  const field = (name: string, value: unknown) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    const text = typeof value === 'string' ? (LIST_FIELDS.has(name) ? [oneLine(value)] : oneLine(value)) : value;
    lines.push(`\t${name} = {${format(name, text)}},`);
  };
  const names = (name: string, agents: readonly Agent[]) => {
    if (agents.length === 0) return;
    field(name, agents.map(bibtexName));
    const orcids: { [i: number]: string } = {};
    agents.forEach((a, i) => {
      if (a.kind === 'person' && a.orcid) orcids[i] = `https://orcid.org/${a.orcid}`;
    });
    if (Object.keys(orcids).length > 0) lines.push(`\t${name}+an:orcid = {${formatAnnotation({ item: orcids })}},`);
  };
  names('author', record.authors);
  names('editor', rolesOf(record, 'editor'));
  names('translator', rolesOf(record, 'translator'));
  field('title', record.title);
  const c = record.container;
  if (c?.title) {
    if (type === 'article' || (type === 'misc' && record.type === 'preprint')) field('journal', c.title);
    else if (type === 'incollection' || type === 'inproceedings') field('booktitle', c.title);
    else field('howpublished', c.title);
  }
  const { year, month, day } = dateParts(record.date);
  field('year', year);
  if (month) lines.push(`\tmonth = ${MONTHS[month - 1]},`);
  if (day && record.date) field('date', record.date);
  field('volume', c?.volume);
  const report = type === 'techreport' ? reportNumber(record) : undefined;
  if (type === 'article') field('number', c?.issue);
  else if (report) field('number', report);
  else if (record.series?.number) field('number', record.series.number);
  if (type !== 'article' && c?.issue && !report) field('issue', c.issue);
  field('series', record.series?.title);
  field('edition', record.edition);
  const loc = record.locator;
  if (loc?.kind === 'pages') field('pages', loc.last && loc.last !== loc.first ? `${loc.first}--${loc.last}` : loc.first);
  if (loc?.kind === 'article-number') field('eid', loc.value);
  const institution = issuingInstitution(record);
  if (type === 'phdthesis' || type === 'mastersthesis') {
    field('school', institution ?? record.publisher);
    if (record.genre && !/^(phd|doctoral|master'?s) thesis$/i.test(record.genre)) field('type', record.genre);
  } else if (type === 'techreport') {
    field('institution', institution ?? record.publisher);
    if (institution && record.publisher && record.publisher !== institution) field('publisher', record.publisher);
  } else {
    field('publisher', record.publisher);
  }
  field('address', record.publisherPlace);
  field('version', record.version);
  const isbns = isbnsOf(record);
  if (isbns.length > 0) field('isbn', isbns.join(', '));
  if (c && c.issns.length > 0) field('issn', c.issns.join(', '));
  field('doi', record.doi);
  field('url', record.url ?? ctx.uri);
  field('language', record.language ? [record.language] : undefined);
  field('keywords', record.subjects.map(oneLine));
  field('abstract', record.abstract?.length ? abstractText(record.abstract) : undefined);
  return `@${type}{${ctx.id},\n${lines.join('\n')}\n}\n`;
}

function risName(agent: Agent): string {
  if (agent.kind === 'organization') return oneLine(agent.name);
  return [agent.family, agent.given ?? '', agent.suffix].filter((p) => p !== undefined).map(oneLine).join(', ').replace(/, $/, '');
}

/**
 * One RIS record (TY … ER), one line per tag, tags as the RIS specification gives them per type: editors A2
 * (as Zotero writes and reads them), translators A4, the container T2, the series T3 and its number SV, an article number C7, a
 * report number SN, ISSN or ISBN SN, the thesis genre M3.
 */
export function toRis(record: Record, ctx: CitationContext): string {
  const ty = RIS_TYPE_OF[record.type];
  const out: string[] = [`TY  - ${ty}`];
  const tag = (name: string, value: string | undefined) => {
    if (value !== undefined && oneLine(value) !== '') out.push(`${name}  - ${oneLine(value)}`);
  };
  for (const a of record.authors) tag('AU', risName(a));
  for (const a of rolesOf(record, 'editor')) tag('A2', risName(a));
  for (const a of rolesOf(record, 'translator')) tag('A4', risName(a));
  tag('TI', record.title);
  const c = record.container;
  tag('T2', c?.title);
  tag('T3', record.series?.title);
  const { year, month, day } = dateParts(record.date);
  tag('PY', year);
  if (year && month) tag('DA', `${year}/${String(month).padStart(2, '0')}/${day ? String(day).padStart(2, '0') : ''}/`);
  tag('VL', c?.volume);
  tag('IS', c?.issue);
  const loc = record.locator;
  if (loc?.kind === 'pages') {
    tag('SP', loc.first);
    if (loc.last && loc.last !== loc.first) tag('EP', loc.last);
  }
  if (loc?.kind === 'article-number') {
    if (ty === 'JOUR') tag('C7', loc.value);
    else tag('SP', loc.value);
  }
  const report = reportNumber(record);
  if (ty === 'RPRT' && report) tag('SN', report);
  else if (ty === 'JOUR' || ty === 'DATA') for (const issn of c?.issns ?? []) tag('SN', issn);
  else for (const isbn of isbnsOf(record)) tag('SN', isbn);
  if (ty !== 'JOUR' && ty !== 'RPRT' && ty !== 'DATA' && isbnsOf(record).length === 0) for (const issn of c?.issns ?? []) tag('SN', issn);
  const institution = ty === 'THES' || ty === 'RPRT' ? issuingInstitution(record) : undefined;
  tag('PB', institution ?? record.publisher);
  tag('CY', record.publisherPlace);
  tag('ET', record.edition ?? record.version);
  if (record.series?.number && !(ty === 'RPRT' && report === record.series.number)) tag('SV', record.series.number);
  if (record.genre && (ty === 'THES' || ty === 'RPRT')) tag('M3', record.genre);
  tag('DO', record.doi);
  tag('UR', record.url ?? ctx.uri);
  tag('LA', record.language);
  for (const s of record.subjects) tag('KW', s);
  if (record.abstract?.length) tag('AB', abstractText(record.abstract));
  tag('ID', ctx.id);
  out.push('ER  - ');
  return `${out.join('\n')}\n`;
}
