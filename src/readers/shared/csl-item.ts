// The loose shape of a CSL-JSON item (and of Crossref works JSON, which is close to it) as readers receive it.

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  ORCID?: string;
  orcid?: string;
  _orcid?: string;
}

export interface CslDate {
  'date-parts'?: unknown[][];
  raw?: string;
  literal?: string;
}

/** Any CSL-JSON item: values are checked where they are used, since inputs vary. */
export interface CslItem {
  [key: string]: unknown;
}

export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string value, or the first string of an array (Crossref gives titles as arrays). */
export function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value.find((x) => typeof x === 'string' || typeof x === 'number') : value;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** All strings of a string-or-array value. */
export function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((x) => (typeof x === 'number' ? String(x) : x))
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    .map((x) => x.trim());
}
