// Writes generated catalog records to a folder, one `{id}.txt` per record: `node dist/bench/generate-cli.js --count N --out DIR`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRecords } from './generate.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2500' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'invalid-rate': { type: 'string', default: '0.01' },
  },
});
if (!values.out) {
  process.stderr.write('usage: generate-cli --count N --out DIR [--seed S] [--invalid-rate R]\n');
  process.exit(2);
}
const count = Number(values.count);
const seed = Number(values.seed);
const invalidRate = Number(values['invalid-rate']);
mkdirSync(values.out, { recursive: true });
let invalid = 0;
for (const r of generateRecords({ count, seed, invalidRate })) {
  writeFileSync(join(values.out, `${r.id}.txt`), r.text);
  if (r.invalid) invalid++;
}
process.stdout.write(`wrote ${count} records (${invalid} invalid) to ${values.out}\n`);
