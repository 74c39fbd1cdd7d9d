// Normalises the identifiers readers find (DOI, ISSN, ISBN, ORCID) without judging them: validation does that.

/** Strips a resolver prefix (`https://doi.org/`, `doi:`) and white space; the rest is kept as given. */
export function normalizeDoi(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .trim();
}

/** "2050084x" → "2050-084X"; anything else is kept as given for validation to report. */
export function normalizeIssn(value: string): string {
  const v = value.trim().toUpperCase();
  return /^\d{7}[\dX]$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4)}` : v;
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
