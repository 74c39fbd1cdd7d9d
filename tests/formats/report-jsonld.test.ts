// The validation report's JSON-LD as the server writes it: sh:conforms a JSON boolean typed xsd:boolean, the same graph as the Turtle.
import { describe, expect, it } from 'vitest';
import { namedReportToJsonLd, reportQuads, reportToJsonLd } from '../../src/validate/report-writers.js';
import type { ValidationReport } from '../../src/validate/report.js';
import { canonical, parseJsonLd } from '../helpers/graph.js';

const IRI = 'http://localhost:3000/record/x/validation';
const refused = {
  conforms: false,
  results: [
    {
      severity: 'Violation',
      focusNode: 'http://localhost:3000/record/x#periodical',
      path: 'http://schema.org/issn',
      value: '1179-5475',
      valueKind: 'Literal',
      message: 'The ISSN check digit is wrong',
      constraintComponent: 'https://w3id.org/ldpub/shapes#ISSNCheckDigitConstraintComponent',
      field: 'ISSN',
    },
  ],
} as unknown as ValidationReport;

describe("the validation report's JSON-LD", () => {
  it.each([
    ['refused', refused],
    ['conforming', { conforms: true, results: [] } as unknown as ValidationReport],
  ])('writes sh:conforms of a %s report as a JSON boolean that reads as xsd:boolean', async (_, report) => {
    const doc = namedReportToJsonLd(report, IRI);
    expect(doc.conforms).toBe(report.conforms);
    expect(doc['@id']).toBe(IRI);
    const quads = await parseJsonLd(JSON.stringify(doc));
    const conforms = quads.find((q) => q.predicate.value === 'http://www.w3.org/ns/shacl#conforms')!.object;
    expect(conforms.value).toBe(String(report.conforms));
    expect(conforms.termType === 'Literal' && conforms.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#boolean');
    expect(await canonical(quads)).toBe(await canonical(reportQuads(report, { reportIri: IRI })));
    expect(await canonical(await parseJsonLd(JSON.stringify(reportToJsonLd(report))))).toBe(await canonical(reportQuads(report)));
  });
});
