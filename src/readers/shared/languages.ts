// A source's language value as a BCP 47 tag when it is one or names one; otherwise kept as given for validation.
import { languageCode } from '../catalog/identifiers.js';

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function languageOf(value: string): string {
  const v = value.trim();
  if (LANGUAGE_TAG.test(v)) return v;
  return languageCode(v).code;
}
