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
 * Lone surrogates and control characters dropped (and counted in `tally`), then NFC. White space is left as it is.
 * This is the part of the normal form that applies to every piece of text, inline nodes included.
 */
export function cleanText(value: string, given?: TextTally): string {
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

/**
 * The normal form of a text value (docs/text.md): `cleanText`, then every run of white space (any Unicode space,
 * TAB, LF, CR, NBSP, U+FEFF) made one U+0020 and the ends trimmed. Idempotent.
 */
export function normalizeText(value: string, tally?: TextTally): string {
  return cleanText(value, tally).replace(/\s+/g, ' ').trim();
}
