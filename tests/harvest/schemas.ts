// The XML Schemas the harvest and format tests validate against, from local copies (tests/fixtures/oai/, sources in
// tests/fixtures/SOURCES.md), with xmllint compiled to WebAssembly and --nonet: nothing is ever fetched.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixturePath } from '../helpers/fixtures.js';

export interface SchemaFile {
  fileName: string;
  contents: string;
}

/** Every file under a folder of tests/fixtures/oai/, named by its path relative to that folder's parent `root`. */
function filesUnder(root: string, dir: string): SchemaFile[] {
  const base = fixturePath('oai', root);
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
  return walk(join(base, dir)).map((path) => ({ fileName: relative(base, path), contents: readFileSync(path, 'utf8') }));
}

/** The DataCite metadata kernel 4.7 schema: metadata.xsd and its include/ folder, as DataCite publishes them. */
export const DATACITE_SCHEMA: { driver: SchemaFile; preload: SchemaFile[] } = {
  driver: { fileName: 'metadata.xsd', contents: readFileSync(fixturePath('oai', 'datacite', 'metadata.xsd'), 'utf8') },
  preload: filesUnder('datacite', 'include').map((f) => ({ ...f, fileName: f.fileName })),
};

/** xmllint's complaints per document (by index) against a schema; an empty string for a valid document. */
export async function validateEach(documents: readonly string[], schema: { driver: SchemaFile; preload: SchemaFile[] }): Promise<string[]> {
  const { validateXML } = await import('xmllint-wasm');
  const names = documents.map((_, i) => `doc${i}.xml`);
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: names[i]!, contents })),
    schema: schema.driver,
    preload: schema.preload,
    maxMemoryPages: 16 * 1024,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  const out = documents.map(() => '');
  for (const line of result.rawOutput.split('\n')) {
    const m = /^(doc\d+\.xml)(?::\d+)?[: ]/.exec(line);
    if (!m || / validates$/.test(line)) continue;
    const i = names.indexOf(m[1]!);
    if (i >= 0) out[i] += `${line}\n`;
  }
  // A document xmllint did not report as valid has failed, even if no line named it.
  for (const [i, name] of names.entries()) if (out[i] === '' && !result.rawOutput.includes(`${name} validates`)) out[i] = `${name}: not reported valid\n${result.rawOutput}`;
  return out;
}

/** The OpenAIRE Guidelines for Literature Repositories 4.0 schema: openaire.xsd and its neighbours. */
export const OPENAIRE_SCHEMA: { driver: SchemaFile; preload: SchemaFile[] } = {
  driver: { fileName: 'openaire.xsd', contents: readFileSync(fixturePath('oai', 'openaire', 'openaire.xsd'), 'utf8') },
  preload: filesUnder('openaire', '.').filter((f) => f.fileName !== 'openaire.xsd'),
};
