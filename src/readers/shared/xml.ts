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

/** The line/column text of a saxes error message ("1:23: unexpected end."), as `line 1, column 23`. */
function position(message: string): { where: string; what: string } {
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
  return m ? { where: `line ${m[1]}, column ${m[2]}`, what: m[3]!.trim() } : { where: 'unknown position', what: message };
}

/**
 * Parses `text` as XML. Without `isRecord`, the whole document element is built and returned; with it, only the
 * record subtrees are built and each goes to `onRecord` as soon as it closes (the return value is then undefined).
 * Malformed XML throws LDPUB_BAD_SYNTAX naming the line and column; records already handed over stay handed over.
 */
export function parseXml(text: string, options: StreamOptions = {}): XmlElement | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let depth = 0;
  let recordDepth = -1;
  const building = () => !options.isRecord || recordDepth >= 0;
  let failure: Error | undefined;

  parser.on('opentag', (tag: SaxesTagNS) => {
    if (depth === 0) options.onRoot?.({ local: tag.local, uri: tag.uri, attrs: attrsOf(tag) });
    depth++;
    if (options.isRecord && recordDepth < 0 && options.isRecord({ local: tag.local, uri: tag.uri }, depth)) recordDepth = depth;
    if (!building()) return;
    const el: XmlElement = { local: tag.local, uri: tag.uri, attrs: attrsOf(tag), children: [], line: parser.line, column: parser.column };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (!options.isRecord) root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    if (building()) {
      const el = stack.pop();
      if (options.isRecord && depth === recordDepth && el) {
        recordDepth = -1;
        // A record that closes after the first error is not trusted: the tree it closes may not be its own.
        if (!failure) options.onRecord?.(el);
      }
    }
    depth--;
  });
  const addText = (t: string) => {
    const parent = stack[stack.length - 1];
    if (parent && building()) parent.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  try {
    parser.write(text.replace(/^\uFEFF/, ''));
    if (!failure) parser.close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) {
    const { where, what } = position(failure.message);
    throw new LdpubError('LDPUB_BAD_SYNTAX', `not well-formed XML: ${what}`, { field: where });
  }
  return root;
}

function attrsOf(tag: SaxesTagNS): { [name: string]: string } {
  const out: { [name: string]: string } = {};
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
    const attrs: { [name: string]: string } = {};
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
