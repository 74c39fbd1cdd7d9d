// Splits a catalog record page into its title and `Label:value` fields, refusing text that is not a record at all.
import { LdpubError } from '../../errors.js';
import { isAbstractHeading } from './abstract.js';

export interface Field {
  /** The label as written, without the colon ("Published in"). */
  label: string;
  /** The value's lines, trimmed, in order (a value can go on over several lines). */
  lines: string[];
}

export interface RecordPage {
  title?: string;
  /** Lines between the title and the first field that are neither noise nor the teaser. */
  loose: string[];
  fields: Field[];
}

/** The labels this format is known to use, lower-cased; any of them makes the text a record. */
export const KNOWN_LABELS: ReadonlySet<string> = new Set([
  'published in', 'main authors', 'main author', 'authors', 'author', 'other authors', 'corporate author',
  'corporate authors', 'format', 'language', 'subjects', 'summary', 'issn', 'eissn', 'isbn', 'doi', 'published',
  'physical description', 'notes', 'online access', 'tags',
]);

/** Whole lines the page shows around the record, compared trimmed and lower-cased. */
const NOISE: ReadonlySet<string> = new Set([
  'loading…', 'loading...', 'loading', 'full description', 'saved in:', 'bibliographic details',
  'online access:get full text', 'online access: get full text', 'tags: add tag', 'tags:add tag',
  'no tags, be the first to tag this record!', 'description',
]);

const NOISE_MAX = Math.max(...[...NOISE].map((n) => n.length));

// A known label is recognised anywhere; another `Word Word:` label only once the fields have begun,
// so that a title such as "Workers and the City: Rethinking…" is not taken for a field.
const LABEL_LINE = /^([A-Za-z][A-Za-z]*(?:[ -][A-Za-z]+){0,3})\s?:\s*(.*)$/s; // s: a U+2028 in a value is no line end
const TEASER_END = /(?:\.\.\.|…)$/;
// A page is told from a record by its structure: a document that starts (after a BOM and white space) as HTML or
// XML. A tag inside a field (`<i>Callosobruchus</i>`, `<script>` in an abstract, a SICI DOI's `<>`) is data.
const DOCUMENT_START = /^\s*(<(?:!doctype\b|\?xml\b|!--|html\b|head\b|body\b)[^>]{0,60}>?)/i;
const BINARY_CHAR = /[\u0000-\u0008\u000E-\u001F]/g;
const LINE_BREAK = /\r\n?|\n/;

function notARecord(message: string, value: string): LdpubError {
  return new LdpubError('LDPUB_NOT_A_RECORD', message, { field: 'content', value });
}

/** Throws for empty text, binary junk and markup: the structural checks made before any field is read. */
function refuseNonText(text: string): void {
  if (text.trim() === '') throw notARecord('is empty: a catalog record has a title and Label:value fields', '');
  // The same rule as for bytes (shared/decode.ts): NULs in more than 1 in 10 characters, or control characters in
  // more than 1 in 4, is binary; a few stray control characters are text, dropped and counted at normalisation.
  const head = text.slice(0, 8192);
  const junk = head.match(BINARY_CHAR);
  const nul = junk?.filter((c) => c === '\u0000').length ?? 0;
  if (junk !== null && (nul * 10 > head.length || junk.length * 4 > head.length)) {
    const first = junk[0] as string;
    const code = `U+${first.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw notARecord(`looks binary (control character ${code}), not a catalog record`, code);
  }
  const page = DOCUMENT_START.exec(head);
  if (page) throw notARecord('is an HTML or XML page, not a catalog record saved as text', page[1] as string);
}

/** Text to title and fields; throws LDPUB_NOT_A_RECORD when there is no recognisable field. */
export function splitRecordPage(raw: string): RecordPage {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  refuseNonText(text);
  const page: RecordPage = { loose: [], fields: [] };
  let current: Field | undefined;
  let sawKnown = false;
  for (const rawLine of text.split(LINE_BREAK)) {
    const line = rawLine.trim();
    if (line === '' || (line.length <= NOISE_MAX && NOISE.has(line.toLowerCase()))) continue;
    const m = LABEL_LINE.exec(line);
    if (m) {
      const label = m[1] as string;
      const key = label.toLowerCase();
      const known = KNOWN_LABELS.has(key);
      // "Methods: …" inside a summary is a heading of the abstract, not a new field.
      const inSummary = current !== undefined && current.label.toLowerCase() === 'summary';
      if (known || (sawKnown && !(inSummary && isAbstractHeading(label)))) {
        sawKnown ||= known;
        current = { label, lines: [] };
        const value = (m[2] as string).trim();
        if (value !== '') current.lines.push(value);
        page.fields.push(current);
        continue;
      }
    }
    if (current) current.lines.push(line);
    else if (page.title === undefined) page.title = line;
    else if (!TEASER_END.test(line)) page.loose.push(line);
  }
  if (!sawKnown) {
    const first = text.trim().split(LINE_BREAK, 1)[0] ?? '';
    throw notARecord('has no recognisable Label:value field (such as "Published in:" or "Main Authors:")', first);
  }
  return page;
}
