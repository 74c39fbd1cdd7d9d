// BibTeX and RIS for a Record, written by citation-js from the record's CSL-JSON item (never by hand).
import type { Record } from '../model/record.js';
import { citationJs } from '../readers/shared/citation-js.js';
import type { CitationContext } from './to-csl-json.js';
import { toCslJson } from './to-csl-json.js';

function format(record: Record, ctx: CitationContext, name: 'bibtex' | 'ris'): string {
  const { Cite } = citationJs();
  const item = { ...toCslJson(record, ctx), 'citation-key': ctx.id };
  const text = new Cite([item], { forceType: '@csl/list+object' }).format(name, { format: 'text' });
  return `${text.trim()}\n`;
}

/** One BibTeX entry whose key is the record id. */
export function toBibtex(record: Record, ctx: CitationContext): string {
  return format(record, ctx, 'bibtex');
}

/** One RIS record (TY … ER). */
export function toRis(record: Record, ctx: CitationContext): string {
  return format(record, ctx, 'ris');
}
