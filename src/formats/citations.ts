// The citation formats in the registry: CSL-JSON, BibTeX, RIS and formatted citations (style and locale as parameters).
import { formatCitation, resolveLocale, resolveStyle, toBibtex, toCslJson, toRis } from '../citation/index.js';
import type { Format, SerializeInput } from './format.js';

const ctx = (input: SerializeInput) => ({ id: input.id, uri: input.iri });

/** The shipped style and locale a request names (defaults APA and en-US); an unknown one is an error, never a fallback. */
function citationParams(params: { readonly [name: string]: string }): { [name: string]: string } {
  return { style: resolveStyle(params.style), locale: resolveLocale(params.locale) };
}

function citation(input: SerializeInput, format: 'text' | 'html'): string {
  return formatCitation(input.record, ctx(input), { style: input.params.style, locale: input.params.locale, format });
}

export const CITATION_FORMATS: Format[] = [
  {
    key: 'csl-json',
    names: ['csl', 'citeproc-json'],
    label: 'CSL-JSON',
    mediaType: 'application/vnd.citationstyles.csl+json',
    aliases: ['application/citeproc+json'],
    extension: 'json',
    quality: 0.6,
    kind: 'citation',
    parameters: [],
    // One record is one CSL-JSON item, as DOI content negotiation gives it (not an array of one).
    serialize: (input) => `${JSON.stringify(toCslJson(input.record, ctx(input)), null, 2)}\n`,
  },
  {
    key: 'bibtex',
    names: ['bib'],
    label: 'BibTeX',
    mediaType: 'application/x-bibtex',
    aliases: ['text/x-bibtex'],
    extension: 'bib',
    quality: 0.6,
    kind: 'citation',
    parameters: [],
    serialize: (input) => toBibtex(input.record, ctx(input)),
  },
  {
    key: 'ris',
    names: [],
    label: 'RIS',
    mediaType: 'application/x-research-info-systems',
    aliases: ['application/x-ris'],
    extension: 'ris',
    quality: 0.6,
    kind: 'citation',
    parameters: [],
    serialize: (input) => toRis(input.record, ctx(input)),
  },
  {
    key: 'citation',
    names: ['bibliography', 'text'],
    label: 'Formatted citation',
    mediaType: 'text/x-bibliography',
    aliases: [],
    extension: 'txt',
    quality: 0.5,
    kind: 'citation',
    parameters: ['style', 'locale'],
    normalizeParams: citationParams,
    serialize: (input) => `${citation(input, 'text')}\n`,
  },
  {
    // The same citation as an HTML fragment for embedding (`?format=html-citation`); text/html is the landing page's.
    key: 'html-citation',
    names: [],
    label: 'Formatted citation (HTML)',
    mediaType: 'text/html',
    aliases: [],
    extension: '',
    quality: 0,
    kind: 'citation',
    parameters: ['style', 'locale'],
    normalizeParams: citationParams,
    negotiable: false,
    serialize: (input) => `${citation(input, 'html')}\n`,
  },
];
