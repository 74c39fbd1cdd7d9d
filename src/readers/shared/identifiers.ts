// Normalises the identifiers readers find (DOI, ISSN, ISBN, ORCID) without judging them: validation does that.

const DOI_PREFIX = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:\s*)/i;
const ISSN_SHAPE = /^(\d{4})-?(\d{3}[\dXx])$/;

/**
 * "https://doi.org/10.1/X" or "doi:10.1/X" → "10.1/x": the resolver prefix removed and ASCII letters lower-cased,
 * since DOIs are case-insensitive (DOI Handbook 2.4), so that one work gets one `sameAs` IRI whatever the source.
 */
export function normalizeDoi(value: string): string {
  return value.trim().replace(DOI_PREFIX, '').trim().replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** "11795476" → "1179-5476", "0018-067x" → "0018-067X"; anything else is kept as given, for validation to report. */
export function normalizeIssn(value: string): string {
  const m = ISSN_SHAPE.exec(value.trim());
  return m ? `${m[1]}-${(m[2] as string).toUpperCase()}` : value.trim();
}

/** Splits a list written as one string ("1234-5678, 2345-6789") and removes duplicates, in order. */
export function identifierList(
  values: readonly string[],
  normalize: (v: string) => string,
  separators: RegExp = /[,;\s]+/,
): string[] {
  const out: string[] = [];
  for (const value of values) {
    // Qualifiers such as "(Electronic)" or "(pbk.)" are not part of the identifier.
    for (const part of value.replace(/\([^)]*\)/g, ' ').split(separators)) {
      const v = normalize(part);
      if (v && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

export function normalizeIsbn(value: string): string {
  return value.trim().toUpperCase();
}

/** The bare ORCID iD `0000-0000-0000-0000` from a URL or bare value. */
export function bareOrcid(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])/.exec(value);
  return m?.[1]?.toUpperCase();
}
