// The id rule and the IRI syntax rule: plain predicates on strings that readers, the mapping and the routes all apply.
export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
export const MAX_ID_LENGTH = 200;

/** True when `id` may name a record (and is safe as a path segment). */
export function isValidId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id) && id !== '.' && id !== '..';
}

/** True for an absolute IRI that RDF syntaxes can carry as is (no spaces, no `<>"{}|\^` or backtick, no control character or lone surrogate). */
export function isAbsoluteIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\p{Cc}\p{Cs}]*$/u.test(value);
}
