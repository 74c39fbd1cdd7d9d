import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { readRecordsReport } from '../../src/readers/index.js';
it('smoke', () => {
  const C = '/work/shared/corpus/records/';
  const files = [...['datacite-xml', 'datacite-json'].flatMap(d => readdirSync(C + d).map(f => C + d + '/' + f)), ...['datacite-blog-4k3m-nyvg','dryad-8515-dataset','lipics-tqc-2013-93'].flatMap(d => readdirSync(C + 'gold/' + d).filter(f => /datacite/.test(f)).map(f => C + 'gold/' + d + '/' + f))];
  const out: string[] = [];
  for (const f of files) {
    try {
    const rep = readRecordsReport(readFileSync(f, 'utf8'), f);
    for (const r of rep.records) out.push(f.split('/').slice(-2).join('/') + ' ' + JSON.stringify({ ...r, abstract: r.abstract?.map(s => ({...s, text: s.text.slice(0, 60)})), notes: r.notes.map(n => n.label + '=' + n.value.slice(0, 40)) }).slice(0, 1500));
    for (const p of rep.problems) out.push('PROBLEM ' + p.toLine());
    } catch (e) { out.push('ERR ' + (e as any).toLine?.()) }
  }
  writeFileSync('/tmp/sm/out.txt', out.join('\n'));
});
