// Builds one catalog full-record page as text from a seeded stream: the field grammar of the catalog format.
import type { Rng } from './prng.js';
import {
  ABSTRACT_HEADINGS, ABSTRACT_WORDS, FAMILY_NAMES, FORMATS, GIVEN_NAMES, JOURNALS, LANGUAGES,
  ORGANIZATIONS, SUBJECTS, TITLE_WORDS, UNKNOWN_LABELS,
} from './vocabulary.js';

/** The ways a generated record is made invalid, each one a SHACL violation. */
// (No author is a warning, not a violation; a title of control characters only is empty once normalised.)
export const INVALID_KINDS = ['bad-doi', 'bad-issn', 'no-title', 'control-title', 'non-iso-date', 'unknown-language'] as const;
export type InvalidKind = (typeof INVALID_KINDS)[number];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function words(rng: Rng, pool: readonly string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(pool));
  return out.join(' ');
}

function title(rng: Rng): string {
  const main = capitalise(words(rng, TITLE_WORDS, rng.int(3, 22)));
  return rng.chance(0.35) ? `${main}: ${capitalise(words(rng, TITLE_WORDS, rng.int(2, 12)))}` : main;
}

function sentence(rng: Rng): string {
  return `${capitalise(words(rng, ABSTRACT_WORDS, rng.int(6, 24)))}.`;
}

/** Sentences until `target` characters, never past `max`. */
function prose(rng: Rng, target: number, max: number): string {
  let text = sentence(rng);
  for (;;) {
    const s = sentence(rng);
    if (text.length >= target || text.length + 1 + s.length > max) return text;
    text += ` ${s}`;
  }
}

/** 500 to 3,000 characters; structured abstracts glue each heading to its sentence ("BackgroundPrimary…"). */
export function abstractText(rng: Rng): string {
  const total = rng.int(500, 3000);
  if (!rng.chance(0.4)) return prose(rng, total, 3000);
  const headings = rng.pick(ABSTRACT_HEADINGS);
  const share = Math.floor(total / headings.length);
  let text = headings.map((h) => `${h}${prose(rng, share - h.length, share + 200)}`).join(' ');
  if (text.length < 500) text += ` ${prose(rng, 500 - text.length, 600)}`;
  return text.length > 3000 ? text.slice(0, text.lastIndexOf('.', 2999) + 1) : text;
}

/** Seven random digits and their ISSN check digit; `wrong` gives a deliberately wrong check digit. */
export function issn(rng: Rng, wrong = false): string {
  const d: number[] = [];
  for (let i = 0; i < 7; i++) d.push(rng.int(0, 9));
  const sum = d.reduce((acc, x, i) => acc + x * (8 - i), 0);
  let check = (11 - (sum % 11)) % 11;
  if (wrong) check = (check + rng.int(1, 10)) % 11;
  const c = check === 10 ? 'X' : String(check);
  return `${d.slice(0, 4).join('')}-${d.slice(4).join('')}${c}`;
}

function date(rng: Rng, nonIso: boolean): string {
  const y = rng.int(1965, 2025);
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  // Unpadded month and day: the shape catalogs get wrong most often, and not ISO 8601.
  if (nonIso) return `${y}-${rng.int(1, 9)}-${rng.int(1, 9)}`;
  const form = rng.int(0, 2);
  return form === 0 ? String(y) : form === 1 ? `${y}-${m}` : `${y}-${m}-${d}`;
}

function locator(rng: Rng): string | undefined {
  const kind = rng.int(0, 4);
  if (kind === 0) return undefined;
  if (kind === 1) {
    const n = String(rng.int(10 ** 9, 2 * 10 ** 9)) + String(rng.int(10 ** 6, 9 * 10 ** 6));
    return `p.${n}-${n}`;
  }
  if (kind === 2) return `p.e${rng.int(1000000, 9999999)}`;
  const first = rng.int(1, 2000);
  return `p.${first}-${first + rng.int(1, 40)}`;
}

function publishedIn(rng: Rng, nonIsoDate: boolean): string {
  let s = `${rng.pick(JOURNALS)} ${date(rng, nonIsoDate)}`;
  if (rng.chance(0.9)) s += `, Vol.${rng.int(1, 400)}`;
  if (rng.chance(0.7)) s += ` (${rng.int(1, 24)})`;
  const loc = locator(rng);
  return loc ? `${s}, ${loc}` : s;
}

function authors(rng: Rng): string[] {
  const n = rng.chance(0.7) ? rng.int(1, 8) : rng.int(1, 40);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${rng.pick(FAMILY_NAMES)}, ${rng.pick(GIVEN_NAMES)}`);
  return out;
}

function doi(rng: Rng, bad: boolean): string {
  if (bad) return `10.${rng.int(1, 999)}/bench.${rng.int(1, 99999)}`;
  const suffix = rng.chance(0.1)
    ? `0002-9262(199${rng.int(0, 9)})${rng.int(100, 199)}:${rng.int(1, 12)}<${rng.int(1, 99)}:AR>2.0.CO;2-${rng.int(1, 9)}`
    : `${rng.pick(['journal.pone', 's41467', 'j.cell', 'acs.jacs'])}.${rng.int(1000000, 9999999)}`;
  const prefix = rng.pick(['', '', '', 'https://doi.org/', 'doi:']);
  return `${prefix}10.${rng.int(1000, 99999)}/${suffix}`;
}

/** Label and value, with or without the space after the colon, as catalogs vary. */
function field(rng: Rng, label: string, value: string): string {
  return rng.chance(0.5) ? `${label}:${value}` : `${label}: ${value}`;
}

/** The whole page for one record; `invalid` plants exactly one violation. */
export function recordText(rng: Rng, invalid: InvalidKind | undefined): string {
  const lines: string[] = [];
  const noise = rng.chance(0.85);
  const abstract = rng.chance(0.92) ? abstractText(rng) : undefined;
  if (noise) lines.push('Loading…', '');
  if (invalid === 'control-title') lines.push('\u0001\u001F\u0002', '');
  else if (invalid !== 'no-title') {
    lines.push(title(rng), '');
    if (abstract && noise) lines.push(`${abstract.slice(0, 300)}...`, '', 'Full description', '');
  }
  if (noise) lines.push('Saved in:', 'Bibliographic Details');
  if (rng.chance(0.93) || invalid === 'non-iso-date') lines.push(field(rng, 'Published in', publishedIn(rng, invalid === 'non-iso-date')));
  {
    const names = authors(rng);
    lines.push(field(rng, names.length > 1 ? 'Main Authors' : 'Main Author', names.join(', ')));
    if (rng.chance(0.05)) lines.push(field(rng, 'Corporate Author', rng.pick(ORGANIZATIONS)));
    if (rng.chance(0.1)) lines.push(field(rng, 'Other Authors', authors(rng).slice(0, 3).join(', ')));
  }
  lines.push(field(rng, 'Format', rng.pick(FORMATS)));
  lines.push(field(rng, 'Language', invalid === 'unknown-language' ? 'Xyzzish' : rng.pick(LANGUAGES)));
  if (rng.chance(0.5)) {
    const subjects = Array.from({ length: rng.int(1, 5) }, () => rng.pick(SUBJECTS));
    lines.push(field(rng, 'Subjects', subjects.join(', ')));
  }
  if (noise) lines.push('Online Access:Get full text', 'Tags: Add Tag', 'No Tags, Be the first to tag this record!', 'Description');
  if (abstract) lines.push(field(rng, 'Summary', abstract));
  if (rng.chance(0.08)) lines.push(field(rng, rng.pick(UNKNOWN_LABELS), words(rng, ABSTRACT_WORDS, rng.int(1, 6))));
  if (rng.chance(0.8) || invalid === 'bad-issn') {
    const first = issn(rng, invalid === 'bad-issn');
    const more = rng.chance(0.5) ? [rng.chance(0.5) ? first : issn(rng)] : [];
    lines.push(field(rng, 'ISSN', first), ...more);
  }
  if (rng.chance(0.85) || invalid === 'bad-doi') lines.push(field(rng, 'DOI', doi(rng, invalid === 'bad-doi')));
  return lines.join('\n');
}
