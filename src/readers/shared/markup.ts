// Turns JATS or HTML fragments (Crossref abstracts, CSL rich text) into plain text and abstract sections.
import type { AbstractSection } from '../../model/record.js';

const ENTITIES: { [name: string]: string } = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, code: string) => {
    if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code] ?? whole;
  });
}

/** Inline markup (italics, super- and subscripts) joins its neighbours; any other tag separates words. */
const INLINE_TAG = /<\/?(?:jats:)?(?:i|b|em|strong|sup|sub|sc|span|u|italic|bold|underline|scp)\b[^>]*>/gi;

/** Removes tags, decodes entities and collapses white space. */
export function plainText(markup: string): string {
  return decodeEntities(markup.replace(INLINE_TAG, '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?)\]])/g, '$1')
    .replace(/([(\[])\s+/g, '$1')
    .trim();
}

const SECTION = /<(?:jats:)?sec\b[^>]*>([\s\S]*?)<\/(?:jats:)?sec>/g;
const TITLE = /<(?:jats:)?title\b[^>]*>([\s\S]*?)<\/(?:jats:)?title>/;

/**
 * An abstract as sections: one per `<sec>` with a `<title>` heading when the JATS is structured,
 * otherwise one unheaded section. A lone leading "Abstract" title is dropped.
 */
export function abstractSections(markup: string): AbstractSection[] {
  const sections: AbstractSection[] = [];
  for (const match of markup.matchAll(SECTION)) {
    const body = match[1] ?? '';
    const title = TITLE.exec(body);
    const heading = title ? plainText(title[1] ?? '') : undefined;
    const text = plainText(title ? body.replace(TITLE, ' ') : body);
    if (text) sections.push(heading ? { heading, text } : { text });
  }
  if (sections.length > 0) return sections;
  const text = plainText(markup.replace(/^\s*<(?:jats:)?title\b[^>]*>\s*abstract\s*<\/(?:jats:)?title>/i, ' '));
  return text ? [{ text }] : [];
}
