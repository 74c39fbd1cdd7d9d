// MARC-8 to Unicode for the character sets Latin-script catalogs use: ASCII (G0), ANSEL extended Latin (G1) with
// its combining diacritics, and the subscript, superscript and Greek-symbol sets reached by escape sequences.
// MARC-8 writes a combining mark before its base letter; Unicode after, so marks are held until the base comes,
// and the result is NFC. Characters of sets not covered here (CJK, Cyrillic, Arabic, Hebrew…) become U+FFFD.

const ANSEL: { readonly [byte: number]: number } = {
  0xa1: 0x0141, 0xa2: 0x00d8, 0xa3: 0x0110, 0xa4: 0x00de, 0xa5: 0x00c6, 0xa6: 0x0152, 0xa7: 0x02b9, 0xa8: 0x00b7,
  0xa9: 0x266d, 0xaa: 0x00ae, 0xab: 0x00b1, 0xac: 0x01a0, 0xad: 0x01af, 0xae: 0x02bc, 0xb0: 0x02bb, 0xb1: 0x0142,
  0xb2: 0x00f8, 0xb3: 0x0111, 0xb4: 0x00fe, 0xb5: 0x00e6, 0xb6: 0x0153, 0xb7: 0x02ba, 0xb8: 0x0131, 0xb9: 0x00a3,
  0xba: 0x00f0, 0xbc: 0x01a1, 0xbd: 0x01b0, 0xc0: 0x00b0, 0xc1: 0x2113, 0xc2: 0x2117, 0xc3: 0x00a9, 0xc4: 0x266f,
  0xc5: 0x00bf, 0xc6: 0x00a1, 0xc7: 0x00df, 0xc8: 0x20ac,
};

/** ANSEL combining diacritics (0xE0–0xFE), written before the letter they modify. */
const COMBINING: { readonly [byte: number]: number } = {
  0xe0: 0x0309, 0xe1: 0x0300, 0xe2: 0x0301, 0xe3: 0x0302, 0xe4: 0x0303, 0xe5: 0x0304, 0xe6: 0x0306, 0xe7: 0x0307,
  0xe8: 0x0308, 0xe9: 0x030c, 0xea: 0x030a, 0xeb: 0xfe20, 0xec: 0xfe21, 0xed: 0x0315, 0xee: 0x030b, 0xef: 0x0310,
  0xf0: 0x0327, 0xf1: 0x0328, 0xf2: 0x0323, 0xf3: 0x0324, 0xf4: 0x0325, 0xf5: 0x0333, 0xf6: 0x0332, 0xf7: 0x0326,
  0xf8: 0x031c, 0xf9: 0x032e, 0xfa: 0xfe22, 0xfb: 0xfe23, 0xfe: 0x0313,
};

const SUBSCRIPT: { readonly [byte: number]: number } = {
  0x28: 0x208d, 0x29: 0x208e, 0x2b: 0x208a, 0x2d: 0x208b,
  0x30: 0x2080, 0x31: 0x2081, 0x32: 0x2082, 0x33: 0x2083, 0x34: 0x2084, 0x35: 0x2085, 0x36: 0x2086, 0x37: 0x2087, 0x38: 0x2088, 0x39: 0x2089,
};

const SUPERSCRIPT: { readonly [byte: number]: number } = {
  0x28: 0x207d, 0x29: 0x207e, 0x2b: 0x207a, 0x2d: 0x207b,
  0x30: 0x2070, 0x31: 0x00b9, 0x32: 0x00b2, 0x33: 0x00b3, 0x34: 0x2074, 0x35: 0x2075, 0x36: 0x2076, 0x37: 0x2077, 0x38: 0x2078, 0x39: 0x2079,
};

const GREEK_SYMBOLS: { readonly [byte: number]: number } = { 0x61: 0x03b1, 0x62: 0x03b2, 0x63: 0x03b3 };

type G0 = 'ascii' | 'subscript' | 'superscript' | 'greek-symbols' | 'other' | 'other-multibyte';

const ESC = 0x1b;

/** Decodes MARC-8 bytes (one field's data) to NFC Unicode. */
export function decodeMarc8(bytes: Uint8Array): string {
  let g0 = 'ascii' as G0;
  let g1Ansel = true;
  const out: number[] = [];
  let pending: number[] = [];
  const emit = (cp: number): void => {
    out.push(cp);
    if (pending.length > 0) {
      out.push(...pending);
      pending = [];
    }
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === ESC) {
      i = escape(bytes, i, (set, multibyte) => {
        if (set === 'g1-ansel') g1Ansel = true;
        else if (set === 'g1-other') g1Ansel = false;
        else g0 = multibyte ? 'other-multibyte' : set;
      });
      continue;
    }
    if (b < 0x20) {
      emit(b);
      continue;
    }
    if (b === 0x88 || b === 0x89) continue; // non-sort begin and end: no Unicode equivalent
    if (b === 0x8d) {
      emit(0x200d);
      continue;
    }
    if (b === 0x8e) {
      emit(0x200c);
      continue;
    }
    if (b < 0x80) {
      if (g0 === 'other-multibyte') {
        i += 2;
        emit(0xfffd);
        continue;
      }
      const table = g0 === 'subscript' ? SUBSCRIPT : g0 === 'superscript' ? SUPERSCRIPT : g0 === 'greek-symbols' ? GREEK_SYMBOLS : undefined;
      if (g0 === 'other') emit(b === 0x20 ? 0x20 : 0xfffd);
      else emit(table?.[b] ?? b);
      continue;
    }
    if (!g1Ansel) {
      emit(0xfffd);
      continue;
    }
    const mark = COMBINING[b];
    if (mark !== undefined) {
      pending.push(mark);
      continue;
    }
    emit(ANSEL[b] ?? 0xfffd);
  }
  out.push(...pending);
  return String.fromCodePoint(...out).normalize('NFC');
}

/** Reads one escape sequence at `i`, reports the set it designates, and returns the index of its last byte. */
function escape(bytes: Uint8Array, i: number, designate: (set: G0 | 'g1-ansel' | 'g1-other', multibyte: boolean) => void): number {
  const next = bytes[i + 1];
  if (next === undefined) return i;
  // Technique 1 (ESC + final): G0 becomes the Greek-symbol, subscript or superscript set until ESC s.
  if (next === 0x67) return designate('greek-symbols', false), i + 1;
  if (next === 0x62) return designate('subscript', false), i + 1;
  if (next === 0x70) return designate('superscript', false), i + 1;
  if (next === 0x73) return designate('ascii', false), i + 1;
  // Technique 2: ESC ( , $ ) - then the final byte naming the set (for multibyte, ESC $ [ ( , ] F).
  let j = i + 1;
  let multibyte = false;
  if (bytes[j] === 0x24) {
    multibyte = true;
    j++;
  }
  const intermediate = bytes[j];
  let g: 0 | 1;
  if (intermediate === 0x28 || intermediate === 0x2c) g = 0;
  else if (intermediate === 0x29 || intermediate === 0x2d) g = 1;
  else if (multibyte) {
    g = 0;
    j--; // ESC $ F: G0, no intermediate
  } else return i;
  const final = bytes[j + 1];
  if (final === undefined) return j;
  if (g === 1) designate(final === 0x45 && !multibyte ? 'g1-ansel' : 'g1-other', multibyte);
  else if (!multibyte && (final === 0x42 || final === 0x45)) designate('ascii', false);
  else if (!multibyte && final === 0x62) designate('subscript', false);
  else if (!multibyte && final === 0x70) designate('superscript', false);
  else if (!multibyte && final === 0x67) designate('greek-symbols', false);
  else designate('other', multibyte);
  return j + 1;
}

/** Encodes NFC text to MARC-8 where it can (ASCII and ANSEL with decomposed diacritics): used to build test fixtures. */
export function encodeMarc8(text: string): Uint8Array {
  const ansel = new Map<number, number>(Object.entries(ANSEL).map(([k, v]) => [v, Number(k)]));
  const combining = new Map<number, number>(Object.entries(COMBINING).map(([k, v]) => [v, Number(k)]));
  const out: number[] = [];
  let marks: number[] = [];
  for (const ch of text.normalize('NFD')) {
    const cp = ch.codePointAt(0) as number;
    const mark = combining.get(cp);
    if (mark !== undefined) {
      // The marks follow their base in Unicode and precede it in MARC-8: insert before the last base byte.
      marks.push(mark);
      continue;
    }
    flush();
    if (cp < 0x80) out.push(cp);
    else out.push(ansel.get(cp) ?? 0x3f);
  }
  flush();
  return Uint8Array.from(out);

  function flush(): void {
    if (marks.length === 0) return;
    const base = out.pop();
    out.push(...marks);
    if (base !== undefined) out.push(base);
    marks = [];
  }
}
