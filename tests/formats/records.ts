// The records the writers are checked on: the seed, every fixture and corpus record the readers accept, and generated ones.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { generateRecords } from '../../bench/generate.js';
import { isLdpubError } from '../../src/errors.js';
import type { Record } from '../../src/model/record.js';
import { mapFile } from '../../src/pipeline.js';
import { datasetIri, recordIri } from '../../src/rdf/iris.js';
import { mapRecord } from '../../src/rdf/map-record.js';
import { voidNs } from '../../src/rdf/namespaces.js';
import { fixturePath, fixtureRecord, fixtureText, SEED_ID, TEST_BASE } from '../helpers/fixtures.js';

export interface Sample {
  label: string;
  id: string;
  iri: string;
  record: Record;
  /** As the catalog publishes it: the mapping and the link to the dataset. */
  quads: Quad[];
}

function published(id: string, record: Record): Sample['quads'] {
  const iri = recordIri(TEST_BASE, id);
  const quads = mapRecord(record, { iri, blankPrefix: `${id}-` });
  quads.push(DataFactory.quad(DataFactory.namedNode(iri), voidNs('inDataset'), DataFactory.namedNode(datasetIri(TEST_BASE))));
  return quads;
}

export function sample(label: string, id: string, record: Record): Sample {
  return { label, id, iri: recordIri(TEST_BASE, id), record, quads: published(id, record) };
}

export function seedSample(): Sample {
  return sample('seed', SEED_ID, fixtureRecord('seed', 'record.json'));
}

const READABLE = ['catalog', 'csl-json', 'bibtex', 'ris', 'crossref'];

/** Every record in the fixture folders that a reader accepts (the corpus records copied there included). */
export function fixtureSamples(): Sample[] {
  const out: Sample[] = [];
  for (const dir of READABLE) {
    for (const entry of readdirSync(fixturePath(dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (!entry.isFile() || name.endsWith('.expected.json')) continue;
      let mapped;
      try {
        mapped = mapFile(fixtureText(dir, name), `${dir}/${name}`, TEST_BASE);
      } catch (e) {
        if (isLdpubError(e)) continue;
        throw e;
      }
      for (const m of mapped) out.push(sample(`${dir}/${name} ${m.id}`, m.id, m.record));
    }
  }
  return out;
}

/** Records from the benchmark's generator (valid and planted-invalid alike: the writers must handle both). */
export function generatedSamples(count: number, seed = 1): Sample[] {
  const out: Sample[] = [];
  for (const g of generateRecords({ count, seed })) {
    for (const m of mapFile(g.text, `${g.id}.txt`, TEST_BASE)) out.push(sample(`generated ${m.id}`, m.id, m.record));
  }
  return out;
}

/** Every file under a fixture folder, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(fixturePath(dir))
    .sort()
    .flatMap((name) => (statSync(fixturePath(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** Every record a reader makes of the fixture and corpus files (catalog text, citations, Crossref, DataCite, MARC), labelled. */
export function corpusRecords(): [string, Record][] {
  const out: [string, Record][] = fixtureSamples().map((s) => [s.label, s.record]);
  for (const file of ['crossref-xml', 'datacite-xml', 'datacite-json', 'gold', 'registry', 'marc'].flatMap(filesUnder)) {
    try {
      for (const m of mapFile(fixtureText(file), file, TEST_BASE)) out.push([`${file} ${m.id}`, m.record]);
    } catch (e) {
      if (!isLdpubError(e)) throw e;
    }
  }
  return out;
}
