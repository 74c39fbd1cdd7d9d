// Work done once per record and shared by all its formats: the graph index, the JSON-LD object the page embeds.
import type { Quad } from '@rdfjs/types';
import { indexGraph, type GraphIndex } from './graph-index.js';

/**
 * A record's shared serialization work. Build one per record (over the quads every format of it is given) and pass
 * it in every `SerializeInput` of that record: whatever one format computes (the graph index, the framed JSON-LD
 * object) the next one reuses. It holds nothing but what its formats ask for, and is dropped with the record's quads.
 */
export class SerializeMemo {
  private index: GraphIndex | undefined;
  private readonly results = new Map<string, unknown>();

  /** How many quads there were when the memo was made: a quads array that grew since is indexed afresh. */
  readonly size: number;

  constructor(readonly quads: readonly Quad[]) {
    this.size = quads.length;
  }

  /** The graph indexed by subject and predicate, with its lists found: built on first use. */
  graph(): GraphIndex {
    this.index ??= indexGraph(this.quads);
    return this.index;
  }

  /** A result computed once under `key` (the same key must always mean the same computation). */
  once<T>(key: string, compute: () => T): T {
    if (this.results.has(key)) return this.results.get(key) as T;
    const value = compute();
    this.results.set(key, value);
    return value;
  }
}

const implicit = new WeakMap<readonly Quad[], SerializeMemo>();

/** The memo to use for `quads`: the one given when it covers the same quads, else one kept with the quads array itself. */
export function memoFor(quads: readonly Quad[], memo?: SerializeMemo): SerializeMemo {
  if (memo && memo.quads === quads && memo.size === quads.length) return memo;
  let m = implicit.get(quads);
  if (!m || m.size !== quads.length) implicit.set(quads, (m = new SerializeMemo(quads)));
  return m;
}
