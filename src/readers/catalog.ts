// Reader for the catalog full-record text format (placeholder until the reader lands).
import { LdpubError } from '../errors.js';
import type { RecordReader } from './reader.js';

export const catalogReader: RecordReader = {
  name: 'catalog',
  extensions: ['txt'],
  sniff: () => true,
  read() {
    throw new LdpubError('LDPUB_NOT_A_RECORD', 'the catalog reader is not built yet');
  },
};
