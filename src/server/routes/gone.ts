// 410 Gone for a record that was published and is deleted: a small page, or for RDF clients a tombstone graph
// saying that the record is gone and since when (like DataCite and Zenodo tombstones). Never cached for long.
import type { Request, Response } from 'express';
import type { CatalogEntry } from '../../catalog/catalog.js';
import type { Format } from '../../formats/format.js';
import { renderErrorPage } from '../../html/error-page.js';
import { htmlSecurityHeaders } from '../../html/csp.js';
import { datasetIri } from '../../rdf/iris.js';
import type { ServerContext } from '../context.js';
import { CORS_HEADERS, contentTypeOf } from '../../http/headers.js';
import { strongEtag } from '../../catalog/published.js';

const OWL_DEPRECATED = 'http://www.w3.org/2002/07/owl#deprecated';
const DCT_MODIFIED = 'http://purl.org/dc/terms/modified';
const SCHEMA_DESCRIPTION = 'http://schema.org/description';
const VOID_IN_DATASET = 'http://rdfs.org/ns/void#inDataset';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

function when(entry: CatalogEntry): string {
  return entry.lastModified.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function message(entry: CatalogEntry): string {
  return `This record was deleted on ${when(entry)}. Its identifier is not reused.`;
}

/** The tombstone in an RDF format: owl:deprecated true, the deletion time and a description. */
function rdfBody(entry: CatalogEntry, base: string, key: string): string | undefined {
  const s = entry.iri;
  const text = message(entry);
  if (key === 'ntriples' || key === 'turtle') {
    const lines = [
      `<${s}> <${OWL_DEPRECATED}> "true"^^<${XSD}boolean> .`,
      `<${s}> <${DCT_MODIFIED}> "${when(entry)}"^^<${XSD}dateTime> .`,
      `<${s}> <${SCHEMA_DESCRIPTION}> ${JSON.stringify(text)} .`,
      `<${s}> <${VOID_IN_DATASET}> <${datasetIri(base)}> .`,
    ];
    return `${lines.join('\n')}\n`;
  }
  if (key === 'jsonld') {
    const doc = {
      '@id': s,
      [OWL_DEPRECATED]: { '@value': true },
      [DCT_MODIFIED]: { '@value': when(entry), '@type': `${XSD}dateTime` },
      [SCHEMA_DESCRIPTION]: text,
      [VOID_IN_DATASET]: { '@id': datasetIri(base) },
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  if (key === 'rdfxml') {
    const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    return (
      '<?xml version="1.0" encoding="utf-8"?>\n' +
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:owl="http://www.w3.org/2002/07/owl#" ' +
      'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:schema="http://schema.org/" xmlns:void="http://rdfs.org/ns/void#">\n' +
      `  <rdf:Description rdf:about="${esc(s)}">\n` +
      `    <owl:deprecated rdf:datatype="${XSD}boolean">true</owl:deprecated>\n` +
      `    <dcterms:modified rdf:datatype="${XSD}dateTime">${when(entry)}</dcterms:modified>\n` +
      `    <schema:description>${esc(text)}</schema:description>\n` +
      `    <void:inDataset rdf:resource="${esc(datasetIri(base))}"/>\n` +
      '  </rdf:Description>\n</rdf:RDF>\n'
    );
  }
  return undefined;
}

export function sendGone(req: Request, res: Response, ctx: ServerContext, entry: CatalogEntry, format: Format | undefined): void {
  const rdf = format ? rdfBody(entry, ctx.base, format.key) : undefined;
  const asHtml = !rdf && (format === undefined || format.key === 'html' || !/text\/plain/.test(req.headers.accept ?? ''));
  const type = rdf ? format!.mediaType : asHtml ? 'text/html' : 'text/plain';
  const text = rdf ?? (asHtml ? renderErrorPage(410, message(entry), [], { home: `${ctx.base}/` }) : `410 Gone: ${message(entry)}\n`);
  const body = Buffer.from(text, 'utf8');
  res.status(410);
  res.set({
    ...CORS_HEADERS,
    Vary: 'Accept',
    'Cache-Control': `public, max-age=${Math.min(ctx.maxAge, 300)}`,
    'Content-Type': contentTypeOf(type),
    'Content-Length': String(body.length),
    'Last-Modified': entry.lastModified.toUTCString(),
    ETag: strongEtag(body),
  });
  if (type === 'text/html') res.set(htmlSecurityHeaders());
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}
