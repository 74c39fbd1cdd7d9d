// Writes a typed ValidationReport three ways: an sh:ValidationReport in Turtle or JSON-LD, and lines a cataloguer reads.
import type { Quad, Quad_Object } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import type { ValidationReport, ValidationResult } from './report.js';

const { namedNode, blankNode, literal, quad } = DataFactory;
const SH = 'http://www.w3.org/ns/shacl#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const sh = (local: string) => namedNode(SH + local);

function node(id: string) {
  return id.startsWith('_:') ? blankNode(id.slice(2)) : namedNode(id);
}

function valueTerm(r: ValidationResult): Quad_Object | undefined {
  if (r.value === undefined) return undefined;
  if (r.valueKind === 'IRI' || r.valueKind === 'BlankNode') return node(r.value);
  if (r.valueLanguage) return literal(r.value, r.valueLanguage);
  return literal(r.value, r.valueDatatype ? namedNode(r.valueDatatype) : undefined);
}

/**
 * The report as quads of an sh:ValidationReport. Results are blank nodes, as SHACL writes them, unless
 * `reportIri` names the report (as the server does: `{record}/validation`); then they are `{reportIri}#result-N`.
 */
export function reportQuads(report: ValidationReport, options: { blankPrefix?: string; reportIri?: string } = {}): Quad[] {
  const prefix = options.blankPrefix ?? '';
  const iri = options.reportIri;
  const root = iri ? namedNode(iri) : blankNode(`${prefix}report`);
  const out: Quad[] = [
    quad(root, RDF_TYPE, sh('ValidationReport')),
    quad(root, sh('conforms'), literal(String(report.conforms), namedNode(`${XSD}boolean`))),
  ];
  report.results.forEach((r, i) => {
    const res = iri ? namedNode(`${iri}#result-${i + 1}`) : blankNode(`${prefix}result${i + 1}`);
    out.push(quad(root, sh('result'), res), quad(res, RDF_TYPE, sh('ValidationResult')));
    out.push(quad(res, sh('resultSeverity'), sh(r.severity)), quad(res, sh('focusNode'), node(r.focusNode)));
    if (r.path) out.push(quad(res, sh('resultPath'), namedNode(r.path)));
    const value = valueTerm(r);
    if (value) out.push(quad(res, sh('value'), value));
    out.push(quad(res, sh('resultMessage'), literal(r.message)));
    out.push(quad(res, sh('sourceConstraintComponent'), namedNode(r.constraintComponent)));
    if (r.sourceShape) out.push(quad(res, sh('sourceShape'), node(r.sourceShape)));
  });
  return out;
}

/** One report as Turtle, or several in one document (their blank nodes kept apart). */
export function reportToTurtle(report: ValidationReport | readonly ValidationReport[]): string {
  const reports = Array.isArray(report) ? (report as readonly ValidationReport[]) : [report as ValidationReport];
  const writer = new Writer({ prefixes: { sh: SH, xsd: XSD, ldpub: 'https://w3id.org/ldpub/shapes#' } });
  reports.forEach((r, i) => writer.addQuads(reportQuads(r, { blankPrefix: reports.length > 1 ? `r${i + 1}-` : '' })));
  let text = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text;
}

/** The local context the JSON-LD report is compacted with: nothing is fetched. */
export const REPORT_CONTEXT = {
  sh: SH,
  xsd: XSD,
  ldpub: 'https://w3id.org/ldpub/shapes#',
  ValidationReport: 'sh:ValidationReport',
  ValidationResult: 'sh:ValidationResult',
  conforms: { '@id': 'sh:conforms', '@type': 'xsd:boolean' },
  result: { '@id': 'sh:result', '@container': '@set' },
  resultSeverity: { '@id': 'sh:resultSeverity', '@type': '@id' },
  focusNode: { '@id': 'sh:focusNode', '@type': '@id' },
  resultPath: { '@id': 'sh:resultPath', '@type': '@id' },
  value: { '@id': 'sh:value' },
  resultMessage: { '@id': 'sh:resultMessage' },
  sourceConstraintComponent: { '@id': 'sh:sourceConstraintComponent', '@type': '@id' },
  sourceShape: { '@id': 'sh:sourceShape', '@type': '@id' },
} as const;

function compactIri(iri: string): string {
  if (iri.startsWith(SH)) return `sh:${iri.slice(SH.length)}`;
  if (iri.startsWith(REPORT_CONTEXT.ldpub)) return `ldpub:${iri.slice(REPORT_CONTEXT.ldpub.length)}`;
  return iri;
}

function jsonValue(r: ValidationResult): unknown {
  if (r.valueKind === 'IRI' || r.valueKind === 'BlankNode') return { '@id': r.value };
  if (r.valueLanguage) return { '@value': r.value, '@language': r.valueLanguage };
  if (r.valueDatatype) return { '@value': r.value, '@type': r.valueDatatype };
  return r.value;
}

/**
 * The report as compacted JSON-LD (an object; JSON.stringify it to write): the graph of `reportQuads` with the same
 * options, `conforms` a JSON boolean (typed xsd:boolean by the context), never the string "false".
 */
export function reportToJsonLd(report: ValidationReport): { [key: string]: unknown } {
  return reportJsonLd(report, undefined);
}

/** The same, the report named `reportIri` and its results `{reportIri}#result-N`, as `reportQuads` names them. */
export function namedReportToJsonLd(report: ValidationReport, reportIri: string): { [key: string]: unknown } {
  return reportJsonLd(report, reportIri);
}

function reportJsonLd(report: ValidationReport, iri: string | undefined): { [key: string]: unknown } {
  return {
    '@context': REPORT_CONTEXT,
    ...(iri ? { '@id': iri } : {}),
    '@type': 'ValidationReport',
    conforms: report.conforms,
    result: report.results.map((r, i) => {
      const out: { [key: string]: unknown } = {
        ...(iri ? { '@id': `${iri}#result-${i + 1}` } : {}),
        '@type': 'ValidationResult',
        resultSeverity: `sh:${r.severity}`,
        focusNode: r.focusNode,
      };
      if (r.path) out.resultPath = r.path;
      if (r.value !== undefined) out.value = jsonValue(r);
      out.resultMessage = r.message;
      out.sourceConstraintComponent = compactIri(r.constraintComponent);
      if (r.sourceShape) out.sourceShape = compactIri(r.sourceShape);
      return out;
    }),
  };
}

function shorten(value: string, max = 120): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/**
 * One line per problem: `record: Severity: field (node) "value": message`. Empty when the record conforms.
 * A problem the shapes check on two nodes (the DOI on the work and on its identifier node) is written once.
 */
export function reportToText(report: ValidationReport, options: { record?: string } = {}): string {
  const lines = new Map<string, ValidationResult>();
  for (const r of report.results) {
    // The same value with the same message is one problem; a missing value is a problem of its own node.
    const key = JSON.stringify([r.severity, r.field ?? r.path, r.value ?? r.focusNode, r.message]);
    const seen = lines.get(key);
    if (!seen || (seen.focusNode.includes('#') && !r.focusNode.includes('#'))) lines.set(key, r);
  }
  return [...lines.values()]
    .map((r) => {
      const hash = r.focusNode.lastIndexOf('#');
      const where = hash >= 0 ? ` (${r.focusNode.slice(hash + 1)})` : '';
      const field = r.field ?? r.path ?? 'record';
      const value = r.value !== undefined ? ` ${JSON.stringify(shorten(r.value))}` : '';
      return `${options.record ? `${options.record}: ` : ''}${r.severity}: ${field}${where}${value}: ${r.message}\n`;
    })
    .join('');
}
