// MARC 21 slim XML (MARCXML) written from the Record: the leader, 001 and 008 built from it, then the fields a
// cataloguer would give it, valid against the MARC21 slim schema. docs/marc.md lists each field and what MARC
// cannot carry; ldpub's MARC reader reads the result back to the same Record on every field MARC carries.
import type { Agent, ContributorRole, Record, WorkType } from '../model/record.js';
import { marcLanguageCode } from '../readers/marc/values.js';
import { publishable } from './normal-form.js';
import type { ControlField, DataField, Field, MarcRecord, Subfield } from '../readers/marc/record.js';
import { lookupTable } from '../model/lookup.js';

export const MARCXML_MEDIA_TYPE = 'application/marcxml+xml';

const RELATOR_CODE: { readonly [role in ContributorRole]: readonly [code: string, term: string] } = {
  editor: ['edt', 'editor'],
  translator: ['trl', 'translator'],
  supervisor: ['ths', 'thesis advisor'],
  contributor: ['ctb', 'contributor'],
  illustrator: ['ill', 'illustrator'],
  compiler: ['com', 'compiler'],
  sponsor: ['spn', 'sponsor'],
  'degree-grantor': ['dgg', 'degree granting institution'],
  'contact-person': ['oth', 'contact person'],
  'data-curator': ['dtm', 'data manager'],
  'data-collector': ['oth', 'data collector'],
  producer: ['pro', 'producer'],
  'project-leader': ['pdr', 'project director'],
  'project-member': ['oth', 'project member'],
  researcher: ['res', 'researcher'],
  'rights-holder': ['cph', 'copyright holder'],
  other: ['oth', 'other'],
};

/** The genre term (655, source not specified) that tells a work type leader/06-07 and 008 cannot. */
export const TYPE_GENRE: { readonly [type in WorkType]?: string } = {
  preprint: 'Preprint',
  review: 'Review',
  'conference-paper': 'Conference paper',
  'blog-post': 'Blog post',
};

function leaderOf(type: WorkType): string {
  const [t, l] = ((): [string, string] => {
    switch (type) {
      case 'article':
      case 'preprint':
      case 'review':
      case 'blog-post':
        return ['a', 'b'];
      case 'chapter':
      case 'conference-paper':
        return ['a', 'a'];
      case 'dataset':
      case 'software':
        return ['m', 'm'];
      case 'other':
        return ['p', 'm'];
      default:
        return ['a', 'm'];
    }
  })();
  return `00000n${t}${l} a2200000 i 4500`;
}

/** 008, fixed-length data elements: date type and date 1, language, and the nature of contents or type of file. */
function field008(record: Record): string {
  const chars = new Array<string>(40).fill(' ');
  chars.splice(0, 6, ...'||||||');
  chars.splice(15, 3, 'x', 'x', ' ');
  chars[39] = 'd';
  const year = /^(\d{4})/.exec(record.date ?? '')?.[1];
  if (year) chars.splice(6, 5, 's', ...year);
  else chars.splice(6, 5, 'n', ' ', ' ', ' ', ' ');
  if (record.type === 'thesis') chars[24] = 'm';
  if (record.type === 'report') chars[24] = 't';
  if (record.type === 'dataset') chars[26] = 'a';
  if (record.type === 'software') chars[26] = 'b';
  chars.splice(35, 3, ...(marcLanguageCode(record.language) ?? 'und'));
  return chars.join('');
}

const sf = (code: string, value: string | undefined): Subfield[] => (value ? [{ code, value }] : []);

function nameField(tag: string, agent: Agent, role: ContributorRole | 'author' | undefined): DataField {
  const relator = role === undefined || role === 'author' ? (['aut', 'author'] as const) : RELATOR_CODE[role];
  const rel = [...sf('e', relator[1]), ...sf('4', relator[0])];
  if (agent.kind === 'organization') {
    return { tag: `${tag[0]}10`, ind1: '2', ind2: ' ', subfields: [...sf('a', agent.name), ...rel] };
  }
  // Family name first (first indicator 1); a name given whole is written in direct order (0), so no comma splits it.
  const name = agent.given ? `${agent.family}, ${agent.given}` : agent.family;
  return {
    tag,
    ind1: agent.given ? '1' : '0',
    ind2: ' ',
    subfields: [
      // A final period would read as ISBD punctuation: a comma after it keeps it.
      ...sf('a', name.endsWith('.') ? `${name},` : name),
      ...sf('c', agent.suffix),
      ...rel,
      ...(agent.affiliations ?? []).flatMap((o) => sf('u', o.name)),
      ...sf('0', agent.orcid ? `https://orcid.org/${agent.orcid}` : undefined),
    ],
  };
}

function relatedParts(record: Record): string | undefined {
  const c = record.container;
  const parts: string[] = [];
  if (c?.volume) parts.push(`Vol. ${c.volume}`);
  if (c?.issue) parts.push(`no. ${c.issue}`);
  const loc = record.locator;
  if (loc?.kind === 'pages') parts.push(loc.last ? `p. ${loc.first}-${loc.last}` : `p. ${loc.first}`);
  if (loc?.kind === 'article-number') parts.push(`article ${loc.value}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The MARC record for a Record; `id` becomes 001. */
export function recordToMarc(record: Record, id: string): MarcRecord {
  const control: ControlField[] = [{ tag: '001', value: id }, { tag: '008', value: field008(record) }];
  const data: DataField[] = [];
  const add = (tag: string, ind1: string, ind2: string, subfields: Subfield[]) => {
    if (subfields.length > 0) data.push({ tag, ind1, ind2, subfields });
  };
  for (const isbn of record.isbns) add('020', ' ', ' ', sf('a', isbn));
  for (const i of record.identifiers) if (i.scheme === 'issn') add('022', ' ', ' ', sf('a', i.value));
  if (record.doi) add('024', '7', ' ', [...sf('a', record.doi), ...sf('2', 'doi')]);
  for (const i of record.identifiers) {
    if (['issn', 'local', 'oclc', 'url'].includes(i.scheme)) continue;
    add('024', '7', ' ', [...sf('a', i.value), ...sf('2', i.scheme)]);
  }
  for (const i of record.identifiers) {
    if (i.scheme === 'oclc') add('035', ' ', ' ', sf('a', `(OCoLC)${i.value}`));
    if (i.scheme === 'local') add('035', ' ', ' ', sf('a', i.value));
  }
  const lang = marcLanguageCode(record.language);
  if (lang) add('041', ' ', ' ', sf('a', lang));

  const [first, ...others] = record.authors;
  if (first) data.push(nameField('100', first, 'author'));
  if (record.title) {
    // "Title: subtitle" is $a and $b; a spaced colon ("présences : des", French style) stays inside $a.
    const colon = /[^\s]: /.exec(record.title)?.index;
    const subfields = colon !== undefined
      ? [{ code: 'a', value: `${record.title.slice(0, colon + 1)} :` }, { code: 'b', value: record.title.slice(colon + 3) }]
      : [{ code: 'a', value: record.title }];
    add('245', first ? '1' : '0', '0', subfields);
  }
  if (record.edition) add('250', ' ', ' ', sf('a', record.edition));
  if (record.version) add('251', ' ', ' ', sf('a', record.version));
  if (record.publisher || record.publisherPlace || record.date) {
    add('264', ' ', '1', [...sf('a', record.publisherPlace), ...sf('b', record.publisher), ...sf('c', record.date)]);
  }
  if (record.extent) add('300', ' ', ' ', sf('a', record.extent));
  if (record.series) {
    add('490', '0', ' ', [...sf('a', record.series.title), ...(record.series.issns ?? []).flatMap((x) => sf('x', x)), ...sf('v', record.series.number)]);
  }
  for (const n of record.notes) {
    if (n.label === 'Note') add('500', ' ', ' ', sf('a', n.value));
    else if (n.label !== 'Degree' && n.label !== 'Meeting') add('500', ' ', ' ', sf('a', `${n.label}: ${n.value}`));
  }
  if (record.type === 'thesis') {
    const degree = record.notes.find((n) => n.label === 'Degree')?.value;
    add('502', ' ', ' ', [...sf('b', degree), ...sf('c', record.institution?.name)]);
  }
  for (const f of record.funding) add('536', ' ', ' ', [...sf('a', f.funder.name), ...sf('c', f.awardNumber)]);
  if (record.accessRights) {
    const [ind1, text] = {
      open: ['0', 'Open access'],
      embargoed: ['1', 'Embargoed'],
      restricted: ['1', 'Restricted access'],
      'metadata-only': ['1', 'Metadata only'],
    }[record.accessRights];
    add('506', ind1 as string, ' ', sf('a', text));
  }
  if (record.rights || record.license) add('540', ' ', ' ', [...sf('a', record.rights), ...sf('u', record.license)]);
  for (const s of record.abstract ?? []) add('520', ' ', ' ', sf('a', s.text));
  for (const s of record.subjects) add('653', ' ', ' ', sf('a', s));
  if (record.genre) add('655', ' ', '4', sf('a', record.genre));
  const typeGenre = TYPE_GENRE[record.type];
  if (typeGenre && record.genre !== typeGenre) add('655', ' ', '4', sf('a', typeGenre));
  for (const a of others) data.push(nameField('700', a, 'author'));
  for (const c of record.contributors) data.push(nameField('700', c, c.role ?? 'contributor'));
  if (record.institution && record.type !== 'thesis') {
    add('710', '2', ' ', [...sf('a', record.institution.name), ...sf('e', 'issuing body'), ...sf('4', 'isb')]);
  }
  for (const n of record.notes) if (n.label === 'Meeting') add('711', '2', ' ', sf('a', n.value));
  const c = record.container;
  if (c) {
    const [issn, ...otherIssns] = c.issns;
    const enumeration = c.volume ? [c.volume, c.issue].filter(Boolean).join(':') + (record.locator?.kind === 'pages' ? `<${record.locator.first}` : '') : undefined;
    add('773', '0', ' ', [...sf('t', c.title), ...sf('g', relatedParts(record)), ...sf('q', enumeration), ...sf('x', issn), ...(c.isbns ?? []).flatMap((z) => sf('z', z))]);
    for (const x of otherIssns) add('776', '0', '8', [...sf('i', 'Other format:'), ...sf('t', c.title), ...sf('x', x)]);
  } else if (record.locator) {
    add('773', '0', ' ', sf('g', relatedParts(record)));
  }
  for (const r of record.relations) add('787', '0', '8', [...sf('i', r.type), ...sf('o', `(${r.identifier.scheme})${r.identifier.value}`)]);
  if (record.url) add('856', '4', '0', sf('u', record.url));
  for (const i of record.identifiers) if (i.scheme === 'url') add('856', '4', '1', sf('u', i.value));
  // Fields in tag order, as MARC expects (the names were pushed where they sort).
  data.sort((a, b) => a.tag.localeCompare(b.tag));
  return { leader: leaderOf(record.type), fields: [...control, ...data] };
}

const XML_ESCAPES: { readonly [c: string]: string } = lookupTable({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' });

function esc(value: string): string {
  // Characters XML 1.0 cannot carry at all (lone surrogates among them) are dropped.
  return publishable(value).replace(/[&<>"]/g, (c) => XML_ESCAPES[c] as string);
}

/** One `<record>` element (no XML declaration), with the namespace declared when `standalone`. */
export function marcRecordXml(marc: MarcRecord, { standalone = true, indent = '' }: { standalone?: boolean; indent?: string } = {}): string {
  const i1 = `${indent}  `;
  const i2 = `${indent}    `;
  const lines = [`${indent}<record${standalone ? ` xmlns="http://www.loc.gov/MARC21/slim"` : ''}>`, `${i1}<leader>${esc(marc.leader)}</leader>`];
  for (const f of marc.fields as Field[]) {
    if ('value' in f) lines.push(`${i1}<controlfield tag="${esc(f.tag)}">${esc(f.value)}</controlfield>`);
    else {
      lines.push(`${i1}<datafield tag="${esc(f.tag)}" ind1="${esc(f.ind1)}" ind2="${esc(f.ind2)}">`);
      for (const s of f.subfields) lines.push(`${i2}<subfield code="${esc(s.code)}">${esc(s.value)}</subfield>`);
      lines.push(`${i1}</datafield>`);
    }
  }
  lines.push(`${indent}</record>`);
  return lines.join('\n');
}

/** The MARCXML document for one Record. */
export function writeMarcXml(record: Record, id: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${marcRecordXml(recordToMarc(record, id))}\n`;
}
