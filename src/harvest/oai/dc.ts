// oai_dc: the Record as unqualified Dublin Core, the format every OAI-PMH harvester reads.
import type { AccessRights, Agent, Record } from '../../model/record.js';
import { accessRightsOf, EU_REPO_ACCESS } from '../../formats/access.js';
import { uniqueSubjects, versionOf } from '../../formats/openaire.js';
import { doiIri } from '../../rdf/iris.js';
import { element, XSI_NS } from './xml.js';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** "Family, Given" for a person (the order library catalogues sort by), the name for an organisation. */
export function agentName(agent: Agent): string {
  if (agent.kind === 'organization') return agent.name;
  return agent.given ? `${agent.family}, ${agent.given}` : agent.family;
}

/** The citation of the container: "Journal, vol. 16, no. 3, pp. 12-19, ISSN 1179-5476". */
export function sourceCitation(record: Record): string | undefined {
  const c = record.container;
  const parts: string[] = [];
  if (c?.title) parts.push(c.title);
  if (c?.volume) parts.push(`vol. ${c.volume}`);
  if (c?.issue) parts.push(`no. ${c.issue}`);
  const l = record.locator;
  if (l?.kind === 'pages') parts.push(l.last && l.last !== l.first ? `pp. ${l.first}-${l.last}` : `p. ${l.first}`);
  else if (l?.kind === 'article-number') parts.push(`article ${l.value}`);
  for (const issn of c?.issns ?? []) parts.push(`ISSN ${issn}`);
  return parts.length ? parts.join(', ') : undefined;
}

export { uniqueSubjects, versionOf };

export interface DcOptions {
  /** The access level of records that say nothing of it and carry no open licence (default: none written). */
  defaultAccess?: AccessRights;
}

/** The info:eu-repo namespace of the OpenAIRE vocabularies (access rights, publication type, version). */
const EU_REPO = 'info:eu-repo/semantics/';

/** OpenAIRE's publication type (Guidelines for Literature Repositories 3.0, info:eu-repo/semantics/…). */
export function publicationType(record: Record): string {
  switch (record.type) {
    case 'article':
      return 'article';
    case 'preprint':
      return 'preprint';
    case 'conference-paper':
      return 'conferenceObject';
    case 'chapter':
      return 'bookPart';
    case 'book':
      return 'book';
    case 'report':
      return 'report';
    case 'thesis': {
      const genre = (record.genre ?? '').toLowerCase();
      return /bachelor/.test(genre) ? 'bachelorThesis' : /master|\bm\.?a\.?\b|\bmsc\b/.test(genre) ? 'masterThesis' : 'doctoralThesis';
    }
    case 'dataset':
      return 'dataset';
    case 'review':
      return 'review';
    case 'blog-post':
      return 'contributionToPeriodical';
    default:
      return 'other';
  }
}

/** The OpenAIRE access level as info:eu-repo names it: from accessRights, else openAccess for an open licence, else the configured default. */
export function accessLevel(record: Record, fallback?: AccessRights): string | undefined {
  const level = accessRightsOf(record, fallback);
  return level ? EU_REPO_ACCESS[level] : undefined;
}

/** The DCMI Type of the work: a dataset is Dataset, everything else ldpub publishes is Text. */
function dcmiType(record: Record): string {
  return record.type === 'dataset' ? 'Dataset' : 'Text';
}

/** The dc:* elements in the order the oai_dc examples use, as [element, value] pairs. */
export function dcElements(record: Record, iri: string, options: DcOptions = {}): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') out.push([name, value]);
  };
  add('title', record.title);
  for (const a of record.authors) add('creator', agentName(a));
  for (const s of uniqueSubjects(record.subjects)) add('subject', s);
  if (record.abstract?.length) {
    add('description', record.abstract.map((s) => (s.heading ? `${s.heading}: ${s.text}` : s.text)).join('\n'));
  }
  add('publisher', record.publisher);
  for (const c of record.contributors) add('contributor', agentName(c));
  add('date', record.date);
  add('type', dcmiType(record));
  if (record.genre && record.genre !== dcmiType(record)) add('type', record.genre);
  add('type', `${EU_REPO}${publicationType(record)}`);
  const version = versionOf(record);
  if (version) add('type', `${EU_REPO}${version}`);
  add('identifier', iri);
  if (record.doi) add('identifier', doiIri(record.doi));
  for (const isbn of record.isbns) add('identifier', `urn:isbn:${isbn}`);
  if (record.url && record.url !== iri) add('identifier', record.url);
  add('source', sourceCitation(record));
  add('language', record.language);
  const access = accessLevel(record, options.defaultAccess);
  if (access) add('rights', `${EU_REPO}${access}`);
  add('rights', record.license);
  add('rights', record.rights);
  return out;
}

/** The <oai_dc:dc> element for one record. */
export function oaiDc(record: Record, iri: string, options: DcOptions = {}): string {
  const lines = dcElements(record, iri, options).map(([name, value]) => `          ${element(`dc:${name}`, value)}`);
  return (
    `<oai_dc:dc xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="${DC_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${OAI_DC_NS} ${OAI_DC_SCHEMA}">\n` +
    `${lines.join('\n')}\n        </oai_dc:dc>`
  );
}
