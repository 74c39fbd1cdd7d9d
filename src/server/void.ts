// The dataset description answered for RDF requests to / and /.well-known/void: a small VoID placeholder until the full one lands.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { Catalog } from '../catalog/catalog.js';
import { datasetIri } from '../rdf/iris.js';
import { PREFIXES } from '../rdf/namespaces.js';

const { namedNode, literal, quad } = DataFactory;
const v = (local: string) => namedNode(`${PREFIXES.void}${local}`);
const dct = (local: string) => namedNode(`${PREFIXES.dcterms}${local}`);

export function datasetQuads(catalog: Catalog): Quad[] {
  const d = namedNode(datasetIri(catalog.base));
  const out: Quad[] = [
    quad(d, namedNode(`${PREFIXES.rdf}type`), v('Dataset')),
    quad(d, dct('title'), literal('ldpub records')),
    quad(d, v('uriSpace'), literal(`${catalog.base}/record/`)),
    quad(d, v('entities'), literal(String(catalog.size), namedNode(`${PREFIXES.xsd}integer`))),
    quad(d, dct('modified'), literal(catalog.lastModified.toISOString(), namedNode(`${PREFIXES.xsd}dateTime`))),
  ];
  const example = catalog.records[0];
  if (example) out.push(quad(d, v('exampleResource'), namedNode(example.iri)));
  return out;
}
