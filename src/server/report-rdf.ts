// A ValidationReport as a SHACL sh:ValidationReport graph, for /record/{id}/validation. Results get hash IRIs, not blank nodes.
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.js';
import type { ValidationReport } from '../validate/report.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const sh = (local: string) => namedNode(`${PREFIXES.sh}${local}`);
const rdfType = namedNode(`${PREFIXES.rdf}type`);

function nodeOf(value: string): Term {
  return value.startsWith('_:') ? blankNode(value.slice(2)) : namedNode(value);
}

/** `reportIri` is the address of the report itself: `{record}/validation`. */
export function reportQuads(report: ValidationReport, reportIri: string): Quad[] {
  const r = namedNode(reportIri);
  const out: Quad[] = [
    quad(r, rdfType, sh('ValidationReport')),
    quad(r, sh('conforms'), literal(String(report.conforms), namedNode(`${PREFIXES.xsd}boolean`))),
  ];
  report.results.forEach((res, i) => {
    const n = namedNode(`${reportIri}#result-${i + 1}`);
    out.push(quad(r, sh('result'), n), quad(n, rdfType, sh('ValidationResult')));
    out.push(quad(n, sh('resultSeverity'), sh(res.severity)));
    out.push(quad(n, sh('focusNode'), nodeOf(res.focusNode) as never));
    if (res.path) out.push(quad(n, sh('resultPath'), namedNode(res.path)));
    if (res.value !== undefined) out.push(quad(n, sh('value'), literal(res.value)));
    out.push(quad(n, sh('resultMessage'), literal(res.message)));
    out.push(quad(n, sh('sourceConstraintComponent'), namedNode(res.constraintComponent)));
    if (res.sourceShape) out.push(quad(n, sh('sourceShape'), nodeOf(res.sourceShape) as never));
  });
  return out;
}
