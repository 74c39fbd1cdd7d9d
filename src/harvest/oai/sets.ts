// OAI-PMH sets, derived from the records: by work type (`type:article`), by journal ISSN (`issn:1179-5476`) and
// by the data folder's sub-folders (`collection:theses:2024`), each family a parent set of its members. Names and
// descriptions can be configured per setSpec; families can be turned off.
import type { Catalog } from '../../catalog/catalog.js';
import type { Record, WorkType } from '../../model/record.js';
import { OaiError } from './errors.js';

export type SetFamily = 'type' | 'issn' | 'collection';

export interface SetsConfig {
  /** The families to derive (default all three); an empty list declares no sets (noSetHierarchy). */
  families?: readonly SetFamily[];
  /** A name and description per setSpec, replacing the derived ones (a family's own spec too: `type`). */
  names?: { readonly [setSpec: string]: { name: string; description?: string } };
}

export interface OaiSet {
  spec: string;
  name: string;
  description?: string;
}

/** The protocol's setSpec syntax (the schema's setSpecType). */
export const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

const TYPE_NAMES: { readonly [T in WorkType]: string } = {
  article: 'Articles',
  preprint: 'Preprints',
  'conference-paper': 'Conference papers',
  chapter: 'Book chapters',
  book: 'Books',
  report: 'Reports',
  thesis: 'Theses',
  dataset: 'Datasets',
  review: 'Reviews',
  software: 'Software',
  'blog-post': 'Blog posts',
  other: 'Other works',
};

const FAMILY: { readonly [F in SetFamily]: OaiSet } = {
  type: { spec: 'type', name: 'By work type', description: 'Records grouped by the kind of work they describe.' },
  issn: { spec: 'issn', name: 'By journal', description: 'Records grouped by the ISSN of the journal or series they appeared in.' },
  collection: { spec: 'collection', name: 'By collection', description: 'Records grouped by the folder of the data folder they are kept in.' },
};

/** A folder name as a setSpec part: characters the syntax refuses become `-`. */
function specPart(name: string): string {
  return name.replace(/[^A-Za-z0-9\-_.!~*'()]+/g, '-').replace(/^-+|-+$/g, '') || '-';
}

/** The sets one record belongs to, each parent before its children, in family order. */
export function recordSets(record: Record, source: string, families: readonly SetFamily[] = ['type', 'issn', 'collection']): OaiSet[] {
  const out: OaiSet[] = [];
  for (const family of families) {
    if (family === 'type') {
      out.push(FAMILY.type, { spec: `type:${record.type}`, name: TYPE_NAMES[record.type], description: `Records of work type ${record.type}.` });
    } else if (family === 'issn') {
      const issns = [...new Set([...(record.container?.issns ?? []), ...(record.series?.issns ?? [])])].filter((i) => /^\d{4}-\d{3}[\dX]$/.test(i));
      if (issns.length) out.push(FAMILY.issn);
      const title = record.container?.title ?? record.series?.title;
      for (const issn of issns) out.push({ spec: `issn:${issn}`, name: title ? `${title} (ISSN ${issn})` : `ISSN ${issn}`, description: `Records that appeared in the journal or series with ISSN ${issn}.` });
    } else {
      const folders = source.split(/[\\/]/).slice(0, -1);
      if (folders.length) out.push(FAMILY.collection);
      for (let i = 1; i <= folders.length; i++) {
        const path = folders.slice(0, i);
        out.push({ spec: `collection:${path.map(specPart).join(':')}`, name: path.join('/'), description: `Records kept in the folder ${path.join('/')}/ of the data folder.` });
      }
    }
  }
  return out;
}

/** Every set and which records are in it, built once per catalog. */
export interface SetIndex {
  /** Every set, sorted by spec. */
  sets: OaiSet[];
  /** The specs of each record, by id, in the order of `recordSets`. */
  specsOf: Map<string, string[]>;
}

const memo = new WeakMap<Catalog, Map<string, SetIndex>>();

export function setIndex(catalog: Catalog, config: SetsConfig = {}): SetIndex {
  const key = JSON.stringify(config);
  let byConfig = memo.get(catalog);
  if (!byConfig) memo.set(catalog, (byConfig = new Map()));
  let index = byConfig.get(key);
  if (!index) {
    const sets = new Map<string, OaiSet>();
    const specsOf = new Map<string, string[]>();
    for (const r of catalog.records) {
      const own = recordSets(r.record, r.source, config.families);
      specsOf.set(r.id, own.map((s) => s.spec));
      for (const s of own) if (!sets.has(s.spec)) sets.set(s.spec, { ...s, ...config.names?.[s.spec] });
    }
    index = { sets: [...sets.values()].sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0)), specsOf };
    byConfig.set(key, index);
  }
  return index;
}

/** Checks a `set` argument: badArgument when it breaks the setSpec syntax, noSetHierarchy when there are no sets. */
export function checkSetArgument(index: SetIndex, spec: string): OaiError | undefined {
  if (index.sets.length === 0) return new OaiError('noSetHierarchy', 'this repository has no sets');
  if (!SET_SPEC.test(spec)) return new OaiError('badArgument', `"${spec}" is not a setSpec (parts of A-Z a-z 0-9 - _ . ! ~ * ' ( ) joined by colons)`);
  return undefined;
}

export function inSet(index: SetIndex, id: string, spec: string): boolean {
  return index.specsOf.get(id)?.includes(spec) ?? false;
}
