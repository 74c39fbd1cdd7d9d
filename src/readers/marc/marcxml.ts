// MARCXML (MARC 21 slim) parsed incrementally: text is pushed in chunks, each <record> element is cut out as it
// closes and parsed on its own by saxes, so a 1 GB collection never sits in memory and a malformed record is one
// error while the records around it are still read. Namespace prefixes (`marc:record`) are accepted.
import { SaxesParser } from 'saxes';
import { LdpubError } from '../../errors.js';
import { recordLabel, type Parsed } from './iso2709.js';
import { BLANK_LEADER, type DataField, type Field } from './record.js';

export const MARC_SLIM_NS = 'http://www.loc.gov/MARC21/slim';

const RECORD_START = /<(?:([A-Za-z_][\w.-]*):)?record(?=[\s/>])/g;

export class MarcXmlParser {
  private buffer = '';
  private index = 0;

  constructor(private readonly fileName: string) {}

  push(text: string): Parsed[] {
    this.buffer += text;
    return this.drain();
  }

  end(): Parsed[] {
    const out = this.drain();
    const rest = this.buffer;
    RECORD_START.lastIndex = 0;
    const m = RECORD_START.exec(rest);
    if (m) {
      const index = ++this.index;
      out.push(new LdpubError('LDPUB_MARC_TRUNCATED', 'the file ends before the record is closed', {
        record: recordLabel(this.fileName, index, peekId(rest.slice(m.index))),
        field: `<${m[1] ? `${m[1]}:` : ''}record>`,
      }));
    }
    this.buffer = '';
    return out;
  }

  private drain(): Parsed[] {
    const out: Parsed[] = [];
    for (;;) {
      RECORD_START.lastIndex = 0;
      const m = RECORD_START.exec(this.buffer);
      if (!m) {
        // Keep only a tail that could be the start of a split `<record` tag.
        const lt = this.buffer.lastIndexOf('<');
        this.buffer = lt >= 0 && this.buffer.length - lt < 64 ? this.buffer.slice(lt) : '';
        break;
      }
      const start = m.index;
      const name = `${m[1] ? `${m[1]}:` : ''}record`;
      const gt = this.buffer.indexOf('>', start);
      if (gt < 0) {
        this.buffer = this.buffer.slice(start);
        break;
      }
      let end: number;
      if (this.buffer[gt - 1] === '/') end = gt + 1;
      else {
        const close = closingTag(this.buffer, name, gt);
        if (!close) {
          this.buffer = this.buffer.slice(start);
          break;
        }
        end = close;
      }
      const xml = this.buffer.slice(start, end);
      this.buffer = this.buffer.slice(end);
      out.push(parseRecordXml(xml, this.fileName, ++this.index));
    }
    return out;
  }
}

/** The index just past `</name>` (whitespace allowed before `>`), searching from `from`. */
function closingTag(text: string, name: string, from: number): number | undefined {
  const needle = `</${name}`;
  let i = text.indexOf(needle, from);
  while (i >= 0) {
    let j = i + needle.length;
    while (j < text.length && /\s/.test(text[j] as string)) j++;
    if (j >= text.length) return undefined;
    if (text[j] === '>') return j + 1;
    i = text.indexOf(needle, j);
  }
  return undefined;
}

function local(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** One `<record>…</record>` element to a MarcRecord, or the error naming the record and what does not parse. */
export function parseRecordXml(xml: string, fileName: string, index: number): Parsed {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let leader: string | undefined;
  const fields: Field[] = [];
  let text: string[] | undefined;
  let current: { kind: 'control'; tag: string } | { kind: 'data'; field: DataField } | undefined;
  let subfieldCode: string | undefined;
  let error: Error | undefined;
  let errorLine = 0;
  parser.on('error', (e) => {
    if (!error) errorLine = parser.line;
    error ??= e;
  });
  parser.on('opentag', (node) => {
    const name = local(node.name);
    const attr = (a: string) => {
      const v = node.attributes[a];
      return typeof v === 'string' ? v : undefined;
    };
    if (name === 'leader') text = [];
    else if (name === 'controlfield') {
      current = { kind: 'control', tag: attr('tag') ?? '' };
      text = [];
    } else if (name === 'datafield') {
      current = { kind: 'data', field: { tag: attr('tag') ?? '', ind1: attr('ind1') || ' ', ind2: attr('ind2') || ' ', subfields: [] } };
    } else if (name === 'subfield') {
      subfieldCode = attr('code') ?? '';
      text = [];
    }
  });
  parser.on('text', (t) => text?.push(t));
  parser.on('cdata', (t) => text?.push(t));
  parser.on('closetag', (node) => {
    const name = local(node.name);
    const value = text?.join('') ?? '';
    if (name === 'leader') {
      leader = value;
      text = undefined;
    } else if (name === 'controlfield' && current?.kind === 'control') {
      fields.push({ tag: current.tag, value });
      current = undefined;
      text = undefined;
    } else if (name === 'subfield' && current?.kind === 'data') {
      current.field.subfields.push({ code: subfieldCode ?? '', value });
      text = undefined;
    } else if (name === 'datafield' && current?.kind === 'data') {
      fields.push(current.field);
      current = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (!error) errorLine = parser.line;
    error ??= e as Error;
  }
  if (error) {
    const at = /^(?:[^:\s]*:)?(\d+):(\d+): /.exec(error.message);
    return new LdpubError('LDPUB_BAD_SYNTAX', `is not well-formed XML: ${error.message.slice(at?.[0].length ?? 0)}`, {
      record: recordLabel(fileName, index, peekId(xml)),
      field: fieldAt(xml, at ? Number(at[1]) : errorLine, at ? Number(at[2]) : undefined),
    });
  }
  return { leader: leader === undefined || leader.trim() === '' ? BLANK_LEADER : leader.padEnd(24, ' ').slice(0, 24), fields };
}

/** The MARC field open at `line` (and `column`, when known) of a record's XML, for naming where a syntax error is. */
function fieldAt(xml: string, line: number, column?: number): string {
  const lines = xml.split('\n').slice(0, line);
  // A record on one line (as many exports write them) is named by the column.
  if (column !== undefined && lines.length > 0) lines[lines.length - 1] = (lines[lines.length - 1] as string).slice(0, column);
  const before = lines.join('\n');
  const tags = [...before.matchAll(/<(?:[\w.-]+:)?(controlfield|datafield)\b[^>]*\btag="([^"]*)"/g)];
  const last = tags[tags.length - 1];
  return last ? `${last[1]} ${last[2]}` : 'record';
}

function peekId(xml: string): string | undefined {
  const m = /<(?:[\w.-]+:)?controlfield\b[^>]*\btag="001"[^>]*>([^<]{1,80})</.exec(xml);
  return m?.[1]?.trim() || undefined;
}
