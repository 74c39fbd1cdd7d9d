// Every file of the corpus's registry folders (crossref-xml/, datacite-xml/, datacite-json/ and gold/) goes through
// the whole gate: read, mapped, validated. The outcome of each is a golden table; every file that is refused
// must have its reason written down here.
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mapFile } from '../../src/pipeline.js';
import { isLdpubError } from '../../src/errors.js';
import { loadValidator } from '../../src/validate/index.js';
import { isPublishable } from '../../src/validate/report.js';
import { fixturePath, fixtureText, TEST_BASE } from '../helpers/fixtures.js';
import { expectGolden } from '../helpers/golden.js';
import { expectWritersKeepGraph } from '../helpers/graph.js';

const FOLDERS = ['crossref-xml', 'datacite-xml', 'datacite-json', 'gold'];

function walk(dir: string): string[] {
  return readdirSync(fixturePath(dir))
    .sort()
    .flatMap((name) => (statSync(fixturePath(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}
const files = FOLDERS.flatMap(walk);

/** Why a file is not read as a record: what it is, and why ldpub does not take it. */
const REFUSALS: { [pattern: string]: string } = {
  'expected-commonmeta.json': "commonmeta's own JSON model: an expected output of another tool, compared field by field in gold.test.ts",
  'expected-inveniordm.json': "InvenioRDM's JSON: an expected output of another tool, not an input format",
  'expected-schemaorg.json': 'schema.org JSON-LD as commonmeta writes it: an expected output; ldpub does not read JSON-LD',
  'schema_org.json': 'schema.org JSON-LD: ldpub does not read JSON-LD (it writes it)',
  'schema_org_type_as_array.json': 'schema.org JSON-LD: ldpub does not read JSON-LD (it writes it)',
  'landing-page-schemaorg.jsonld': 'schema.org JSON-LD from a landing page: ldpub does not read JSON-LD',
  'landing-page.html': 'an HTML landing page, not a record',
};

/** Files that are read but whose record the shapes refuse, and why that is right. */
const GATE_REFUSALS: { [file: string]: string } = {
  'crossref-xml/10.7600_jspfsm.56.60.xml': 'Crossref names no contributor for this article',
  'datacite-xml/datacite_missing_creator.xml': 'the file has no <creators> (the case it was made for)',
  'gold/datacite-blog-4k3m-nyvg/citeproc-no-author.json': 'the CSL item has no author (the case it was made for)',
};

function refusalReason(file: string): string | undefined {
  const name = file.split('/').pop()!;
  return GATE_REFUSALS[file] ?? REFUSALS[name];
}

describe('registry corpus records through the gate', () => {
  it('reads, maps and validates every file, or refuses it for a reason written here', async () => {
    const validator = await loadValidator();
    const outcomes: { [key: string]: unknown } = {};
    const unjustified: string[] = [];
    for (const file of files) {
      try {
        for (const m of mapFile(fixtureText(file), file, TEST_BASE)) {
          const report = validator.validate(m.quads);
          const violations = report.results.filter((r) => r.severity === 'Violation').map((r) => `${r.field}: ${r.value ?? ''}`.trim());
          const warnings = report.results.filter((r) => r.severity === 'Warning').map((r) => r.field);
          const r = m.record;
          outcomes[`${file} → ${m.id}`] = isPublishable(report)
            ? {
                type: r.type,
                published: true,
                title: r.title,
                authors: r.authors.length,
                contributors: r.contributors.length,
                orcids: [...r.authors, ...r.contributors].filter((a) => a.kind === 'person' && a.orcid).length,
                affiliations: r.authors.reduce((n, a) => n + (a.kind === 'person' ? (a.affiliations?.length ?? 0) : 0), 0),
                funding: r.funding.length,
                relations: r.relations.length,
                license: r.license,
                publisher: r.publisher,
                warnings: [...new Set(warnings)],
              }
            : { type: r.type, published: false, refused: [...new Set(violations)], why: refusalReason(file) };
          if (!isPublishable(report) && !refusalReason(file)) unjustified.push(`${file}: refused by the shapes (${violations.join('; ')})`);
        }
      } catch (e) {
        if (!isLdpubError(e)) throw e;
        const reason = refusalReason(file);
        if (!reason) unjustified.push(`${file}: ${e.toLine()}`);
        outcomes[file] = { unreadable: e.code, field: e.field, value: e.value, why: reason };
      }
    }
    expect(unjustified).toEqual([]);
    expectGolden(`${JSON.stringify(outcomes, null, 2)}\n`, fixturePath('registry-corpus-outcomes.json'));
  });

  it('refuses no Crossref or DataCite file of the corpus', () => {
    const registryFiles = files.filter((f) => !f.startsWith('gold/') || /^(crossref-unixsd\.xml|datacite[^/]*\.(xml|json)|expected-datacite-json\.json|expected-crossref-deposit[^/]*\.xml)$/.test(f.split('/').pop()!));
    expect(registryFiles.length).toBeGreaterThan(40);
    const refused = registryFiles.filter((f) => {
      try {
        return mapFile(fixtureText(f), f, TEST_BASE).length === 0;
      } catch {
        return true;
      }
    });
    expect(refused).toEqual([]);
  });

  it('writes every published registry record back as JSON-LD and RDF/XML with the same graph', async () => {
    const validator = await loadValidator();
    let checked = 0;
    for (const file of files.filter((f) => !f.startsWith('gold/') || /crossref-unixsd|datacite/.test(f))) {
      let mapped;
      try {
        mapped = mapFile(fixtureText(file), file, TEST_BASE);
      } catch {
        continue;
      }
      for (const m of mapped) {
        if (!isPublishable(validator.validate(m.quads))) continue;
        await expectWritersKeepGraph({ ...m, base: TEST_BASE, params: {} }, `${file} ${m.id}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
