// Writes a record back as CSL-JSON, BibTeX and RIS and reads each again, for the corpus round-trip tests.
import { toBibtex, toCslJson, toRis } from '../../src/citation/index.js';
import type { Record } from '../../src/model/record.js';
import { bibtexReader } from '../../src/readers/bibtex.js';
import { cslJsonReader } from '../../src/readers/csl-json.js';
import { risReader } from '../../src/readers/ris.js';
import type { Projection } from './projection.js';
import { project } from './projection.js';

/** The projection after writing `record` in each output format and reading it back. */
export function writtenBack(record: Record): { [format: string]: Projection } {
  const ctx = { id: record.id ?? 'record-1', uri: 'https://example.org/record/record-1' };
  const once = (records: Record[]): Projection => {
    if (records.length !== 1) throw new Error(`expected one record back, got ${records.length}`);
    return project(records[0]!);
  };
  return {
    'csl-json': once(cslJsonReader.read(JSON.stringify(toCslJson(record, ctx)))),
    bibtex: once(bibtexReader.read(toBibtex(record, ctx))),
    ris: once(risReader.read(toRis(record, ctx))),
  };
}
