// Organisation identifiers as IRIs: ROR ids and Crossref Funder IDs, however the source writes them.

/** "03yrm5c26", "ror.org/03yrm5c26" or "https://ror.org/03yrm5c26" → "https://ror.org/03yrm5c26"; anything else trimmed. */
export function rorIri(value: string): string {
  const m = /(?:ror\.org\/)?(0[a-z0-9]{6}\d{2})\s*$/i.exec(value.trim());
  return m ? `https://ror.org/${m[1]!.toLowerCase()}` : value.trim();
}

/** A Crossref Funder ID (bare "501100001711" or a dx.doi.org IRI) as its DOI IRI; anything else trimmed. */
export function funderIri(value: string): string {
  const v = value.trim();
  if (/^\d{6,}$/.test(v)) return `https://doi.org/10.13039/${v}`;
  const m = /(10\.13039\/.+)$/.exec(v);
  return m ? `https://doi.org/${m[1]}` : v;
}
