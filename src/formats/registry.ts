// The one registry of output formats: media types, names and writers. Negotiation, URLs, Link headers, 406 bodies and
// the CLI all ask it; nothing it loads asks it back (links and the page take the format list as an argument).
import type { Format } from './format.js';
import { writeNTriples, writeTurtle } from './turtle.js';
import { writeRdfXml } from './rdfxml.js';
import { writeJsonLd } from './jsonld.js';
import { CITATION_FORMATS } from './citations.js';
import { MARCXML_MEDIA_TYPE, writeMarcXml } from './marcxml.js';
import { writeDataCiteXml } from './datacite-xml.js';

// The page renderer (and citeproc under it) is loaded on first use, so a command that writes Turtle never pays for it.
const pageRenderer = () => Promise.all([import('../html/record-page.js'), import('../html/page-context.js')]);

const FORMATS: Format[] = [
  {
    key: 'turtle',
    names: ['ttl'],
    label: 'Turtle',
    mediaType: 'text/turtle',
    aliases: ['application/x-turtle', 'application/turtle'],
    extension: 'ttl',
    quality: 1,
    kind: 'rdf',
    parameters: [],
    serialize: ({ quads }) => writeTurtle(quads),
  },
  {
    key: 'jsonld',
    // `json` names JSON-LD, as `Accept: application/json` does; CSL-JSON keeps the `.json` extension.
    names: ['json-ld', 'json'],
    label: 'JSON-LD',
    mediaType: 'application/ld+json',
    // The schema.org type is what DOI content negotiation offers for schema.org JSON-LD.
    aliases: ['application/json', 'application/vnd.schemaorg.ld+json'],
    extension: 'jsonld',
    quality: 1,
    kind: 'rdf',
    parameters: [],
    serialize: ({ quads, iri, memo }) => writeJsonLd(quads, iri, memo),
  },
  {
    key: 'ntriples',
    names: ['nt', 'n-triples'],
    label: 'N-Triples',
    mediaType: 'application/n-triples',
    // text/plain is N-Triples' registration before RDF 1.1 (rdflib's format='nt' still sends it). An alias counts only
    // when named exactly, so `text/*` still means Turtle.
    aliases: ['text/plain', 'text/plain+ntriples'],
    extension: 'nt',
    quality: 0.9,
    kind: 'rdf',
    parameters: [],
    serialize: ({ quads }) => writeNTriples(quads),
  },
  {
    key: 'rdfxml',
    names: ['rdf', 'rdf-xml', 'xml'],
    label: 'RDF/XML',
    mediaType: 'application/rdf+xml',
    aliases: ['application/xml', 'text/xml'],
    extension: 'rdf',
    quality: 0.8,
    kind: 'rdf',
    parameters: [],
    serialize: ({ quads, memo }) => writeRdfXml(quads, memo),
  },
  {
    key: 'html',
    names: ['htm'],
    label: 'HTML',
    mediaType: 'text/html',
    aliases: ['application/xhtml+xml'],
    extension: 'html',
    quality: 1,
    kind: 'html',
    parameters: [],
    serialize: async (input) => {
      const [{ renderRecordPage }, { recordPageContext }] = await pageRenderer();
      return renderRecordPage(input, recordPageContext(input, FORMATS));
    },
  },
  ...CITATION_FORMATS,
  {
    key: 'marcxml',
    names: ['marc21', 'marc-xml', 'marc.xml'],
    label: 'MARCXML',
    mediaType: MARCXML_MEDIA_TYPE,
    aliases: [],
    extension: 'marcxml',
    quality: 0.5,
    kind: 'citation',
    parameters: [],
    serialize: ({ record, id }) => writeMarcXml(record, id),
  },
  {
    // What DOI content negotiation offers for DataCite metadata; also the OAI-PMH oai_datacite payload.
    key: 'datacite',
    names: ['datacite-xml', 'datacite.xml'],
    label: 'DataCite XML',
    mediaType: 'application/vnd.datacite.datacite+xml',
    aliases: [],
    extension: 'datacite',
    quality: 0.5,
    kind: 'citation',
    parameters: [],
    serialize: ({ record, iri, modified }) => writeDataCiteXml(record, iri, modified ? { registered: modified } : {}),
  },
];

const NEGOTIABLE = FORMATS.filter((f) => f.negotiable !== false);

export function allFormats(): readonly Format[] {
  return FORMATS;
}

/** The formats a client can reach by Accept header and by URL extension; they are the alternates in Link headers. */
export function negotiableFormats(): readonly Format[] {
  return NEGOTIABLE;
}

export function formatByExtension(ext: string): Format | undefined {
  return ext ? NEGOTIABLE.find((f) => f.extension === ext) : undefined;
}

/** By key, by one of its names, or by extension: what `--to` and `?format=` accept. */
export function formatByName(name: string): Format | undefined {
  const n = name.toLowerCase();
  if (!n) return undefined;
  // Keys and names first, so a name (`json`) wins over another format's extension (CSL-JSON's `.json`).
  return FORMATS.find((f) => f.key === n || f.names.includes(n)) ?? FORMATS.find((f) => f.extension === n);
}

export function rdfFormats(): Format[] {
  return FORMATS.filter((f) => f.kind === 'rdf');
}
