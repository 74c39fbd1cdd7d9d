// Derived plain-text views of a Record that several writers share (names, abstract, pages).
import type { AbstractSection, Agent, Locator } from './record.js';

/** "Given Family" for a person, the name for an organisation. */
export function displayName(agent: Agent): string {
  if (agent.kind === 'organization') return agent.name;
  return agent.given ? `${agent.given} ${agent.family}` : agent.family;
}

/** "Background: text Case presentation: text", or the text alone when unstructured. */
export function abstractText(sections: readonly AbstractSection[]): string {
  return sections
    .map((s) => (s.heading ? `${s.heading}: ${s.text}` : s.text))
    .join(' ');
}

/** "12-19", "e0229874" or "11795476231171891": never a range whose ends are equal. */
export function paginationText(locator: Locator): string {
  if (locator.kind === 'article-number') return locator.value;
  return locator.last && locator.last !== locator.first ? `${locator.first}-${locator.last}` : locator.first;
}

/** Counts of what text normalisation dropped, for the reader's warnings. */
export interface TextTally {
  controls: number;
  surrogates: number;
  /** The control characters dropped, as `U+001F`, in the order first seen. */
  codes: Set<string>;
}

export function newTally(): TextTally {
  return { controls: 0, surrogates: 0, codes: new Set() };
}

function codeOf(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The tally that cleanText counts into when given none: set by `countingInto` around one synchronous read. */
let ambient: TextTally | undefined;

/** Runs `fn` with every cleanText call in it counting into `tally` (readers clean text deep inside their parsing). */
export function countingInto<T>(tally: TextTally, fn: () => T): T {
  const before = ambient;
  ambient = tally;
  try {
    return fn();
  } finally {
    ambient = before;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 but TAB, LF, VT, FF and CR (white space to every parser: kept here and collapsed by normalizeText), DEL, C1,
// and the noncharacters XML 1.0 forbids or that mean "not a character" (U+FFFE, U+FFFF, U+FDD0–U+FDEF).
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

/**
 * True when cleanText would give `text` back unchanged, decided in one scan without allocating (the common case):
 * no control character it drops, no surrogate, and only characters with which a string is in NFC already. Those
 * are U+0000–U+02FF, U+1E00–U+1EFF (precomposed Latin) and U+2002–U+206F (punctuation): each is its own NFC,
 * has combining class 0 and never composes with what precedes it, so any string of them is NFC (the quick check
 * of UAX #15; tests/model/text.test.ts checks every one of them alone and after every other character). For
 * anything else the full steps decide.
 */
const NOT_CLEAN = /[^\t-\r -~\u00A0-\u02FF\u1E00-\u1EFF\u2002-\u206F]/;

function isClean(text: string): boolean {
  return !NOT_CLEAN.test(text);
}

/**
 * True when normalizeText would give `text` back but for a leading or trailing U+0020: isClean, and no white
 * space but single U+0020 (JavaScript's `\s`: TAB to CR, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, U+FEFF). A character class and a substring search: faster here than a loop over the text.
 */
const NOT_NORMAL = /[^ -~\u00A1-\u02FF\u1E00-\u1EFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u206F]/;

function isNormal(text: string): boolean {
  return !NOT_NORMAL.test(text) && !text.includes('  ');
}

/** White space but U+0020. */
const OTHER_SPACE = /[\t-\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

/** True when `text` has white space other than single U+0020 (what `/\s+/g` → `' '` would change). */
function isUncollapsed(text: string): boolean {
  return OTHER_SPACE.test(text) || text.includes('  ');
}

/**
 * Lone surrogates and control characters dropped (and counted in `tally`), then NFC. White space is left as it is.
 * This is the part of the normal form that applies to every piece of text, inline nodes included.
 */
export function cleanText(value: string, given?: TextTally): string {
  if (isClean(value)) return value;
  const tally = given ?? ambient;
  let text = value;
  if (LONE_SURROGATE.test(text)) {
    text = text.replace(LONE_SURROGATE, () => {
      if (tally) tally.surrogates++;
      return '';
    });
  }
  LONE_SURROGATE.lastIndex = 0;
  if (CONTROL.test(text)) {
    text = text.replace(CONTROL, (c) => {
      if (tally) {
        tally.controls++;
        tally.codes.add(codeOf(c));
      }
      return '';
    });
  }
  CONTROL.lastIndex = 0;
  return text.normalize('NFC');
}

const SPACES = /\s+/g;

/** Every run of white space made one U+0020 (the string itself when there is nothing to change, the common case). */
export function collapseSpaces(text: string): string {
  return isUncollapsed(text) ? text.replace(SPACES, ' ') : text;
}

/**
 * The normal form of a text value (docs/text.md): `cleanText`, then every run of white space (any Unicode space,
 * TAB, LF, CR, NBSP, U+FEFF) made one U+0020 and the ends trimmed. Idempotent.
 */
export function normalizeText(value: string, tally?: TextTally): string {
  return isNormal(value) ? value.trim() : collapseSpaces(cleanText(value, tally)).trim();
}
