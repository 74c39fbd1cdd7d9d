// String-based constraints: sh:minLength, sh:maxLength, sh:pattern with sh:flags, sh:languageIn, sh:uniqueLang.
import type { Literal } from '@rdfjs/types';
import type { ComponentEntry, ComponentInput } from '../types.js';
import { SH, isTrue, label } from '../terms.js';

function length(input: ComponentInput, name: string): number {
  const n = input.value.termType === 'Literal' ? Number(input.value.value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw input.reader.error(`sh:${name} ${label(input.value)} is not a non-negative integer`);
  return n;
}

/** SPARQL's STRLEN: characters, not UTF-16 code units. */
function strlen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

export const minLengthEntry: ComponentEntry = {
  component: `${SH}MinLengthConstraintComponent`,
  compile(input) {
    const min = length(input, 'minLength');
    const emit = input.emitter(`${SH}MinLengthConstraintComponent`, 'Value has less than {$minLength} characters', { minLength: input.value });
    return (ctx, focus, values) => {
      for (const v of values) if (v.termType === 'BlankNode' || strlen(v.value) < min) emit(ctx, focus, v);
    };
  },
};

export const maxLengthEntry: ComponentEntry = {
  component: `${SH}MaxLengthConstraintComponent`,
  compile(input) {
    const max = length(input, 'maxLength');
    const emit = input.emitter(`${SH}MaxLengthConstraintComponent`, 'Value has more than {$maxLength} characters', { maxLength: input.value });
    return (ctx, focus, values) => {
      for (const v of values) if (v.termType === 'BlankNode' || strlen(v.value) > max) emit(ctx, focus, v);
    };
  },
};

export const patternEntry: ComponentEntry = {
  component: `${SH}PatternConstraintComponent`,
  compile({ value, reader, shape, emitter }) {
    const flags = reader.one(shape.term, `${SH}flags`);
    let re: RegExp;
    try {
      re = new RegExp(value.value, flags?.value ?? '');
    } catch (e) {
      throw reader.error(`sh:pattern ${JSON.stringify(value.value)} on ${label(shape.term)} is not a valid regular expression: ${(e as Error).message}`);
    }
    const emit = emitter(`${SH}PatternConstraintComponent`, 'Value does not match pattern "{$pattern}"', { pattern: value, flags });
    return (ctx, focus, values) => {
      for (const v of values) {
        re.lastIndex = 0;
        if (v.termType === 'BlankNode' || !re.test(v.value)) emit(ctx, focus, v);
      }
    };
  },
};

/** SPARQL's langMatches (RFC 4647 basic filtering): `*` matches any tag, `en` matches `en` and `en-GB`. */
function langMatches(tag: string, range: string): boolean {
  const t = tag.toLowerCase();
  const r = range.toLowerCase();
  return r === '*' ? t !== '' : t === r || t.startsWith(`${r}-`);
}

export const languageInEntry: ComponentEntry = {
  component: `${SH}LanguageInConstraintComponent`,
  compile({ value, reader, emitter }) {
    const ranges = reader.list(value, 'sh:languageIn').map((t) => t.value);
    const emit = emitter(`${SH}LanguageInConstraintComponent`, 'Language does not match any of {$languageIn}', { languageIn: value });
    return (ctx, focus, values) => {
      for (const v of values) {
        const lang = v.termType === 'Literal' ? (v as Literal).language : '';
        if (!lang || !ranges.some((r) => langMatches(lang, r))) emit(ctx, focus, v);
      }
    };
  },
};

export const uniqueLangEntry: ComponentEntry = {
  component: `${SH}UniqueLangConstraintComponent`,
  propertyOnly: true,
  compile({ value, emitter }) {
    if (!isTrue(value)) return null;
    const emit = emitter(`${SH}UniqueLangConstraintComponent`, 'Language "{?lang}" used more than once', { uniqueLang: value });
    return (ctx, focus, values) => {
      const counts = new Map<string, number>();
      for (const v of values) {
        const lang = v.termType === 'Literal' ? (v as Literal).language : '';
        if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
      }
      for (const [lang, n] of counts) {
        if (n > 1) emit(ctx, focus, undefined, { message: `Language "${lang}" has been used by ${n} values` });
      }
    };
  },
};
