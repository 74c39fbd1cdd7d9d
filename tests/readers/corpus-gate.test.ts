// Every corpus record in the other input formats goes through the whole gate: read, map, validate, written back.
// The outcome of each (published, or refused and why) is a golden table, so a change in any step shows up here.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { mapFile } from '../../src/pipeline.js';
import { isLdpubError } from '../../src/errors.js';
import { loadValidator } from '../../src/validate/index.js';
import { isPublishable } from '../../src/validate/report.js';
import { fixturePath, fixtureText, TEST_BASE } from '../helpers/fixtures.js';
import { expectGolden } from '../helpers/golden.js';
import { expectWritersKeepGraph } from '../helpers/graph.js';

const FOLDERS = ['csl-json', 'bibtex', 'ris', 'crossref'];
const files = FOLDERS.flatMap((dir) => readdirSync(fixturePath(dir)).sort().map((name) => `${dir}/${name}`));

describe('corpus records through the gate', () => {
  it('reads, maps and validates every record, or refuses it with a named reason', async () => {
    const validator = await loadValidator();
    const outcomes: { [key: string]: unknown } = {};
    for (const file of files) {
      const [dir, name] = file.split('/') as [string, string];
      try {
        for (const m of mapFile(fixtureText(dir, name), file, TEST_BASE)) {
          const report = validator.validate(m.quads);
          const violations = report.results.filter((r) => r.severity === 'Violation').map((r) => `${r.field}: ${r.value ?? ''}`.trim());
          outcomes[`${file} → ${m.id}`] = isPublishable(report)
            ? { type: m.record.type, published: true, title: m.record.title, authors: m.record.authors.length, language: m.record.language }
            : { type: m.record.type, published: false, refused: [...new Set(violations)] };
        }
      } catch (e) {
        if (!isLdpubError(e)) throw e;
        outcomes[file] = { unreadable: e.code, field: e.field, value: e.value };
      }
    }
    expectGolden(`${JSON.stringify(outcomes, null, 2)}\n`, fixturePath('corpus-outcomes.json'));
  });

  it('writes every published article back in each RDF format with the same graph', async () => {
    const validator = await loadValidator();
    let checked = 0;
    for (const file of files) {
      const [dir, name] = file.split('/') as [string, string];
      let mapped;
      try {
        mapped = mapFile(fixtureText(dir, name), file, TEST_BASE);
      } catch {
        continue;
      }
      for (const m of mapped) {
        if (!isPublishable(validator.validate(m.quads))) continue;
        await expectWritersKeepGraph({ ...m, base: TEST_BASE, params: {} }, `${file} ${m.id}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
