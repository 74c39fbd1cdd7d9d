// The citation outputs: CSL-JSON, BibTeX, RIS and formatted citations, with the shipped styles and locales.
export type { CitationContext, CslJsonItem } from './to-csl-json.js';
export { toCslJson } from './to-csl-json.js';
export { toBibtex, toRis } from './export-formats.js';
export type { CitationOptions } from './format-citation.js';
export { citationEngineCount, formatCitation } from './format-citation.js';
export {
  DEFAULT_LOCALE,
  DEFAULT_STYLE,
  listLocales,
  listStyles,
  resolveLocale,
  resolveStyle,
  STYLE_ALIASES,
} from './styles.js';
