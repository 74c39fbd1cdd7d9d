// Reads the W3C SHACL test manifests: each test's data graph, shapes graph and expected report, parsed from its files.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';

const { namedNode } = DataFactory;
const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const SHT = 'http://www.w3.org/ns/shacl-test#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

export interface W3cTest {
  /** The test IRI relative to the core folder, e.g. `node/minLength-001`. */
  id: string;
  label: string;
  data: Quad[];
  shapes: Quad[];
  /** The test file's graph, holding the expected report under `result`. */
  file: Store;
  result: Term;
}

const parsed = new Map<string, Quad[]>();
function parse(url: string): Quad[] {
  let quads = parsed.get(url);
  if (!quads) {
    quads = new Parser({ baseIRI: url }).parse(readFileSync(fileURLToPath(url), 'utf8')) as Quad[];
    parsed.set(url, quads);
  }
  return quads;
}

function one(store: Store, s: Term, p: string): Term | undefined {
  return store.getObjects(s as never, namedNode(p), null)[0];
}

function list(store: Store, head: Term | undefined): Term[] {
  const out: Term[] = [];
  while (head && head.value !== `${RDF}nil`) {
    const first = one(store, head, `${RDF}first`);
    if (first) out.push(first);
    head = one(store, head, `${RDF}rest`);
  }
  return out;
}

/** Every test reachable from `manifest` through mf:include and mf:entries. */
export function loadTests(manifestPath: string): W3cTest[] {
  const root = pathToFileURL(manifestPath).href;
  const rootDir = root.slice(0, root.lastIndexOf('/') + 1);
  const tests: W3cTest[] = [];
  const visit = (url: string) => {
    const store = new Store(parse(url));
    for (const inc of store.getObjects(namedNode(url), namedNode(`${MF}include`), null)) visit(inc.value);
    for (const entry of list(store, one(store, namedNode(url), `${MF}entries`))) {
      const action = one(store, entry, `${MF}action`);
      const result = one(store, entry, `${MF}result`);
      if (!action || !result) continue;
      const dataUrl = one(store, action, `${SHT}dataGraph`)?.value ?? url;
      const shapesUrl = one(store, action, `${SHT}shapesGraph`)?.value ?? url;
      tests.push({
        id: entry.value.replace(rootDir, ''),
        label: one(store, entry, 'http://www.w3.org/2000/01/rdf-schema#label')?.value ?? '',
        data: parse(dataUrl),
        shapes: parse(shapesUrl),
        file: store,
        result,
      });
    }
  };
  visit(root);
  return tests;
}
