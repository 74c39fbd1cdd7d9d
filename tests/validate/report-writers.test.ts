// The report written three ways: Turtle and JSON-LD carry the same sh:ValidationReport graph; text gives one line per problem.
import { beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import type { ValidationReport } from '../../src/validate/index.js';
import { loadValidator, reportToJsonLd, reportToText, reportToTurtle } from '../../src/validate/index.js';
import { BIBO, R, S, drop, edits, seedQuads, set } from './graph-helpers.js';

let report: ValidationReport;
beforeAll(async () => {
  const validator = await loadValidator();
  report = validator.validate(
    edits(drop(`${S}familyName`, `${R}#author-2`), set(`${R}#periodical`, `${S}issn`, '1179-5475'), set(R, `${BIBO}doi`, 'x'), drop(`${S}abstract`))(seedQuads()),
  );
});

async function canonical(nquads: string): Promise<string> {
  return (jsonld.canonize as unknown as (i: string, o: object) => Promise<string>)(nquads, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' });
}

function toNQuads(turtle: string): string {
  return new Writer({ format: 'N-Quads' }).quadsToString(new Parser().parse(turtle));
}

describe('report writers', () => {
  it('finds the four problems', () => {
    expect(report.results.map((r) => r.field).sort()).toEqual(['DOI', 'ISSN', 'abstract', 'family name']);
  });

  it('writes Turtle that parses to an sh:ValidationReport with every result', () => {
    const quads = new Parser().parse(reportToTurtle(report));
    const results = quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/shacl#result');
    expect(results).toHaveLength(4);
    expect(quads.some((q) => q.object.value === 'https://w3id.org/ldpub/shapes#ISSNCheckDigitConstraintComponent')).toBe(true);
    expect(quads.some((q) => q.predicate.value.endsWith('#conforms') && q.object.value === 'false')).toBe(true);
  });

  it('writes JSON-LD that is the same graph as the Turtle, compacted with a local context', async () => {
    const doc = reportToJsonLd(report);
    expect(doc['@type']).toBe('ValidationReport');
    expect(doc.conforms).toBe(false);
    const fromJsonLd = (await jsonld.toRDF(doc as never, { format: 'application/n-quads' })) as unknown as string;
    expect(await canonical(fromJsonLd)).toBe(await canonical(toNQuads(reportToTurtle(report))));
  });

  it('writes one text line per problem naming the record, field, value and message', () => {
    const lines = reportToText(report, { record: 'seed.txt' }).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      'seed.txt: Violation: ISSN (periodical) "1179-5475": The ISSN check digit is wrong: the ISSN is mistyped; check it against the journal',
    );
    expect(lines.find((l) => l.includes('family name'))).toMatch(/^seed\.txt: Violation: family name \(author-2\): /);
    expect(lines.find((l) => l.includes('abstract'))).toMatch(/^seed\.txt: Warning: abstract: /);
  });

  it('writes nothing for a conforming record', () => {
    expect(reportToText({ conforms: true, results: [] }, { record: 'x' })).toBe('');
  });
});
