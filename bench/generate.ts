// Seeded generator of realistic catalog records, with a few invalid ones mixed in, for benchmarks and large-scale tests.
import { mulberry32, recordSeed } from './generate/prng.js';
import { INVALID_KINDS, recordText } from './generate/record-text.js';
import type { InvalidKind } from './generate/record-text.js';

export { INVALID_KINDS };
export type { InvalidKind };

export interface GenerateOptions {
  count: number;
  /** The same seed gives the same records, byte for byte. Default 1. */
  seed?: number;
  /** The share of records with one planted SHACL violation. Default 0.01. */
  invalidRate?: number;
}

export interface GeneratedRecord {
  /** A valid record id (`[A-Za-z0-9._-]+`); the file is `{id}.txt`. */
  id: string;
  text: string;
  /** The planted violation, when the record is meant to be refused. */
  invalid?: InvalidKind;
}

/** The record at `index` of the stream for `seed`; each record depends only on (seed, index). */
export function generateRecord(index: number, seed = 1, invalidRate = 0.01): GeneratedRecord {
  const rng = mulberry32(recordSeed(seed, index));
  const invalid = rng.chance(invalidRate) ? rng.pick(INVALID_KINDS) : undefined;
  const id = `gen-${seed}-${String(index).padStart(7, '0')}`;
  const text = recordText(rng, invalid);
  return invalid ? { id, text, invalid } : { id, text };
}

export function* generateRecords(options: GenerateOptions): Iterable<GeneratedRecord> {
  const { count, seed = 1, invalidRate = 0.01 } = options;
  for (let i = 0; i < count; i++) yield generateRecord(i, seed, invalidRate);
}
