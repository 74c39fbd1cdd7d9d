// The typed SHACL validation report: violations are data, returned rather than thrown.
import type { Quad } from '@rdfjs/types';

export type Severity = 'Violation' | 'Warning' | 'Info';

export interface ValidationResult {
  severity: Severity;
  /** IRI (or `_:label`) of the node that failed. */
  focusNode: string;
  /** The property path as an IRI, when the result is for a property shape with a predicate path. */
  path?: string;
  /** The path in words for a cataloguer: "ISSN", "DOI", "title". */
  field?: string;
  /** The offending value as it appears in the data (lexical form or IRI). */
  value?: string;
  /** What kind of term `value` is, so a report written as RDF keeps it: an IRI, a blank node or a literal. */
  valueKind?: 'IRI' | 'BlankNode' | 'Literal';
  /** The datatype IRI of a literal value, when it is not xsd:string. */
  valueDatatype?: string;
  /** The language tag of a literal value. */
  valueLanguage?: string;
  message: string;
  /** IRI of the SHACL constraint component, e.g. `http://www.w3.org/ns/shacl#PatternConstraintComponent`. */
  constraintComponent: string;
  /** IRI (or `_:label`) of the shape that produced the result. */
  sourceShape?: string;
}

export interface ValidationReport {
  /** SHACL's sh:conforms: true only when there are no results at all. */
  conforms: boolean;
  results: ValidationResult[];
}

/** True when nothing blocks publication: warnings and infos alone do not. */
export function isPublishable(report: ValidationReport): boolean {
  return !report.results.some((r) => r.severity === 'Violation');
}

export interface Validator {
  /** Validates one record's graph. Violations are data in the report; this throws only on an engine bug. */
  validate(quads: Iterable<Quad>): ValidationReport;
}
