// Turns the engine's RDF report into ldpub's typed ValidationReport, naming each field by its shape's sh:name.
import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';
import { DataFactory } from 'n3';
import type { ValidationReport as EngineReport } from 'rdf-validate-shacl/src/validation-report.js';
import type { Severity, ValidationReport, ValidationResult } from './report.js';

const SH = 'http://www.w3.org/ns/shacl#';

export function termId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/** Prefers an English (or untagged) literal among several. */
function pick(terms: Term[]): string | undefined {
  const literals = terms.filter((t) => t.termType === 'Literal') as Array<Term & { language: string }>;
  return (literals.find((t) => t.language === 'en') ?? literals.find((t) => t.language === '') ?? literals[0])?.value;
}

/** sh:name of every shape, looked up once per shapes graph. */
export function shapeNames(shapes: Store): Map<string, string> {
  const names = new Map<string, Term[]>();
  for (const q of shapes.match(null, DataFactory.namedNode(`${SH}name`), null)) {
    const key = termId(q.subject);
    names.set(key, [...(names.get(key) ?? []), q.object]);
  }
  const out = new Map<string, string>();
  for (const [key, terms] of names) {
    const name = pick(terms);
    if (name !== undefined) out.set(key, name);
  }
  return out;
}

function severityOf(term: Term | null): Severity {
  const local = term?.value.startsWith(SH) ? term.value.slice(SH.length) : undefined;
  return local === 'Warning' || local === 'Info' ? local : 'Violation';
}

function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
}

export function toReport(engineReport: EngineReport, names: Map<string, string>): ValidationReport {
  const results = engineReport.results.map((r): ValidationResult => {
    const component = r.sourceConstraintComponent?.value ?? `${SH}ConstraintComponent`;
    const shape = r.sourceShape ? termId(r.sourceShape) : undefined;
    const result: ValidationResult = {
      severity: severityOf(r.severity),
      focusNode: r.focusNode ? termId(r.focusNode) : '',
      message: pick(r.message) ?? `${localName(component).replace(/ConstraintComponent$/, '')} constraint not met`,
      constraintComponent: component,
    };
    if (r.path?.termType === 'NamedNode') result.path = r.path.value;
    const field = shape ? names.get(shape) : undefined;
    if (field !== undefined) result.field = field;
    if (r.value) {
      result.value = termId(r.value);
      result.valueKind = r.value.termType === 'Literal' ? 'Literal' : r.value.termType === 'BlankNode' ? 'BlankNode' : 'IRI';
      if (r.value.termType === 'Literal') {
        const lit = r.value as Term & { language: string; datatype: { value: string } };
        if (lit.language) result.valueLanguage = lit.language;
        else if (lit.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') result.valueDatatype = lit.datatype.value;
      }
    }
    if (shape !== undefined) result.sourceShape = shape;
    return result;
  });
  return { conforms: results.length === 0, results };
}
