// The ISSN check digit (ISO 3297): a check no SHACL Core pattern can express, so ldpub implements it in TypeScript.

const ISSN_FORM = /^\d{4}-\d{3}[\dX]$/;

/** True when `issn` has the form NNNN-NNNC (the pattern shape reports anything else). */
export function hasIssnForm(issn: string): boolean {
  return ISSN_FORM.test(issn);
}

/** The check character for the first seven digits: weights 8..2, modulus 11, 10 written as X. */
export function issnCheckCharacter(sevenDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(sevenDigits[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * True when a well-formed ISSN carries the right check digit. A value that is not of the form
 * NNNN-NNNC is left to the pattern constraint (true here), so one mistake gives one result.
 */
export function issnCheckDigitOk(issn: string): boolean {
  if (!hasIssnForm(issn)) return true;
  const digits = issn.replace('-', '');
  return issnCheckCharacter(digits.slice(0, 7)) === digits[7];
}
