// The same article read from several formats (catalog text, CSL-JSON, Crossref JSON and XML, MARCXML) gives graphs
// that agree on every fact the sources share. Each article lists its sources as {format, file}: another reader joins
// by adding a row. A fact is a
// node (the work, #author-N, #periodical, #volume, #issue, #publisher) with a property and its values; facts only one
// source has are not compared, and every fact the sources state differently is listed with the reason.
import { describe, expect, it } from 'vitest';
import type { Quad } from '@rdfjs/types';
import { mapRecord } from '../../src/rdf/map-record.js';
import { readRecords } from '../../src/readers/index.js';
import { fixtureText } from '../helpers/fixtures.js';

interface Source {
  format: string;
  /** Under tests/fixtures/. */
  file: string;
}

interface Article {
  name: string;
  sources: Source[];
  /** `node property` facts the sources state differently, with the reason. */
  differ: { [fact: string]: string };
}

const S = 'http://schema.org/';
const BIBO = 'http://purl.org/ontology/bibo/';
/** The properties compared: what every source can state about the work, its authors and its journal. */
const PROPERTIES = [
  `${S}name`, `${S}givenName`, `${S}familyName`, `${S}datePublished`, `${S}inLanguage`, `${S}issn`, `${S}volumeNumber`,
  `${S}issueNumber`, `${S}pagination`, `${S}pageStart`, `${S}pageEnd`, `${BIBO}doi`, `${BIBO}locator`, `${S}abstract`,
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
];
const NODES = /^(|#author-\d+|#periodical|#volume|#issue|#publisher)$/;

const ARTICLES: Article[] = [
  {
    name: 'eLife 01567',
    sources: [
      { format: 'crossref-xml', file: 'gold/elife-01567/crossref-unixsd.xml' },
      { format: 'csl-json', file: 'csl-json/elife-01567.json' },
      { format: 'crossref', file: 'crossref/elife-01567.json' },
      { format: 'marc', file: 'marc/elife-01567.marc.xml' },
    ],
    differ: {
      '#author-5 givenName': 'the cataloguer writes the initial with its period ("Hardtke, Christian S."); the Crossref deposit has none',
      '#author-5 name': 'the same initial, in the full name',
    },
  },
  {
    name: 'Physical Review Letters 120, 117701',
    sources: [
      { format: 'crossref-xml', file: 'crossref-xml/10.1103_physrevlett.120.117701.xml' },
      { format: 'catalog', file: 'catalog/physrevlett-article-number.txt' },
      { format: 'marc', file: 'marc/physrevlett-120-117701.marc.xml' },
    ],
    differ: { '#periodical name': 'the catalog writes the journal title in sentence case ("Physical review letters")' },
  },
  {
    name: 'PLOS ONE e30',
    sources: [
      { format: 'crossref-xml', file: 'crossref-xml/10.1371_journal.pone.0000030.xml' },
      { format: 'catalog', file: 'catalog/plos-one-e-locator.txt' },
    ],
    differ: { '#periodical name': 'the catalog writes the journal title in sentence case' },
  },
  {
    name: 'Proc. R. Soc. B 2017.0132',
    sources: [
      { format: 'crossref-xml', file: 'crossref-xml/10.1098_rspb.2017.0132.xml' },
      { format: 'catalog', file: 'catalog/rspb-particle-teaser.txt' },
    ],
    differ: {
      ' datePublished': "Crossref's earliest date is the online one (2017-05-24); the catalog gives the issue date",
      '#periodical name': 'the catalog gives the journal its own way ("Proceedings of the Royal Society. B, Biological sciences")',
    },
  },
  {
    name: 'Nature Genetics 3834',
    sources: [
      { format: 'crossref-xml', file: 'crossref-xml/10.1038_ng.3834.xml' },
      { format: 'catalog', file: 'catalog/nature-genetics-consortium.txt' },
    ],
    differ: {
      ' datePublished': "Crossref's earliest date is the online one (2017-04-03); the catalog gives the issue month",
      '#periodical name': 'the catalog writes the journal title in sentence case',
    },
  },
  {
    name: 'Hindawi 291294',
    sources: [
      { format: 'crossref-xml', file: 'crossref-xml/10.1155_2012_291294.xml' },
      { format: 'catalog', file: 'catalog/hindawi-structured-abstract.txt' },
    ],
    differ: {
      ' abstract': 'Crossref marks the headings only in italics, so its abstract is one section; the catalog gives headed sections ("Objective: …")',
      '#periodical name': 'the catalog writes the journal title in sentence case',
    },
  },
];

function facts(quads: Quad[], iri: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const q of quads) {
    if (!q.subject.value.startsWith(iri) || !PROPERTIES.includes(q.predicate.value)) continue;
    const node = q.subject.value.slice(iri.length);
    if (!NODES.test(node)) continue;
    const key = `${node} ${q.predicate.value.replace(S, '').replace(BIBO, 'bibo:').replace(/.*#type$/, 'type')}`;
    out.set(key, [...(out.get(key) ?? []), q.object.value].sort());
  }
  return out;
}

function graphOf(source: Source): Map<string, string[]> {
  const records = readRecords(fixtureText(source.file), source.file, source.format);
  expect(records, source.file).toHaveLength(1);
  const iri = 'https://example.org/record/same';
  return facts(mapRecord(records[0]!, { iri }), iri);
}

describe('the same article in several formats', () => {
  it.each(ARTICLES.map((a) => [a.name, a] as const))('%s: the graphs agree on every fact the sources share', (_name, article) => {
    const [reference, ...others] = article.sources.map((s) => ({ source: s, facts: graphOf(s) }));
    const disagreements = new Set<string>();
    let shared = 0;
    for (const other of others) {
      for (const [fact, values] of other.facts) {
        const want = reference!.facts.get(fact);
        if (!want) continue;
        shared++;
        if (JSON.stringify(want) !== JSON.stringify(values)) {
          disagreements.add(fact);
          // SHOW_DIFF=1 prints each disagreement, to write its reason when a source is added.
          if (process.env.SHOW_DIFF) console.log(article.name, fact, JSON.stringify(want).slice(0, 150), '|', JSON.stringify(values).slice(0, 150));
        }
      }
    }
    const unexplained = [...disagreements].filter((f) => !(f in article.differ));
    const stale = Object.keys(article.differ).filter((f) => !disagreements.has(f));
    expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] });
    expect(shared).toBeGreaterThan(10);
  });
});
