// Reader for RIS files, parsed to CSL by citation-js and then mapped like CSL-JSON.
import { LdpubError } from '../errors.js';
import type { RecordReader } from './reader.js';
import { parseToCsl } from './shared/citation-js.js';
import { cslToRecord } from './shared/csl-to-record.js';

/** A record start: the `TY  - ` tag at the start of a line (after an optional byte-order mark). */
const TYPE_TAG = /(^|\n)\uFEFF?[ \t]*TY {2}- /;

export const risReader: RecordReader = {
  name: 'ris',
  extensions: ['ris'],
  sniff: (text) => TYPE_TAG.test(text),
  read(text) {
    if (!TYPE_TAG.test(text)) throw new LdpubError('LDPUB_NOT_A_RECORD', 'no RIS record (a "TY  - " line) found');
    let items;
    try {
      items = parseToCsl(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), '@ris/file');
    } catch (e) {
      throw new LdpubError('LDPUB_BAD_SYNTAX', `RIS does not parse: ${(e as Error).message}`);
    }
    if (items.length === 0) throw new LdpubError('LDPUB_BAD_SYNTAX', 'RIS does not parse to any record');
    const types = [...text.matchAll(/(?:^|\n)\uFEFF?[ \t]*TY {2}- *([^\r\n]*)/g)].map((m) => (m[1] ?? '').trim());
    return items.map((item, i) => {
      if (Object.keys(item).length === 0) {
        throw new LdpubError('LDPUB_BAD_SYNTAX', 'RIS record has a TY value that is not a RIS reference type (such as JOUR)', {
          field: 'TY',
          value: types[i] ?? '',
        });
      }
      return cslToRecord(item, { literalWithInitialsIsPerson: true });
    });
  },
};
