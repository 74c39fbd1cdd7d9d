// XML for readers: saxes (a streaming, namespace-aware parser) builds small element trees, one per record element
// when the caller names one, so a large Crossref or DataCite file never becomes one big tree.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { LdpubError } from '../../errors.js';

export interface XmlElement {
  /** The local name, without prefix. */
  local: string;
  /** The namespace IRI ('' for none). */
  uri: string;
  /** Attributes by local name (xml:lang is `lang`); a prefixed attribute also by its qualified name. */
  attrs: { [name: string]: string };
  children: XmlNode[];
  /** Where the start tag ends, 1-based. */
  line: number;
  column: number;
}

export type XmlNode = XmlElement | string;

export interface RootInfo {
  local: string;
  uri: string;
  attrs: { [name: string]: string };
}

export interface StreamOptions {
  /** True for an element whose subtree is one record: it is built, handed to `onRecord`, then dropped. */
  isRecord?: (el: { local: string; uri: string }, depth: number) => boolean;
  onRecord?: (el: XmlElement) => void;
  /** Called once with the document element. */
  onRoot?: (root: RootInfo) => void;
}

/** The line and column of a saxes error message ("1:23: unexpected end."), and what it says. */
function position(message: string): { line?: number; column?: number; what: string } {
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), what: m[3]!.trim() } : { what: message };
}

/** Where a segment of the text starts: its line and column (1-based) and the characters put before it. */
interface Segment {
  offset: number;
  line: number;
  column: number;
  /** Length of the synthetic root start tag before the segment's text (0 for the whole text). */
  prefix: number;
}

/** A syntax error inside a record, named as an entry of the file: the record (its place, its start) and the element. */
interface Damage {
  error: LdpubError;
  /** Where the next record starts, to read on from; undefined when no record follows. */
  resume?: number;
}

/**
 * Parses `text` as XML. Without `isRecord`, the whole document element is built and returned; with it, only the
 * record subtrees are built and each goes to `onRecord` as soon as it closes (the return value is then undefined).
 * Malformed XML is LDPUB_BAD_SYNTAX naming the record it is in (`record 2 (<doi_record> at line 26)`) and the
 * element, line and column; records already handed over stay handed over. With `onError`, a record that is not
 * well-formed is handed there, and parsing resumes at the next start tag of the same record element, inside a copy
 * of the root start tag (so its namespaces hold): the records after the damage are read too. Damage outside any
 * record still ends the parse, thrown.
 */
export function parseXml(text: string, options: StreamOptions & { onError?: (e: LdpubError) => void } = {}): XmlElement | undefined {
  const body = text.replace(/^\uFEFF/, '');
  let segment: Segment = { offset: 0, line: 1, column: 1, prefix: 0 };
  let input = body;
  let records = 0;
  let rootTag: string | undefined;
  let root: XmlElement | undefined;
  for (;;) {
    const outcome = parseSegment(body, input, segment, records, options, segment.prefix > 0);
    root ??= outcome.root;
    records = outcome.records;
    rootTag ??= outcome.rootTag;
    if (!outcome.damage) return root;
    // Only ever forwards: a resumption point not past this segment's start ends the parse.
    if (!options.onError || outcome.damage.resume === undefined || outcome.damage.resume <= segment.offset || !rootTag) throw outcome.damage.error;
    options.onError(outcome.damage.error);
    const at = outcome.damage.resume;
    const before = body.slice(0, at);
    const lastBreak = before.lastIndexOf('\n');
    const open = rootTag.replace(/\s+/g, ' ');
    segment = { offset: at, line: (before.match(/\n/g)?.length ?? 0) + 1, column: at - lastBreak, prefix: open.length };
    input = open + body.slice(at);
  }
}

function parseSegment(
  body: string,
  input: string,
  segment: Segment,
  recordsBefore: number,
  options: StreamOptions,
  resumed: boolean,
): { root?: XmlElement; records: number; rootTag?: string; damage?: Damage } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  const names: string[] = [];
  let root: XmlElement | undefined;
  let rootTag: string | undefined;
  let depth = 0;
  let recordDepth = -1;
  let records = recordsBefore;
  let record: { name: string; line: number } | undefined;
  const building = () => !options.isRecord || recordDepth >= 0;
  let failure: { error: Error; record?: { index: number; name: string; line: number; depth: number }; path: string[] } | undefined;
  /** A position in `input` as a line and column of the whole text. */
  const place = (line: number, column: number) =>
    line === 1 ? { line: segment.line, column: segment.column - 1 + column - segment.prefix } : { line: segment.line + line - 1, column };

  parser.on('opentag', (tag: SaxesTagNS) => {
    if (failure) return;
    if (depth === 0) {
      if (!resumed) options.onRoot?.({ local: tag.local, uri: tag.uri, attrs: attrsOf(tag) });
      rootTag = rootStartTag(input);
    }
    depth++;
    names.push(tag.local);
    if (options.isRecord && recordDepth < 0 && options.isRecord({ local: tag.local, uri: tag.uri }, depth)) {
      recordDepth = depth;
      records++;
      record = { name: tag.name, line: place(parser.line, parser.column).line };
    }
    if (!building()) return;
    const where = place(parser.line, parser.column);
    const el: XmlElement = { local: tag.local, uri: tag.uri, attrs: attrsOf(tag), children: [], line: where.line, column: where.column };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (!options.isRecord) root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    if (failure) return;
    if (building()) {
      const el = stack.pop();
      if (options.isRecord && depth === recordDepth && el) {
        recordDepth = -1;
        record = undefined;
        // A record that closes after the first error is not trusted: the tree it closes may not be its own.
        if (!failure) options.onRecord?.(el);
      }
    }
    names.pop();
    depth--;
  });
  const addText = (t: string) => {
    const parent = stack[stack.length - 1];
    if (parent && building()) parent.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e: Error) => {
    // Read on from a damaged record, the closing tags of the ancestors it had in the file do not match here.
    if (resumed && recordDepth < 0 && /unmatched closing tag|unexpected close tag/.test(e.message)) return;
    failure ??= {
      error: e,
      ...(record && recordDepth >= 0 ? { record: { index: records, name: record.name, line: record.line, depth: recordDepth } } : {}),
      path: names.slice(recordDepth >= 0 ? recordDepth : 0),
    };
  });
  try {
    parser.write(input);
    if (!failure) parser.close();
  } catch (e) {
    failure ??= { error: e as Error, path: names.slice() };
  }
  if (!failure) return { root, records, ...(rootTag ? { rootTag } : {}) };
  const { line, column, what } = position(failure.error.message);
  const where = line !== undefined && column !== undefined ? place(line, column) : undefined;
  const element = failure.path.slice(-3).join('/');
  const field = [element ? `<${element}>` : '', where ? `${element ? 'at ' : ''}line ${where.line}, column ${where.column}` : ''].filter(Boolean).join(' ') || 'unknown position';
  const error = new LdpubError('LDPUB_BAD_SYNTAX', `not well-formed XML: ${what}`, {
    ...(failure.record ? { record: `record ${failure.record.index} (<${failure.record.name}> at line ${failure.record.line})` } : {}),
    field,
  });
  let resume: number | undefined;
  if (failure.record && failure.record.depth > 1 && line !== undefined && column !== undefined) {
    // The next start tag of the same record element, after the damage (the error's line and column in `input`).
    let lineStart = 0;
    for (let n = 1; n < line && lineStart >= 0; n++) lineStart = input.indexOf('\n', lineStart) + 1 || -1;
    const from = segment.offset + Math.max(0, Math.max(lineStart, 0) + Math.max(column - 1, 0) - segment.prefix);
    const next = new RegExp(`<${failure.record.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s/>])`, 'g');
    next.lastIndex = from;
    const m = next.exec(body);
    if (m) resume = m.index;
  }
  return { root, records, ...(rootTag ? { rootTag } : {}), damage: { error, ...(resume !== undefined ? { resume } : {}) } };
}

/** The document element's start tag as written (after the XML declaration, comments and doctype). */
function rootStartTag(text: string): string | undefined {
  let i = 0;
  for (;;) {
    i = text.indexOf('<', i);
    if (i < 0) return undefined;
    if (text.startsWith('<?', i)) i = text.indexOf('?>', i) + 2;
    else if (text.startsWith('<!--', i)) i = text.indexOf('-->', i) + 3;
    else if (text.startsWith('<!', i)) i = text.indexOf('>', i) + 1;
    else break;
    if (i <= 1) return undefined;
  }
  const m = /^<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*>/.exec(text.slice(i, i + 65536));
  return m?.[0];
}

function attrsOf(tag: SaxesTagNS): { [name: string]: string } {
  // No prototype: an attribute named "constructor" or "__proto__" is kept as an attribute like any other.
  const out = Object.create(null) as { [name: string]: string };
  for (const [qname, a] of Object.entries(tag.attributes)) {
    if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
    out[a.local] ??= a.value;
    if (a.prefix) out[qname] = a.value;
  }
  return out;
}

/** The document element's local name, namespace and attributes, read from the first start tag without parsing it all. */
export function sniffRoot(text: string): RootInfo | undefined {
  const head = text.replace(/^\uFEFF/, '').slice(0, 8192);
  const re = /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|([A-Za-z_][\w.:-]*)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>)/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (!m[1]) continue;
    const [prefix, local] = m[1].includes(':') ? m[1].split(':', 2) as [string, string] : ['', m[1]];
    const attrs = Object.create(null) as { [name: string]: string };
    for (const a of (m[2] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = a[2] ?? a[3] ?? '';
    const uri = attrs[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
    return { local, uri, attrs };
  }
  return undefined;
}

// Navigation helpers: by local name, ignoring namespaces (Crossref mixes several for the same element names).

export function kids(el: XmlElement | undefined, local?: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (local === undefined || c.local === local)) out.push(c);
  return out;
}

export function kid(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.local === local) return c;
  return undefined;
}

/** A child by a path of local names: `path(el, 'titles', 'title')`. */
export function path(el: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  let cur = el;
  for (const l of locals) cur = kid(cur, l);
  return cur;
}

/** Every descendant with the local name, in document order, not descending into `skip` elements. */
export function descendants(el: XmlElement | undefined, local: string, skip: ReadonlySet<string> = new Set()): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string' || skip.has(c.local)) continue;
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return out;
}

/** All the text inside, with white space collapsed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return rawText(el).replace(/\s+/g, ' ').trim();
}

/** The element's own text nodes only (not its children's), collapsed. */
export function ownText(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.filter((c): c is string => typeof c === 'string').join('').replace(/\s+/g, ' ').trim();
}

function rawText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : rawText(c);
  return s;
}

/** The trimmed text, or undefined when empty. */
export function optText(el: XmlElement | undefined): string | undefined {
  const t = textOf(el);
  return t === '' ? undefined : t;
}
