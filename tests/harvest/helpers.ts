// Test helpers for the harvesting routes: a generated catalog on disk, the router on a real port, and XSD validation.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { loadCatalog } from '../../src/catalog/load.js';
import { LiveCatalog } from '../../src/catalog/live.js';
import { createHarvestRouter, type HarvestOptions } from '../../src/harvest/router.js';
import { fixturePath } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

export { removeDir } from '../helpers/temp.js';

export const BASE = 'http://data.example.org';
export const SEED_TEXT = readFileSync(fixturePath('catalog', 'seed-case-report.txt'), 'utf8');
/** The first generated record's datestamp; record i is i hours later. */
export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

const FAMILIES = ['Kanda', 'Müller', 'van der Berg', 'O\'Neil', 'Smith & Sons', 'Nakamura', 'Da Silva'];

/** Writes `n` catalog-text records varying the seed's title, authors and DOI; record i is modified at T0 + i hours (and committed then, by `generatedClock`); the folder is removed after its test, or its file (see tempDir). */
export function generateCatalogDir(n: number): string {
  const dir = tempDir('harvest');
  for (let i = 0; i < n; i++) {
    const authors = Array.from({ length: 1 + (i % 4) }, (_, k) => `${FAMILIES[(i + k) % FAMILIES.length]}, Given${k}`).join(', ');
    const text = SEED_TEXT.replace(/^The Combination of Separation Surgery.*$/m, `Generated record ${i} <${i % 7}> & a spine`)
      .replace(/^Main Authors:.*$/m, `Main Authors: ${authors}`)
      .replace(/^DOI:.*$/m, `DOI:10.5555/gen.${i}`);
    const file = join(dir, `gen-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(file, text);
    const t = new Date(T0 + i * 3_600_000);
    utimesSync(file, t, t);
  }
  return dir;
}

export const acceptAll = () => ({ conforms: true, results: [] });

/** The commit clock of the generated records: record i is committed at T0 + i hours (others now). */
export function generatedClock(id: string): number {
  const m = /^gen-(\d+)$/.exec(id);
  return m ? T0 + Number(m[1]) * 3_600_000 : Date.now();
}

export async function liveCatalog(dir: string, base = BASE, clock: (id: string) => number = generatedClock): Promise<LiveCatalog> {
  const build = () => loadCatalog({ dataDir: dir, base, gate: acceptAll, clock });
  return new LiveCatalog(await build(), build);
}

export interface Served {
  url: string;
  live: LiveCatalog;
  close(): Promise<void>;
}

export async function serve(live: LiveCatalog, options: Partial<HarvestOptions> = {}): Promise<Served> {
  const app = express();
  app.use(createHarvestRouter({ live, base: BASE, oaiSecret: 'test-secret', ...options }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    live,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The OAI-PMH and format schemas under tests/fixtures/oai/, by their path there (sources in tests/fixtures/SOURCES.md). */
function schemaFiles(...paths: string[]): { fileName: string; contents: string }[] {
  return paths.map((fileName) => ({ fileName, contents: readFileSync(fixturePath('oai', ...fileName.split('/')), 'utf8') }));
}
const under = (dir: string) => readdirSync(fixturePath('oai', ...dir.split('/'))).sort().map((name) => `${dir}/${name}`);

/** The driver for every response but oai_openaire ones: OAI-PMH, oai_dc, rdf, oai-identifier, MARC 21 slim, DataCite kernel 4.7. */
const RESPONSES = schemaFiles('responses.xsd', 'OAI-PMH.xsd', 'oai_dc.xsd', 'simpledc20021212.xsd', 'xml.xsd', 'rdf.xsd', 'oai-identifier.xsd', 'MARC21slim.xsd', 'datacite/metadata.xsd', ...under('datacite/include'));
/** The driver for responses carrying oai_openaire: OAI-PMH, oai-identifier and the OpenAIRE 4.0 schema with its own kernel-4 and DC schemas. */
const RESPONSES_OPENAIRE = schemaFiles('responses-openaire.xsd', 'OAI-PMH.xsd', 'oai-identifier.xsd', ...under('openaire'));

/**
 * libxml2's schema validation (xmllint compiled to WebAssembly: the npm package xmllint-wasm) of an OAI-PMH
 * response against the OAI-PMH schema and the schema of each payload's format (the element inside <metadata> is
 * validated strictly); returns xmllint's complaints, empty when valid. A response with oai_openaire records is
 * checked with the OpenAIRE driver (its schema brings other kernel-4 and DC schemas). Nothing is fetched: every
 * schema is a local copy, and xmllint runs with --nonet.
 */
export async function schemaErrors(xml: string): Promise<string> {
  const { validateXML } = await import('xmllint-wasm');
  const [driver, ...imported] = xml.includes('<oaire:resource ') ? RESPONSES_OPENAIRE : RESPONSES;
  const result = await validateXML({
    xml: { fileName: 'response.xml', contents: xml },
    schema: driver!,
    preload: imported,
    maxMemoryPages: 16 * 1024, // 1 GiB at most: a full ListRecords page is a few MB
    modifyArguments: (args) => ['--nonet', ...args],
  });
  return result.valid ? '' : result.rawOutput || result.errors.map((e) => e.rawMessage).join('\n') || 'invalid';
}

/** Each document's complaints (by index; '' when valid) against one driver, in a single xmllint run. */
async function schemaErrorsEach(documents: readonly string[], files: readonly { fileName: string; contents: string }[]): Promise<string[]> {
  if (documents.length === 0) return [];
  const { validateXML } = await import('xmllint-wasm');
  const [driver, ...imported] = files;
  const names = documents.map((_, i) => `response${i}.xml`);
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: names[i]!, contents })),
    schema: driver!,
    preload: [...imported],
    maxMemoryPages: 16 * 1024,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  const out = documents.map(() => '');
  for (const line of result.rawOutput.split('\n')) {
    const m = /^(response\d+\.xml)[: ]/.exec(line);
    if (m && !line.endsWith(' validates')) out[names.indexOf(m[1]!)] += `${line}\n`;
  }
  for (const [i, name] of names.entries()) if (out[i] === '' && !result.rawOutput.includes(`${name} validates`)) out[i] = `${name}: not reported valid`;
  return out;
}

/**
 * Every OAI-PMH response a test file receives, kept to be validated together (one xmllint run per driver) by the
 * file's last test: so no response goes unchecked, whatever else its test asserts.
 */
export class ResponseLog {
  private readonly xmls: string[] = [];

  /** Keeps a response body (and gives it back). */
  add(xml: string): string {
    this.xmls.push(xml);
    return xml;
  }

  /** The body of an OAI-PMH response, kept. */
  async text(res: Response): Promise<string> {
    return this.add(await res.text());
  }

  get size(): number {
    return this.xmls.length;
  }

  /** "n: complaint" for each kept response that is not valid against the OAI-PMH schema and its payloads' schemas. */
  async invalid(): Promise<string[]> {
    const openaire = this.xmls.filter((x) => x.includes('<oaire:resource '));
    const others = this.xmls.filter((x) => !x.includes('<oaire:resource '));
    const errors = [...(await schemaErrorsEach(others, RESPONSES)), ...(await schemaErrorsEach(openaire, RESPONSES_OPENAIRE))];
    return errors.flatMap((e, i) => (e ? [`${i}: ${e}`] : []));
  }
}

/** The text of every <name> element (flat, no nesting). */
export function texts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
}

export function errorCodes(xml: string): string[] {
  return [...xml.matchAll(/<error code="([^"]+)"/g)].map((m) => m[1]!);
}
