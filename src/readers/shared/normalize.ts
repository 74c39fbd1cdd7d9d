// The normal form applied once to every Record a reader returns (docs/text.md), and the warnings it gives.
import type { Inline, Record } from '../../model/record.js';
import { inlinePlainText, hasMarkup, normalizeInline } from '../../model/inline.js';
import { newTally, normalizeText, type TextTally } from '../../model/text.js';
import { ReadWarning } from '../warnings.js';

/** Keys whose value is inline nodes, normalised as a whole rather than string by string. */
const INLINE_KEYS = new Set(['titleInline', 'inline']);

function walk(value: unknown, tally: TextTally): unknown {
  if (typeof value === 'string') return normalizeText(value, tally);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const v = walk(item, tally);
      // An empty string in a list (a subject, an ISSN) or an empty abstract section is nothing.
      if (v === '' || (isSection(v) && v.text === '')) continue;
      out.push(v);
    }
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: { [key: string]: unknown } = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (INLINE_KEYS.has(key) && Array.isArray(v)) {
        const nodes = normalizeInline(v as Inline[], tally);
        if (hasMarkup(nodes)) out[key] = nodes;
        continue;
      }
      out[key] = walk(v, tally);
    }
    return out;
  }
  return value;
}

function isSection(v: unknown): v is { text: string } {
  return typeof v === 'object' && v !== null && 'text' in v && typeof (v as { text: unknown }).text === 'string';
}

/** Optional top-level and container text fields that mean nothing when empty. */
const OPTIONAL = ['id', 'title', 'date', 'language', 'doi', 'genre', 'publisher', 'publisherPlace', 'url', 'edition', 'version', 'extent', 'license', 'rights'] as const;

/** The record in normal form: every string normalised, the plain title agreeing with its inline markup. */
export function normalizeRecord(record: Record, tally: TextTally): Record {
  const out = walk(record, tally) as Record;
  for (const key of OPTIONAL) if (out[key] === '') delete out[key];
  if (out.titleInline) out.title = normalizeText(inlinePlainText(out.titleInline));
  if (!out.title) delete out.titleInline;
  if (out.abstract) {
    for (const s of out.abstract) if (s.inline) s.text = normalizeText(inlinePlainText(s.inline));
    if (out.abstract.length === 0) delete out.abstract;
  }
  if (out.container) {
    for (const key of ['title', 'volume', 'issue'] as const) if (out.container[key] === '') delete out.container[key];
  }
  return out;
}

/** The warnings a tally gives: one line per kind of character dropped. */
export function tallyWarnings(tally: TextTally): ReadWarning[] {
  const warnings: ReadWarning[] = [];
  if (tally.controls > 0) {
    const codes = [...tally.codes];
    const shown = codes.slice(0, 5).join(', ') + (codes.length > 5 ? ', …' : '');
    warnings.push(new ReadWarning('LDPUB_CONTROL_CHARS', `${tally.controls} control character${tally.controls > 1 ? 's' : ''} dropped (${shown})`));
  }
  if (tally.surrogates > 0) {
    warnings.push(new ReadWarning('LDPUB_LONE_SURROGATE', `${tally.surrogates} lone surrogate${tally.surrogates > 1 ? 's' : ''} dropped`));
  }
  return warnings;
}

export { newTally };
