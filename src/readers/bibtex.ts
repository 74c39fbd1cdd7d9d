// Reader for BibTeX and BibLaTeX files, parsed to CSL by citation-js and then mapped like CSL-JSON.
import { LdpubError } from '../errors.js';
import type { RecordReader } from './reader.js';
import { parseToCsl } from './shared/citation-js.js';
import { cslToRecord } from './shared/csl-to-record.js';

/** An entry start such as `@article{` or `@Book(` at the start of a line. */
const ENTRY = /(^|\n)[ \t]*@[A-Za-z]+[ \t]*[{(]/;

export const bibtexReader: RecordReader = {
  name: 'bibtex',
  extensions: ['bib', 'bibtex'],
  sniff: (text) => !/^\s*[{[<]/.test(text) && ENTRY.test(text),
  read(text) {
    if (!ENTRY.test(text)) throw new LdpubError('LDPUB_NOT_A_RECORD', 'no BibTeX entry (@type{key, ...}) found');
    let items;
    try {
      items = parseToCsl(text, '@biblatex/text');
    } catch (e) {
      throw new LdpubError('LDPUB_BAD_SYNTAX', `BibTeX does not parse: ${(e as Error).message}`);
    }
    const entries = items.filter((item) => !/^(string|preamble|comment)$/i.test(String(item.type)));
    if (entries.length === 0) throw new LdpubError('LDPUB_BAD_SYNTAX', 'BibTeX does not parse to any entry');
    return entries.map((item) =>
      cslToRecord(item, { id: item['citation-key'] ?? item.id, familyOnlyWithSpaceIsOrganization: true }),
    );
  },
};
