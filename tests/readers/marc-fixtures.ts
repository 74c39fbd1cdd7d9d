// Builds the binary ISO 2709 fixtures from the MARCXML fixtures with ldpub's own serializer, so the committed bytes
// can be checked against what it writes (UPDATE_GOLDEN=1 rewrites them).
import { readFileSync } from 'node:fs';
import { MarcXmlParser } from '../../src/readers/marc/marcxml.js';
import { writeIso2709 } from '../../src/readers/marc/iso2709.js';
import { encodeMarc8 } from '../../src/readers/marc/marc8.js';
import type { MarcRecord } from '../../src/readers/marc/record.js';
import { fixturePath } from '../helpers/fixtures.js';

export function cataloguerMarc(): MarcRecord[] {
  const parser = new MarcXmlParser('cataloguer.xml');
  const out = [...parser.push(readFileSync(fixturePath('marc', 'cataloguer.xml'), 'utf8')), ...parser.end()];
  return out.filter((r): r is MarcRecord => !(r instanceof Error));
}

function join(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** Every binary fixture by file name. */
export function binaryFixtures(): { [name: string]: Uint8Array } {
  const records = cataloguerMarc();
  const utf8 = records.map((r) => writeIso2709(r));
  const marc8 = records.map((r) => writeIso2709(r, encodeMarc8));
  const [a, b, c] = utf8.slice(0, 3) as [Uint8Array, Uint8Array, Uint8Array];
  // The second record's length loses a digit: the leader no longer gives a record length.
  const badLeader = Uint8Array.from(b);
  badLeader.set(new TextEncoder().encode('0x'), 0);
  // The second record's second directory entry (008) is not tag + length + start any more.
  const badDirectory = Uint8Array.from(b);
  badDirectory.set(new TextEncoder().encode('0?'), 24 + 12 + 3);
  return {
    'cataloguer.mrc': join(utf8),
    'cataloguer-marc8.mrc': join(marc8),
    'bad-leader.mrc': join([a, badLeader, c]),
    'bad-directory.mrc': join([a, badDirectory, c]),
    'truncated.mrc': join([a, b, c.subarray(0, Math.floor(c.length / 2))]),
  };
}
