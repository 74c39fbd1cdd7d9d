// The catalog's `Published:` line, in ISBD order: "Place : Publisher, date" (each part optional).
import { collapseSpaces } from '../../model/text.js';

export interface Published {
  place?: string;
  publisher?: string;
  /** The year (or ISO date) at the end, as written; "c2019" and "[2019]" give "2019". */
  date?: string;
}

const TRAILING_DATE = /,?\s*\[?(?:c|©|p)?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)\]?\.?\s*$/;

export function parsePublished(value: string): Published {
  let rest = collapseSpaces(value).trim();
  const out: Published = {};
  const date = TRAILING_DATE.exec(rest);
  if (date && date.index > 0) {
    out.date = date[1];
    rest = rest.slice(0, date.index).trim();
  } else if (date && date.index === 0) {
    return { date: date[1] };
  }
  // ISBD separators left at the end; a full stop stays ("Elsevier B.V.").
  rest = rest.replace(/(?:,|\s[;:])\s*$/, '').trim();
  // "Place : Publisher": the ISBD colon has a space before it ("Cham : Springer"); a colon inside a name does not.
  const colon = rest.indexOf(' : ');
  const shortColon = colon < 0 ? /^([^:]{2,40}):\s+(.+)$/.exec(rest) : null;
  if (colon > 0) {
    out.place = rest.slice(0, colon).trim();
    rest = rest.slice(colon + 3).trim();
  } else if (shortColon && !/\d/.test(shortColon[1]!)) {
    out.place = shortColon[1]!.trim();
    rest = shortColon[2]!.trim();
  }
  if (rest) out.publisher = rest;
  return out;
}
