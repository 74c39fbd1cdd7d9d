// Turns the compiled engine's results into ldpub's typed ValidationReport, exactly as the reference engine's are turned.
import type { Literal, Term } from '@rdfjs/types';
import type { Severity, ValidationReport, ValidationResult } from '../report.js';
import type { RawResult } from './types.js';
import { SH, XSD_STRING } from './terms.js';

function termId(t: Term): string {
  return t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
}

function severityOf(t: Term): Severity {
  const local = t.value.startsWith(SH) ? t.value.slice(SH.length) : undefined;
  return local === 'Warning' || local === 'Info' ? local : 'Violation';
}

function fallbackMessage(component: string): string {
  const local = component.slice(Math.max(component.lastIndexOf('#'), component.lastIndexOf('/')) + 1);
  return `${local.replace(/ConstraintComponent$/, '')} constraint not met`;
}

export function typedReport(results: readonly RawResult[], names: ReadonlyMap<string, string>): ValidationReport {
  if (results.length === 0) return { conforms: true, results: [] };
  return {
    conforms: false,
    results: results.map((r): ValidationResult => {
      const out: ValidationResult = {
        severity: severityOf(r.shape.severity),
        focusNode: termId(r.focus),
        message: r.message ?? fallbackMessage(r.component),
        constraintComponent: r.component,
      };
      if (r.path?.termType === 'NamedNode') out.path = r.path.value;
      const field = names.get(r.shape.key);
      if (field !== undefined) out.field = field;
      const v = r.value;
      if (v) {
        out.value = termId(v);
        out.valueKind = v.termType === 'Literal' ? 'Literal' : v.termType === 'BlankNode' ? 'BlankNode' : 'IRI';
        if (v.termType === 'Literal') {
          const l = v as Literal;
          if (l.language) out.valueLanguage = l.language;
          else if (l.datatype.value !== XSD_STRING) out.valueDatatype = l.datatype.value;
        }
      }
      out.sourceShape = termId(r.shape.term);
      return out;
    }),
  };
}
