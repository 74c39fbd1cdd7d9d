// ISBNs as the Record keeps them: ISBN-13 digits without hyphens; a value that is not an ISBN is kept as given.

/** "0-306-40615-2" → "9780306406157", "978-0-306-40615-7" → "9780306406157"; anything else unchanged (trimmed). */
export function isoIsbn13(value: string): string {
  const v = value.trim();
  const digits = v.replace(/[-\s]/g, '').toUpperCase();
  if (/^97[89]\d{10}$/.test(digits)) return digits;
  if (/^\d{9}[\dX]$/.test(digits)) {
    const core = `978${digits.slice(0, 9)}`;
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(core[i]) * (i % 2 === 0 ? 1 : 3);
    return `${core}${(10 - (sum % 10)) % 10}`;
  }
  return v;
}
