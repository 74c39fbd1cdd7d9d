// The published set at one moment: records by id in a stable order, and the files that were refused, with why.
import type { PublishedRecord } from './published.js';
import type { FileOutcome } from './evaluate.js';
import type { ValidationReport } from '../validate/report.js';

export interface Refusal {
  source: string;
  /** The stable error code: LDPUB_INVALID_RECORD for a record the shapes refuse, else the reader's code. */
  code: string;
  message: string;
  id?: string;
  field?: string;
  value?: string;
  report?: ValidationReport;
}

/** A data file as last evaluated: its stamp (modification time and size) and what became of it. */
export interface SourceFile {
  stamp: string;
  outcome: FileOutcome;
}

export class Catalog {
  private readonly byId: Map<string, PublishedRecord>;
  private statsMemo: { triples: number; entities: number } | undefined;
  /** Records sorted by id: the order of every listing, page and dump. */
  readonly records: readonly PublishedRecord[];
  /** The newest lastModified of any record, or the build time of an empty catalog. */
  readonly lastModified: Date;

  constructor(
    readonly base: string,
    records: readonly PublishedRecord[],
    readonly refused: readonly Refusal[],
    readonly builtAt: Date = new Date(),
    /** Every data file by its path in the folder, so a reload re-evaluates only what changed. */
    readonly files: ReadonlyMap<string, SourceFile> = new Map(),
  ) {
    this.records = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byId = new Map(this.records.map((r) => [r.id, r]));
    this.lastModified = this.records.reduce((max, r) => (r.lastModified > max ? r.lastModified : max), new Date(0));
    if (this.records.length === 0) this.lastModified = new Date(Math.floor(builtAt.getTime() / 1000) * 1000);
  }

  /** Triples and entities over every published record, summed once on first use. */
  get stats(): { triples: number; entities: number } {
    if (!this.statsMemo) {
      let triples = 0;
      let entities = 0;
      for (const r of this.records) {
        const s = r.stats();
        triples += s.triples;
        entities += s.entities;
      }
      this.statsMemo = { triples, entities };
    }
    return this.statsMemo;
  }

  get(id: string): PublishedRecord | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.records.length;
  }

  /** Counts for /health and the CLI. */
  counts(): { published: number; refused: number; withWarnings: number } {
    return {
      published: this.records.length,
      refused: this.refused.length,
      withWarnings: this.records.filter((r) => r.report.results.length > 0).length,
    };
  }
}
