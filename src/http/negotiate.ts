// Proactive negotiation (RFC 9110 §12.5.1) over registry formats: client q first, then specificity, then server quality.
import parseAccept from 'negotiator/lib/accept.js';
import type { Format } from '../formats/format.js';
import { formatByName } from '../formats/registry.js';

/** What a negotiation picks: the format and the media type parameters that format declares it understands. */
export interface Choice {
  format: Format;
  params: { readonly [name: string]: string };
}

interface Range {
  type: string;
  subtype: string;
  q: number;
  params: { [name: string]: string };
}

interface Candidate {
  index: number;
  format: Format;
  q: number;
  /** 3 exact type, 1 type/*, 0 *\/*. */
  specificity: number;
  range: Range | undefined;
}

/** The format preferred when everything ties under `*\/*` or no Accept: the page that carries every link. */
const DEFAULT_KIND = 'html';
const QVALUE = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/;
const MEMO_LIMIT = 512;
const MAX_MEMO_KEY = 1024;

/** Negotiator's parser; ranges without a type/subtype or with a malformed q are dropped, as RFC 9110 lets a recipient do. */
function parseRanges(header: string): Range[] {
  const out: Range[] = [];
  for (const entry of parseAccept(header)) {
    const slash = entry.type.indexOf('/');
    if (slash <= 0 || slash === entry.type.length - 1) continue;
    const { q: qText, ...params } = entry.parameters;
    if (qText !== undefined && !QVALUE.test(qText)) continue;
    const type = entry.type.slice(0, slash).toLowerCase();
    const subtype = entry.type.slice(slash + 1).toLowerCase();
    if (type === '*' && subtype !== '*') continue;
    out.push({ type, subtype, q: qText === undefined ? 1 : Number(qText), params });
  }
  return out;
}

/** The most specific range matching `mediaType` (ties: the higher q). Wildcards reach only a format's main type, never an alias. */
function bestRange(ranges: readonly Range[], mediaType: string, wildcards: boolean): { range: Range; specificity: number } | undefined {
  const slash = mediaType.indexOf('/');
  const type = mediaType.slice(0, slash);
  const subtype = mediaType.slice(slash + 1);
  let best: { range: Range; specificity: number } | undefined;
  for (const range of ranges) {
    let s: number;
    if (range.type === type && range.subtype === subtype) s = 3;
    else if (!wildcards) continue;
    else if (range.type === type && range.subtype === '*') s = 1;
    else if (range.type === '*' && range.subtype === '*') s = 0;
    else continue;
    if (!best || s > best.specificity || (s === best.specificity && range.q > best.range.q)) best = { range, specificity: s };
  }
  return best;
}

function candidate(ranges: readonly Range[], format: Format, index: number): Candidate | undefined {
  const main = bestRange(ranges, format.mediaType, true);
  // A format the client names and refuses (q=0) stays refused whatever its aliases say.
  if (main && main.specificity === 3 && main.range.q === 0) return undefined;
  let best = main;
  for (const alias of format.aliases) {
    const m = bestRange(ranges, alias, false);
    if (m && (!best || m.range.q > best.range.q || (m.range.q === best.range.q && m.specificity > best.specificity))) best = m;
  }
  if (!best || best.range.q === 0) return undefined;
  return { index, format, q: best.range.q, specificity: best.specificity, range: best.range };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.q !== b.q) return a.q > b.q;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  if (a.specificity === 0) {
    const ad = a.format.kind === DEFAULT_KIND;
    const bd = b.format.kind === DEFAULT_KIND;
    if (ad !== bd) return ad;
  }
  if (a.format.quality !== b.format.quality) return a.format.quality > b.format.quality;
  return a.index < b.index;
}

function paramsFor(format: Format, range: Range | undefined): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  if (!range) return out;
  for (const p of format.parameters) if (range.params[p] !== undefined) out[p] = range.params[p];
  return out;
}

/** Picks one of `formats` for an Accept header; undefined means 406. A missing or empty header counts as `*\/*`. */
export function negotiate(accept: string | undefined, formats: readonly Format[]): Choice | undefined {
  const ranges = parseRanges(accept === undefined || accept.trim() === '' ? '*/*' : accept);
  let winner: Candidate | undefined;
  formats.forEach((format, i) => {
    const c = candidate(ranges, format, i);
    if (c && (!winner || better(c, winner))) winner = c;
  });
  return winner ? { format: winner.format, params: paramsFor(winner.format, winner.range) } : undefined;
}

/** A negotiator over a fixed list of formats, remembering the answer per Accept value (the same few headers recur). */
export function negotiatorFor(formats: readonly Format[]): (accept: string | undefined) => Choice | undefined {
  const memo = new Map<string, Choice | undefined>();
  return (accept) => {
    const key = accept ?? '';
    if (memo.has(key)) return memo.get(key);
    const choice = negotiate(accept, formats);
    if (key.length <= MAX_MEMO_KEY) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, choice);
    }
    return choice;
  };
}

/** The answer for a resource with a fixed list of formats: by `?format=` when given, else by Accept. */
export type FormatChoice = { format: Format } | { status: 400 | 406; message: string };

/**
 * `?format=` (a key, name or extension; it must name one of `formats`, else 400, an empty value included) takes
 * precedence over the Accept header (nothing acceptable: 406).
 */
export function chooseFormat(
  query: unknown,
  accept: string | undefined,
  formats: readonly Format[],
  pick: (accept: string | undefined) => Choice | undefined,
): FormatChoice {
  if (query !== undefined) {
    const named = typeof query === 'string' ? formatByName(query) : undefined;
    const format = named && formats.find((f) => f.key === named.key);
    if (format) return { format };
    const shown = JSON.stringify(typeof query === 'string' ? query : String(query)).slice(0, 80);
    return { status: 400, message: `Unknown format ${shown} here; use one of: ${formats.map((f) => f.key).join(', ')}.` };
  }
  const choice = pick(accept);
  return choice ? { format: choice.format } : { status: 406, message: 'None of the types in the Accept header is available.' };
}
