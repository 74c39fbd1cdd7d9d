// OAI-PMH sets, derived from the records: by work type (`type:article`), by journal ISSN (`issn:1179-5476`) and
// by the data folder's sub-folders (`collection:theses:2024`), each family a parent set of its members. Names and
// descriptions can be configured per setSpec; families can be turned off.
import type { Catalog } from '../../catalog/catalog.js';
import type { Record, WorkType } from '../../model/record.js';
import { setImmediate as tick } from 'node:timers/promises';
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

/**
 * The sets one record belongs to, each parent before its children, in family order. Without the record (a
 * tombstone: its content is gone from the store), only the sets its data file's folders give.
 */
export function recordSets(record: Record | undefined, source: string, families: readonly SetFamily[] = ['type', 'issn', 'collection']): OaiSet[] {
  const out: OaiSet[] = [];
  for (const family of families) {
    if (family === 'type') {
      if (!record) continue;
      out.push(FAMILY.type, { spec: `type:${record.type}`, name: TYPE_NAMES[record.type], description: `Records of work type ${record.type}.` });
    } else if (family === 'issn') {
      if (!record) continue;
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

const memo = new WeakMap<Catalog, Map<string, Promise<SetIndex>>>();
/**
 * The sets of each stored version (with every family), by store: a version's content never changes, so a reload
 * reads again only the records that changed.
 */
const byVersion = new WeakMap<object, Map<string, OaiSet[]>>();

/**
 * Every set and its members, built once per catalog (and configuration). Records are read through the store
 * (only versions not seen before); a tombstone is in the sets its data file's folders give, so a selective
 * harvest by collection sees the deletion.
 */
export function setIndex(catalog: Catalog, config: SetsConfig = {}): Promise<SetIndex> {
  const key = JSON.stringify(config);
  let byConfig = memo.get(catalog);
  if (!byConfig) memo.set(catalog, (byConfig = new Map()));
  let index = byConfig.get(key);
  if (!index) {
    index = buildIndex(catalog, config);
    byConfig.set(key, index);
    // A failed read is not remembered: the next request tries again.
    index.catch(() => byConfig!.delete(key));
  }
  return index;
}

async function buildIndex(catalog: Catalog, config: SetsConfig): Promise<SetIndex> {
  const families = config.families ?? (['type', 'issn', 'collection'] as const);
  let known = byVersion.get(catalog.store);
  if (!known) byVersion.set(catalog.store, (known = new Map()));
  const sets = new Map<string, OaiSet>();
  const specsOf = new Map<string, string[]>();
  let n = 0;
  for (const e of catalog.all) {
    let all: OaiSet[] | undefined;
    if (e.deleted) all = recordSets(undefined, e.source);
    else {
      const versionKey = `${e.id}\u0000${e.version}`;
      all = known.get(versionKey);
      if (!all) {
        const v = await catalog.store.version(e.id, e.version);
        all = recordSets(v?.record, e.source);
        known.set(versionKey, all);
      }
    }
    const own = all.filter((s) => families.includes(familyOf(s.spec)));
    specsOf.set(e.id, own.map((s) => s.spec));
    for (const s of own) if (!sets.has(s.spec)) sets.set(s.spec, { ...s, ...config.names?.[s.spec] });
    // Let other requests run while a large catalog is indexed.
    if (++n % 500 === 0) await tick();
  }
  return { sets: [...sets.values()].sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0)), specsOf };
}

function familyOf(spec: string): SetFamily {
  return spec.split(':')[0] as SetFamily;
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
