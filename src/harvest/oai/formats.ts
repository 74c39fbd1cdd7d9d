// The metadata formats the repository disseminates: oai_dc, marc21, oai_datacite and oai_openaire written from the
// Record, and rdf carrying the full published graph.
import type { PublishedRecord } from '../../catalog/published.js';
import { DATACITE_NS, DATACITE_SCHEMA_LOCATION, writeDataCiteXml } from '../../formats/datacite-xml.js';
import { OAIRE_NS, OPENAIRE_SCHEMA_LOCATION, writeOpenAireXml } from '../../formats/openaire.js';
import { writeRdfXml } from '../../formats/rdfxml.js';
import { marcRecordXml, recordToMarc } from '../../formats/marcxml.js';
import { oaiDc, OAI_DC_NS, OAI_DC_SCHEMA, type DcOptions } from './dc.js';

export interface RenderOptions {
  dc: DcOptions;
}

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  /** The single element that goes inside <metadata>. */
  render(record: PublishedRecord, options: RenderOptions): string;
}

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  {
    prefix: 'oai_dc',
    schema: OAI_DC_SCHEMA,
    namespace: OAI_DC_NS,
    render: (r, options) => oaiDc(r.record, r.iri, options.dc),
  },
  {
    // MARC 21 slim (MARCXML), written from the Record by ldpub's MARC writer: what library aggregators load.
    prefix: 'marc21',
    schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
    namespace: 'http://www.loc.gov/MARC21/slim',
    render: (r) => marcRecordXml(recordToMarc(r.record, r.id), { indent: '        ' }).trimStart(),
  },
  {
    // DataCite kernel 4 (the <resource> element itself, in the kernel-4 namespace), as OpenAIRE's guidelines for
    // data archives and DataCite-aware aggregators harvest it. A record without a date gets the year of its datestamp.
    prefix: 'oai_datacite',
    schema: DATACITE_SCHEMA_LOCATION,
    namespace: DATACITE_NS,
    render: (r, options) => writeDataCiteXml(r.record, r.iri, { registered: r.lastModified, defaultAccess: options.dc.defaultAccess, fragment: true, indent: '        ' }),
  },
  {
    // OpenAIRE Guidelines for Literature Repositories 4 (the metadataPrefix they recommend).
    prefix: 'oai_openaire',
    schema: OPENAIRE_SCHEMA_LOCATION,
    namespace: OAIRE_NS,
    render: (r, options) => writeOpenAireXml(r.record, r.iri, { registered: r.lastModified, defaultAccess: options.dc.defaultAccess, indent: '        ' }),
  },
  {
    // The published graph (schema.org, DC terms, BIBO, void:inDataset) as RDF/XML, its rdf:RDF element embedded.
    // Prefix, schema and namespace as EPrints and the Ruby oai gem declare an RDF/XML format.
    prefix: 'rdf',
    schema: 'http://www.openarchives.org/OAI/2.0/rdf.xsd',
    namespace: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    // Serialized afresh rather than through the record's cache, so a full harvest does not fill memory.
    render: (r) => writeRdfXml(r.quads()).replace(/^<\?xml[^>]*\?>\s*/, '').trimEnd(),
  },
];

export function metadataFormat(prefix: string): MetadataFormat | undefined {
  return METADATA_FORMATS.find((f) => f.prefix === prefix);
}
