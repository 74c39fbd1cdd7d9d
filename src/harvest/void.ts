// The VoID description of the published dataset: size, URI space, dumps, example resources, vocabularies and formats.
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Catalog } from '../catalog/catalog.js';
import { datasetIri, normalizeBase } from '../rdf/iris.js';
import { dcterms, PREFIXES, rdf, voidNs, xsd } from '../rdf/namespaces.js';
import { DUMPS } from './dump.js';

const { quad, namedNode, literal } = DataFactory;

export interface VoidOptions {
  /** dcterms:title of the dataset. */
  title?: string;
  /** How many records to name as void:exampleResource. */
  examples?: number;
}

/** W3C format IRIs (http://www.w3.org/ns/formats/) of the serializations every record is published in. */
const FEATURES = ['Turtle', 'N-Triples', 'JSON-LD', 'RDF_XML'].map((f) => namedNode(`http://www.w3.org/ns/formats/${f}`));

const VOCABULARIES = [PREFIXES.schema, PREFIXES.dcterms, PREFIXES.bibo].map((v) => namedNode(v));

/** The description as quads, from counts the catalog took at load: nothing is re-mapped or serialized. */
export function voidQuads(catalog: Catalog, base: string, options: VoidOptions = {}): Quad[] {
  const root = normalizeBase(base);
  const ds = namedNode(datasetIri(root));
  const out: Quad[] = [];
  const add = (p: Quad['predicate'], o: Quad['object']) => out.push(quad(ds, p, o));
  const { triples, entities } = catalog.stats;
  add(rdf('type'), voidNs('Dataset'));
  add(dcterms('title'), literal(options.title ?? `ldpub catalog at ${new URL(root).host}`));
  add(dcterms('description'), literal(`${catalog.size} bibliographic records as schema.org, DCMI terms and BIBO`));
  add(dcterms('modified'), literal(catalog.lastModified.toISOString().replace(/\.\d{3}Z$/, 'Z'), xsd('dateTime')));
  add(voidNs('triples'), literal(String(triples), xsd('integer')));
  add(voidNs('entities'), literal(String(entities), xsd('integer')));
  add(voidNs('documents'), literal(String(catalog.size), xsd('integer')));
  add(voidNs('uriSpace'), literal(`${root}/record/`));
  add(voidNs('rootResource'), namedNode(`${root}/records`));
  for (const d of Object.values(DUMPS)) {
    const dump = namedNode(`${root}${d.path}`);
    add(voidNs('dataDump'), dump);
    out.push(quad(dump, dcterms('format'), literal(d.mediaType)));
  }
  for (const r of catalog.records.slice(0, options.examples ?? 3)) add(voidNs('exampleResource'), namedNode(r.iri));
  for (const v of VOCABULARIES) add(voidNs('vocabulary'), v);
  for (const f of FEATURES) add(voidNs('feature'), f);
  return out;
}
