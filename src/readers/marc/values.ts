// The small value conversions the MARC mapping needs: ISBD punctuation, ISBN-13, MARC language codes, licences.
import { lookupTable } from '../../model/lookup.js';

/** Removes the ISBD punctuation a cataloguer ends a subfield with (" /", " :", " ;", " =", ",", a final "."). */
export function trimIsbd(value: string, { keepPeriod = false }: { keepPeriod?: boolean } = {}): string {
  const v = value.replace(/\s+/g, ' ').trim();
  // One layer: the punctuation that introduces the next element, else the period that ends this one.
  const stripped = v.replace(/\s*[/:;=,]$/, '').trim();
  if (stripped !== v || keepPeriod) return stripped;
  // A final period ends the element, unless it ends an initial or an abbreviation the text needs ("J.", "Inc.", "p.").
  if (/[^.\s]\.$/.test(v) && !/(?:^|[\s.])\p{Lu}\.$/u.test(v) && !/\b(?:Inc|Ltd|Co|Corp|ed|eds|Jr|Sr|etc|al|St|Dr|Mr|Mrs|pp?|vol|no)\.$/i.test(v)) return v.slice(0, -1);
  return v;
}

/** Removes square brackets a cataloguer put around supplied information: "[New York]" → "New York". */
export function unbracket(value: string): string {
  return value.replace(/^\[(.*)\]$/, '$1').replace(/[[\]]/g, '').trim();
}

/** The ISBN-13 digits of an ISBN-10 or ISBN-13 with any hyphens and qualifiers; undefined when it is not one. */
export function isbn13(value: string): string | undefined {
  const m = /^\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/.exec(value);
  if (!m) return undefined;
  const digits = (m[1] as string).replace(/[\s-]/g, '').toUpperCase();
  if (digits.length === 13) return /^\d{13}$/.test(digits) ? digits : undefined;
  if (digits.length !== 10) return undefined;
  const core = `978${digits.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(core[i]) * (i % 2 === 0 ? 1 : 3);
  return core + String((10 - (sum % 10)) % 10);
}

/** Obsolete MARC language codes that ICU does not canonicalise. */
const OBSOLETE_LANGUAGES: { readonly [code: string]: string } = lookupTable({
  scc: 'sr', scr: 'hr', fri: 'fy', gag: 'gl', iri: 'ga', tag: 'tl', taj: 'tg', tar: 'tt', gae: 'gd', esp: 'eo',
  far: 'fo', lan: 'oc', mla: 'mg', sao: 'sm', snh: 'si', eth: 'gez', int: 'ia', max: 'gv', cam: 'km', lap: 'se',
  mol: 'ro', esk: 'iu', gua: 'gn', kus: 'kos', sho: 'sn', sso: 'st', swz: 'ss', tsw: 'tn',
});

/** A MARC language code (ISO 639-2/B) → a BCP 47 tag ("ger" → "de"); undefined for blanks and fill characters. */
export function marcLanguage(code: string | undefined): string | undefined {
  const c = code?.trim().toLowerCase();
  if (!c || !/^[a-z]{3}$/.test(c)) return undefined;
  const obsolete = OBSOLETE_LANGUAGES[c];
  if (obsolete) return obsolete;
  try {
    return Intl.getCanonicalLocales(c)[0] ?? c;
  } catch {
    return c;
  }
}

/** BCP 47 → the MARC language code, for the writer: "de" → "ger". */
export function marcLanguageCode(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const primary = tag.toLowerCase().split('-')[0] as string;
  if (primary.length === 3) return primary;
  return BIBLIOGRAPHIC[primary] ?? TERMINOLOGIC_OF(primary);
}

const BIBLIOGRAPHIC: { readonly [two: string]: string } = lookupTable({
  en: 'eng', de: 'ger', fr: 'fre', es: 'spa', it: 'ita', nl: 'dut', pt: 'por', zh: 'chi', ja: 'jpn', ru: 'rus',
  el: 'gre', cs: 'cze', sk: 'slo', pl: 'pol', sv: 'swe', da: 'dan', no: 'nor', nb: 'nob', nn: 'nno', fi: 'fin',
  is: 'ice', hu: 'hun', ro: 'rum', bg: 'bul', hr: 'hrv', sr: 'srp', sl: 'slv', uk: 'ukr', tr: 'tur', ar: 'ara',
  he: 'heb', fa: 'per', hi: 'hin', ko: 'kor', cy: 'wel', ga: 'gle', gd: 'gla', eu: 'baq', ca: 'cat', gl: 'glg',
  hy: 'arm', ka: 'geo', mk: 'mac', sq: 'alb', ms: 'may', my: 'bur', mi: 'mao', bo: 'tib', la: 'lat', et: 'est',
  lv: 'lav', lt: 'lit', af: 'afr', id: 'ind', vi: 'vie', th: 'tha', eo: 'epo', be: 'bel', bn: 'ben', ur: 'urd',
  ta: 'tam', te: 'tel', sw: 'swa', zu: 'zul', xh: 'xho', yi: 'yid', lb: 'ltz', fo: 'fao', mt: 'mlt', kk: 'kaz',
  uz: 'uzb', az: 'aze', mn: 'mon', ne: 'nep', si: 'sin', km: 'khm', lo: 'lao', am: 'amh', so: 'som', ha: 'hau',
  yo: 'yor', ig: 'ibo', tl: 'tgl', qu: 'que', gn: 'grn', ps: 'pus', ku: 'kur', tg: 'tgk', tk: 'tuk', ky: 'kir',
  tt: 'tat', ba: 'bak', pa: 'pan', gu: 'guj', mr: 'mar', kn: 'kan', ml: 'mal', or: 'ori', sa: 'san', jv: 'jav',
  su: 'sun', mg: 'mlg', fy: 'fry', br: 'bre', co: 'cos', oc: 'oci', rm: 'roh', se: 'sme', ia: 'ina', gv: 'glv',
  iu: 'iku', sm: 'smo', to: 'ton', haw: 'haw',
});

function TERMINOLOGIC_OF(two: string): string | undefined {
  for (const c of Object.values(BIBLIOGRAPHIC)) if (marcLanguage(c) === two) return c;
  return undefined;
}

/** A licence named by URL or by a short name ("CC BY 4.0", "cc-by", "CC0") → its canonical IRI. */
export function licenseIri(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const url = /^https?:\/\/(?:www\.)?(creativecommons\.org\/(?:licenses|publicdomain)\/[a-z0-9.\-/]+|opensource\.org\/licenses?\/[A-Za-z0-9.\-]+|spdx\.org\/licenses\/[A-Za-z0-9.\-+]+)/i.exec(v);
  if (url) {
    const path = (url[1] as string).replace(/\/?$/, '');
    return path.startsWith('creativecommons') ? `https://${path.replace(/\/legalcode.*$/, '')}/` : `https://${path}`;
  }
  const cc = /^(?:cc[\s-]?)(by(?:[\s-](?:nc|sa|nd))*)(?:[\s-](\d\.\d))?$/i.exec(v.replace(/\s+license$/i, ''));
  if (cc) return `https://creativecommons.org/licenses/${(cc[1] as string).toLowerCase().replace(/\s/g, '-')}/${cc[2] ?? '4.0'}/`;
  if (/^cc[\s-]?0(?:[\s-]1\.0)?$/i.test(v) || /^cc[\s-]?zero$/i.test(v)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return undefined;
}

/** The record id rule `^[A-Za-z0-9._-]+$`: other characters become "-", runs collapse, the ends are trimmed. */
export function sanitizeId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const id = value.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return id || undefined;
}
