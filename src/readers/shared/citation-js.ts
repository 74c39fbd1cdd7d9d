// Loads citation-js synchronously on first use, so that paths which never read BibTeX or RIS never pay for it.
import { createRequire } from 'node:module';
import type { CslItem } from './csl-item.js';

/** The part of @citation-js/core that ldpub uses. */
export interface CitationJs {
  plugins: { input: { chain(data: unknown, options: { forceType: string; generateGraph?: boolean }): unknown } };
  Cite: new (data: unknown, options?: { forceType?: string }) => { format(name: string, options?: object): string };
}

let loaded: CitationJs | undefined;

export function citationJs(): CitationJs {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const core = require('@citation-js/core') as CitationJs;
    require('@citation-js/plugin-bibtex');
    require('@citation-js/plugin-ris');
    loaded = core;
  }
  return loaded;
}

/** Parses text of a citation-js input type ("@biblatex/text", "@ris/file") to CSL items. */
export function parseToCsl(text: string, forceType: string): CslItem[] {
  const out = citationJs().plugins.input.chain(text, { forceType, generateGraph: false });
  return Array.isArray(out) ? (out.filter((x) => x && typeof x === 'object') as CslItem[]) : [];
}
