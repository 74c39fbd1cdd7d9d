// Plain-text views of a Record for pages and meta tags: names, dates, language names, the journal line, summaries.
import type { Agent, Record } from '../model/record.js';
import { abstractText, paginationText } from '../model/text.js';
import { html, type SafeHtml } from './escape.js';

/** "Kanda, Yutaro" for a person (the form Google Scholar asks for), the name for an organisation. */
export function invertedName(agent: Agent): string {
  if (agent.kind === 'organization') return agent.name;
  return agent.given ? `${agent.family}, ${agent.given}` : agent.family;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when the record's date is ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
  return ISO_DATE.test(date);
}

/** `YYYY/MM/DD`, `YYYY/MM` or `YYYY` for citation_publication_date; the first year in a non-ISO date; else undefined. */
export function highwireDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = ISO_DATE.exec(date);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join('/');
  return /\b(\d{4})\b/.exec(date)?.[1];
}

/** The year of the date, when one can be found. */
export function yearOf(date: string | undefined): string | undefined {
  return date ? /\b(\d{4})\b/.exec(date)?.[1] : undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023", "May 2023", "4 May 2023"; a non-ISO date as given. */
export function displayDate(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1] ?? date;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

let languageNames: Intl.DisplayNames | undefined;

/** "English" for "en"; the tag itself when the runtime does not know it. */
export function languageName(tag: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The canonical form of a well-formed BCP 47 tag, or undefined for anything else. */
export function languageTag(value: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** The record's language when it is a well-formed BCP 47 tag (for `<html lang>`), else "en". */
export function pageLanguage(record: Record): string {
  return (record.language && languageTag(record.language)) || 'en';
}

/** The parts of the journal line, in reading order: "Volume 16", "Issue 3", "Pages 12–19" or "Article 1179…". */
export function journalParts(record: Record): string[] {
  const parts: string[] = [];
  const c = record.container;
  if (c?.volume) parts.push(`Volume ${c.volume}`);
  if (c?.issue) parts.push(`Issue ${c.issue}`);
  const loc = record.locator;
  if (loc?.kind === 'article-number') parts.push(`Article ${loc.value}`);
  else if (loc) parts.push(`${loc.last && loc.last !== loc.first ? 'Pages' : 'Page'} ${paginationText(loc).replace('-', '–')}`);
  return parts;
}

/** Text shortened to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A one-paragraph summary for `<meta name="description">` and og:description. */
export function summary(record: Record, max = 300): string {
  if (record.abstract?.length) return truncate(abstractText(record.abstract), max);
  const bits = [record.container?.title, yearOf(record.date)].filter(Boolean).join(', ');
  return truncate([record.title ?? 'Untitled record', bits].filter(Boolean).join('. '), max);
}

/**
 * ` lang="xx"` for the record's own text (title, abstract, subjects) when its language is a well-formed tag other
 * than the page's English; nothing otherwise.
 */
export function recordLang(record: Record): SafeHtml | '' {
  const tag = record.language ? languageTag(record.language) : undefined;
  return tag && tag !== 'en' && !tag.startsWith('en-') ? html` lang="${tag}"` : '';
}
