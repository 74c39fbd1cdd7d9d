// Test helpers: the seed record and a hostile record as SerializeInputs, and their rendered pages.
import type { SerializeInput } from '../../src/formats/format.js';
import { allFormats } from '../../src/formats/registry.js';
import { mapFile } from '../../src/pipeline.js';
import { mapRecord } from '../../src/rdf/map-record.js';
import { recordIri } from '../../src/rdf/iris.js';
import type { Record } from '../../src/model/record.js';
import { recordPageContext, type RecordPageContext } from '../../src/html/page-context.js';
import { renderRecordPage } from '../../src/html/record-page.js';
import { indexEntry, renderIndexPage } from '../../src/html/index-page.js';
import { renderErrorPage } from '../../src/html/error-page.js';
import { fixtureRecord, fixtureText, SEED_ID, SEED_IRI, TEST_BASE } from '../helpers/fixtures.js';
import type { ValidationReport } from '../../src/validate/report.js';

export const XSS_ID = 'xss-record';

export function seedInput(base = TEST_BASE): SerializeInput {
  const [mapped] = mapFile(fixtureText('catalog', 'seed-case-report.txt'), `${SEED_ID}.txt`, base);
  if (!mapped) throw new Error('the seed did not map');
  return { ...mapped, base, params: {} };
}

export function hostileRecord(): Record {
  return fixtureRecord('html', 'hostile-record.json');
}

export function inputFor(record: Record, id: string, base = TEST_BASE): SerializeInput {
  const iri = recordIri(base, id);
  return { id, iri, base, record, quads: mapRecord(record, { iri }), params: {} };
}

export function contextFor(input: SerializeInput): RecordPageContext {
  return recordPageContext(input, allFormats());
}

export async function recordPage(input: SerializeInput): Promise<string> {
  return renderRecordPage(input, contextFor(input));
}

export function indexPage(base = TEST_BASE, query?: string): string {
  const inputs = [seedInput(base), inputFor(hostileRecord(), XSS_ID, base)];
  const entries = inputs.map((i) => indexEntry(i.id, i.iri, i.record));
  return renderIndexPage(entries, { base, total: entries.length, ...(query ? { query } : {}) });
}

export function notAcceptablePage(base = TEST_BASE): string {
  const input = seedInput(base);
  const ctx = contextFor(input);
  return renderErrorPage(406, 'None of the types in the Accept header is available for this record.', ctx.formats, { home: `${base}/` });
}

/** A report with one result of each severity, one of them hostile. */
export const SAMPLE_REPORT: ValidationReport = {
  conforms: false,
  results: [
    { severity: 'Warning', focusNode: SEED_IRI, field: 'ISSN', value: '1234-567<X>', message: 'the ISSN check digit is wrong', constraintComponent: 'http://www.w3.org/ns/shacl#SPARQLConstraintComponent' },
    { severity: 'Info', focusNode: SEED_IRI, path: 'http://schema.org/abstract', message: 'no abstract', constraintComponent: 'http://www.w3.org/ns/shacl#MinCountConstraintComponent' },
    { severity: 'Violation', focusNode: SEED_IRI, field: 'title', message: '</td><script>alert(1)</script>', constraintComponent: 'http://www.w3.org/ns/shacl#MinCountConstraintComponent' },
  ],
};
