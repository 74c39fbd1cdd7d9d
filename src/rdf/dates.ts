// Which XSD datatype an ISO 8601 publication date takes (year, year-month, full date), or none when it is not ISO.

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `gYear`, `gYearMonth` or `date` for a valid ISO 8601 calendar date, else undefined. */
export function isoDateDatatype(value: string): 'gYear' | 'gYearMonth' | 'date' | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [, , month, day] = m;
  if (month === undefined) return 'gYear';
  const mm = Number(month);
  if (mm < 1 || mm > 12) return undefined;
  if (day === undefined) return 'gYearMonth';
  const dd = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(m[1]), mm, 0)).getUTCDate();
  return dd >= 1 && dd <= daysInMonth ? 'date' : undefined;
}
