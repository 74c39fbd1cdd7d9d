// BibTeX and RIS for a Record, written by citation-js from the record's CSL-JSON item (never by hand).
import type { Record } from '../model/record.js';
import { citationJs } from '../readers/shared/citation-js.js';
import type { CitationContext, CslJsonItem } from './to-csl-json.js';
import { toCslJson } from './to-csl-json.js';

/** String values on one line, so that every line break in the output is one citation-js made. */
function singleLine(item: CslJsonItem): CslJsonItem {
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v]),
  );
}

function format(record: Record, ctx: CitationContext, name: 'bibtex' | 'ris'): string {
  const { Cite } = citationJs();
  const item = singleLine({ ...toCslJson(record, ctx), 'citation-key': ctx.id });
  const text = new Cite([item], { forceType: '@csl/list+object' }).format(name, { format: 'text' });
  return `${text.trim()}\n`;
}

/**
 * citation-js 0.8 breaks RIS values every 70 characters, mid-word, and readers (its own included) join
 * the pieces with a space, which corrupts titles and abstracts. Values are single-line here, so a line
 * without a tag is such a piece: join it back to its tag line.
 */
function unwrapRis(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[A-Z][A-Z0-9] {2}-( |$)/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  return lines.join('\n');
}

/** One BibTeX entry whose key is the record id. */
export function toBibtex(record: Record, ctx: CitationContext): string {
  return format(record, ctx, 'bibtex');
}

/** One RIS record (TY … ER), one line per tag. */
export function toRis(record: Record, ctx: CitationContext): string {
  return unwrapRis(format(record, ctx, 'ris'));
}
