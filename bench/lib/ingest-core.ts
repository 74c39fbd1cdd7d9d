// The ingest path for a batch of record texts, shared by the runner and its worker threads: each text goes through
// the catalog's own read → map → validate step, and the gate's report decides whether it would be published.
import { evaluateFile } from '../../src/catalog/evaluate.js';
import type { Gate } from '../../src/validate/gate.js';
import { isPublishable } from '../../src/validate/report.js';

/** The base of every record IRI in the benchmark, as `ldpub serve` uses on its default port. */
export const BASE = 'http://localhost:3000';

export interface IngestTally {
  records: number;
  publishable: number;
  refused: number;
  unreadable: number;
}

/** Evaluates each text as the file `{id}.txt`; unreadable texts are counted, never thrown. */
export function ingest(texts: readonly { id: string; text: string }[], gate: Gate): IngestTally {
  const tally: IngestTally = { records: 0, publishable: 0, refused: 0, unreadable: 0 };
  for (const { id, text } of texts) {
    const outcome = evaluateFile(text, `${id}.txt`, '', BASE, gate);
    if ('error' in outcome) {
      tally.unreadable++;
      continue;
    }
    for (const r of outcome.records) {
      tally.records++;
      if (isPublishable(r.report)) tally.publishable++;
      else tally.refused++;
    }
  }
  return tally;
}
