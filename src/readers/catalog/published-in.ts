// Parses `Published in: {journal} {date}, Vol.{volume} ({issue}), p.{first}-{last}` into container, date and locator.
import type { Locator } from '../../model/record.js';

export interface PublishedIn {
  journal?: string;
  date?: string;
  volume?: string;
  issue?: string;
  locator?: Locator;
}

// Each part after the journal may be missing, so the value is taken apart from the right.
const PAGES_PART = /,\s*pp?\.\s*([^,]*?)\s*$/i;
const VOLUME_PART = /,\s*Vol\.?\s*([^,(]*?)\s*(?:\(([^)]*)\))?\s*$/i;
const ISSUE_PART = /,\s*(?:No\.?|Issue|Iss\.)\s*([^,]+?)\s*$/i;
// "(3)" after the date with no volume; a bracket closing a journal name ("Nature (London)") is left alone.
const BRACKETED_ISSUE = /(?<=(?:^|\s)\d{4}(?:-\d{1,2}){0,2})\s*\(([^)]*)\)\s*$/;
const DATE_AT_END = /(?:^|\s)(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)$/;
const TRAILING_COMMA = /[\s,]+$/;
const RANGE = /^([^-–]+?)\s*[-–]\s*([^-–]+)$/;

// Page or article number, for a locator that stands alone or whose two ends are equal:
// a short all-digit value (at most 5 digits: no printed volume runs past page 99999) or a roman numeral
// is a page; anything else (6+ digits, e-prefixed "e0229874", other letters) is an article number (eLocator).
// A real range ("12-19", "D46-D52") is always pages; a range with equal ends is never published as a range.
const SHORT_PAGE = /^(?:\d{1,5}|[ivxlcdm]+)$/i;

export function locatorFrom(text: string): Locator | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const range = RANGE.exec(value);
  if (range) {
    const first = range[1] as string;
    const last = range[2] as string;
    // "e05239-n/a": a placeholder end ("n/a", "?", "ff") is no page; the value is the first part alone.
    if (!/\d/.test(last) && !/^[ivxlcdm]+$/i.test(last)) return lone(first);
    if (first !== last) return { kind: 'pages', first, last };
    return lone(first);
  }
  return lone(value);
}

function lone(value: string): Locator {
  return SHORT_PAGE.test(value) ? { kind: 'pages', first: value } : { kind: 'article-number', value };
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

export function parsePublishedIn(value: string): PublishedIn {
  const result: PublishedIn = {};
  let rest = value.trim();
  const pages = PAGES_PART.exec(rest);
  if (pages && pages.index > 0) {
    const locator = locatorFrom(pages[1] as string);
    if (locator) result.locator = locator;
    rest = rest.slice(0, pages.index);
  }
  const volume = VOLUME_PART.exec(rest);
  if (volume) {
    result.volume = nonEmpty(volume[1]);
    result.issue = nonEmpty(volume[2]);
    rest = rest.slice(0, volume.index);
  } else {
    const issue = ISSUE_PART.exec(rest) ?? BRACKETED_ISSUE.exec(rest);
    if (issue && issue.index > 0) {
      result.issue = nonEmpty(issue[1]);
      rest = rest.slice(0, issue.index);
    }
  }
  rest = rest.replace(TRAILING_COMMA, '');
  const date = DATE_AT_END.exec(rest);
  if (date) {
    result.date = date[1];
    rest = rest.slice(0, date.index).replace(TRAILING_COMMA, '');
  }
  result.journal = nonEmpty(rest);
  for (const key of Object.keys(result) as (keyof PublishedIn)[]) {
    if (result[key] === undefined) delete result[key];
  }
  return result;
}
