// Reader for BibTeX and BibLaTeX files, parsed to CSL by citation-js and then mapped like CSL-JSON.
// A file that does not parse as a whole is read entry by entry, so that one broken entry refuses only itself.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadResult, RecordReader } from './reader.js';
import { cleanText } from '../model/text.js';
import { parseToCsl } from './shared/citation-js.js';
import type { CslItem } from './shared/csl-item.js';
import { cslToRecord } from './shared/csl-to-record.js';
import { checkEntryCount, entryError, firstLine, lineAt, shown } from './shared/entries.js';
import { currentLimits } from './shared/limits.js';
import { lookupTable } from '../model/lookup.js';

/** An entry start such as `@article{` or `@Book(` at the start of a line. */
const ENTRY = /(^|\n)[ \t]*@[A-Za-z]+[ \t]*[{(]/;
const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm;
const NOT_AN_ENTRY = /^(?:string|preamble|comment)$/i;

interface Chunk {
  type: string;
  /** The 1-based line of the `@`. */
  line: number;
  text: string;
  /** The key, when the chunk starts as `@type{key,`. */
  key?: string;
}

function chunks(text: string): Chunk[] {
  const starts = [...text.matchAll(ENTRY_START)];
  return starts.map((m, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    const body = text.slice(m.index, end);
    const key = /^[^{(]*[{(]\s*([^\s,{}()=]+)\s*,/.exec(body)?.[1];
    return { type: m[1] as string, line: lineAt(text, m.index + (body.length - body.trimStart().length)), text: body, ...(key ? { key } : {}) };
  });
}

// BibTeX markup is LaTeX, not HTML: a `<`, `>` or `&` in the source is text. citation-js turns LaTeX markup
// (\textit, \textsuperscript, {\sc …}) into CSL's HTML-like rich text and leaves `<` as it is, so the two could not be
// told apart afterwards. They are hidden from it as noncharacters and brought back as character references, which the
// rich-text reading turns back into the characters (in identifier fields, as the characters themselves).
const HIDDEN: { [c: string]: string } = lookupTable({ '<': '\uFDD0', '>': '\uFDD1', '&': '\uFDD2' });
const SHOWN: { [c: string]: [entity: string, char: string] } = lookupTable({
  '\uFDD0': ['&lt;', '<'],
  '\uFDD1': ['&gt;', '>'],
  '\uFDD2': ['&amp;', '&'],
});
const IDENTIFIER_FIELDS = new Set(['DOI', 'URL', 'ISSN', 'ISBN', 'citation-key', 'id']);

function hideMarkupCharacters(text: string): string {
  return text
    .replace(/[\uFDD0-\uFDD2]/g, (c) => cleanText(c))
    .replace(/\\&/g, '\uFDD2')
    .replace(/[<>&]/g, (c) => HIDDEN[c] as string);
}

function showMarkupCharacters(value: unknown, asCharacters: boolean): unknown {
  if (typeof value === 'string') return value.replace(/[\uFDD0-\uFDD2]/g, (c) => (SHOWN[c] as [string, string])[asCharacters ? 1 : 0]);
  if (Array.isArray(value)) return value.map((v) => showMarkupCharacters(v, asCharacters));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, showMarkupCharacters(v, asCharacters || IDENTIFIER_FIELDS.has(k))]));
  }
  return value;
}

function parseBibtex(text: string): CslItem[] {
  return parseToCsl(hideMarkupCharacters(text), '@biblatex/text').map((item) => showMarkupCharacters(item, false) as CslItem);
}

function toRecord(item: CslItem): Record {
  return cslToRecord(item, { id: item['citation-key'] ?? item.id, familyOnlyWithSpaceIsOrganization: true });
}

/** Where in an entry the parser stopped, as the field being read and its value so far. */
function fieldAt(chunk: string, message: string): { field?: string; value?: string } {
  const pos = /at line (\d+) col (\d+)/.exec(message);
  let offset = chunk.length;
  if (pos) {
    const lines = chunk.split('\n');
    const line = Math.min(Number(pos[1]), lines.length);
    offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(pos[2]) - 1;
  }
  const before = chunk.slice(0, offset);
  const fields = [...before.matchAll(/[,{(]\s*([A-Za-z][\w:-]*)\s*=\s*/g)];
  const last = fields[fields.length - 1];
  if (!last) return {};
  const value = chunk.slice(last.index + last[0].length).split(/,\s*\n|\n\s*[A-Za-z][\w:-]*\s*=/, 1)[0] ?? '';
  return { field: last[1] as string, value: shown(value).replace(/[\s,]*[})]?\s*$/, '') };
}

/** The first field whose value opens more braces than it closes, with its value: the usual cause of a failed entry. */
function unbalancedField(chunk: string): { field: string; value: string } | undefined {
  const lines = chunk.split('\n');
  const starts = lines.flatMap((l, i) => {
    const m = /^\s*(?:@[A-Za-z]+\s*[{(][^,]*,\s*)?([A-Za-z][\w:-]*)\s*=\s*(.*)$/.exec(l);
    return m ? [{ i, field: m[1] as string, first: m[2] as string }] : [];
  });
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = starts[k + 1]?.i ?? lines.length;
    const value = [start.first, ...lines.slice(start.i + 1, end)].join('\n');
    let depth = 0;
    for (let j = 0; j < value.length; j++) {
      const c = value[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    // The last field also holds the entry's closing brace.
    if (depth > 0 || (k === starts.length - 1 && depth >= 0 && !/[})]\s*$/.test(chunk.trimEnd()))) {
      return { field: start.field, value: shown(start.first).replace(/,$/, '') };
    }
    if (depth > 0) return { field: start.field, value: shown(start.first) };
  }
  return undefined;
}

const TOKENS: { [token: string]: string } = lookupTable({
  rbrace: '"}"', lbrace: '"{"', comma: '","', equals: '"="', quote: 'a quote', identifier: 'a word', label: 'a word',
  number: 'a number', EOF: 'the end of the entry', whitespace: 'a space', at: '"@"',
});

function parseReason(message: string): string {
  const reason = firstLine(message)
    .replace(/\s*at line \d+ col \d+:?$/, '')
    .replace(/^expected "?(\w+)"?, got "?(\w+)"?$/, (_m, want: string, got: string) => `expected ${TOKENS[want] ?? want} but found ${TOKENS[got] ?? got}`);
  return /^invalid syntax$/.test(reason) || reason === '' ? 'unbalanced braces or quotes, or a missing comma' : reason;
}

function readBibtexEntries(text: string, limits = currentLimits()): ReadResult {
  if (!ENTRY.test(text)) throw new LdpubError('LDPUB_NOT_A_RECORD', 'no BibTeX entry (@type{key, ...}) found');
  const all = chunks(text);
  const entries = all.filter((c) => !NOT_AN_ENTRY.test(c.type));
  checkEntryCount(entries.length, limits, 'BibTeX entries');
  let items: CslItem[] | undefined;
  try {
    items = parseBibtex(text);
  } catch {
    items = undefined;
  }
  if (items) {
    const parsed = items.filter((item) => !NOT_AN_ENTRY.test(String(item.type)));
    if (parsed.length === entries.length || entries.length === 0) {
      if (parsed.length === 0) throw new LdpubError('LDPUB_BAD_SYNTAX', 'BibTeX does not parse to any entry');
      return { records: parsed.map(toRecord), errors: [], warnings: [] };
    }
  }
  // Entry by entry, each with the file's @string macros before it.
  const macros = all.filter((c) => /^string$/i.test(c.type)).map((c) => c.text).join('\n');
  const macroLines = macros === '' ? 0 : macros.split('\n').length;
  const records: Record[] = [];
  const errors: LdpubError[] = [];
  const positions: number[] = [];
  entries.forEach((chunk, index) => {
    const entry = `line ${chunk.line}${chunk.key ? ` (${chunk.key})` : ''}`;
    let parsed: CslItem[];
    try {
      parsed = parseBibtex(macros === '' ? chunk.text : `${macros}\n${chunk.text}`).filter((item) => !NOT_AN_ENTRY.test(String(item.type)));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const local = message.replace(/at line (\d+)/, (_m, n: string) => `at line ${Math.max(1, Number(n) - macroLines)}`);
      const unbalanced = unbalancedField(chunk.text.trimStart());
      if (unbalanced) {
        errors.push(entryError('LDPUB_BAD_SYNTAX', 'the BibTeX entry does not parse: a brace in this value is never closed', entry, unbalanced.field, unbalanced.value));
        return;
      }
      const { field, value } = fieldAt(chunk.text.trimStart(), local);
      errors.push(entryError('LDPUB_BAD_SYNTAX', `the BibTeX entry does not parse: ${parseReason(local)}`, entry, field ?? 'entry', value ?? shown(chunk.text.split('\n', 1)[0])));
      return;
    }
    const item = parsed[0];
    if (!item) {
      errors.push(entryError('LDPUB_BAD_SYNTAX', 'the BibTeX entry does not parse to an entry', entry, 'entry', shown(chunk.text.split('\n', 1)[0])));
      return;
    }
    records.push(toRecord(item));
    positions.push(index);
  });
  return { records, errors, warnings: [], positions, entries: entries.length };
}

export const bibtexReader: RecordReader = {
  name: 'bibtex',
  extensions: ['bib', 'bibtex'],
  sniff: (text) => !/^\s*[{[<]/.test(text) && ENTRY.test(text),
  read(text) {
    const result = readBibtexEntries(text);
    if (result.errors[0]) throw result.errors[0];
    return result.records;
  },
  readEntries: readBibtexEntries,
};
