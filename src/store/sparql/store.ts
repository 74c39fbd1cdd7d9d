// The catalog in a SPARQL 1.1 store: one named graph per record (its IRI, holding its N-Triples) for SPARQL users,
// and a graph `{base}/ldpub/meta` that holds what serving needs to answer byte for byte as the embedded store:
// per record its entry and its version (record and report) as JSON literals, and for the dataset the store
// metadata, the publish cursor and the change marker replicas poll.
import { LdpubError } from '../../errors.js';
import { normalizeBase } from '../../rdf/iris.js';
import type { CatalogReader, Entry, StoredRefusal, StoredVersion, StoreMeta } from '../store.js';
import { literal, SparqlClient, type Binding } from './client.js';

export const LDPUB_NS = 'https://w3id.org/ldpub/ns#';
/** Rows per SELECT page: below Virtuoso's default ResultSetMaxRows (10 000). */
const PAGE = 5000;

export const metaGraph = (base: string) => `${normalizeBase(base)}/ldpub/meta`;
export const recordIri = (base: string, id: string) => `${normalizeBase(base)}/record/${id}`;
const p = (name: string) => `<${LDPUB_NS}${name}>`;

/** Where a publish stopped: every change up to (datestamp, id) is in the store. */
export interface Cursor {
  datestamp: number;
  id: string;
}

export class SparqlStore implements CatalogReader {
  readonly location: string;
  private readonly graph: string;
  constructor(
    readonly client: SparqlClient,
    readonly base: string,
  ) {
    this.location = client.endpoint;
    this.graph = metaGraph(base);
  }

  private async value(property: string): Promise<string | undefined> {
    const rows = await this.client.select(`SELECT ?v WHERE { GRAPH <${this.graph}> { <${this.graph}> ${p(property)} ?v } } LIMIT 1`);
    return rows[0]?.v?.value;
  }

  /** The change marker: the snapshot hash of the last complete publish ('' before the first). */
  async marker(): Promise<string> {
    return (await this.value('marker')) ?? '';
  }

  async cursor(): Promise<Cursor | undefined> {
    const v = await this.value('cursor');
    if (!v) return undefined;
    const space = v.indexOf(' ');
    return { datestamp: Number(v.slice(0, space)), id: v.slice(space + 1) };
  }

  async meta(): Promise<StoreMeta> {
    const v = await this.value('meta');
    if (!v) throw new LdpubError('LDPUB_SPARQL_FOREIGN', `the SPARQL store holds no ldpub catalog for ${this.base} (no graph ${this.graph}); run "ldpub publish --sparql" first`, { record: this.location });
    const meta = JSON.parse(v) as StoreMeta;
    if (meta.base !== undefined && normalizeBase(meta.base) !== normalizeBase(this.base)) {
      throw new LdpubError('LDPUB_SPARQL_FOREIGN', `the catalog in the SPARQL store was published with base ${meta.base}`, { record: this.location, field: '--base', value: this.base });
    }
    return meta;
  }

  /** Every entry: paged, sorted by id. An entry that is not ldpub's JSON is reported, not served. */
  async entries(): Promise<Entry[]> {
    const out: Entry[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const rows = await this.client.select(
        `SELECT ?s ?e WHERE { GRAPH <${this.graph}> { ?s ${p('entry')} ?e } } ORDER BY ?s LIMIT ${PAGE} OFFSET ${offset}`,
      );
      for (const row of rows) out.push(this.parseEntry(row));
      if (rows.length < PAGE) break;
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private parseEntry(row: Binding): Entry {
    const s = row.s!.value;
    let e: Entry;
    try {
      e = JSON.parse(row.e!.value) as Entry;
    } catch {
      throw new LdpubError('LDPUB_SPARQL_FOREIGN', 'an entry in the meta graph is not ldpub JSON', { record: s });
    }
    if (typeof e.id !== 'string' || typeof e.version !== 'string' || recordIri(this.base, e.id) !== s) {
      throw new LdpubError('LDPUB_SPARQL_FOREIGN', 'an entry in the meta graph does not name its own record', { record: s });
    }
    return e;
  }

  async changesSince(datestamp: number): Promise<Entry[]> {
    return (await this.entries()).filter((e) => e.datestamp > datestamp);
  }

  async version(id: string, version: string): Promise<StoredVersion | undefined> {
    const iri = recordIri(this.base, id);
    const rows = await this.client.select(`SELECT ?v WHERE { GRAPH <${this.graph}> { <${iri}> ${p('version')} ${literal(version)} ; ${p('value')} ?v } } LIMIT 1`);
    const v = rows[0]?.v?.value;
    return v === undefined ? undefined : (JSON.parse(v) as StoredVersion);
  }

  /** Bodies are rendered from the version read, never taken from the store's own serialization. */
  async representation(): Promise<Buffer | undefined> {
    return undefined;
  }

  async refusals(): Promise<StoredRefusal[]> {
    return [];
  }

  /** The update that puts one changed entry (and, unless deleted, its graph and version) into the store. */
  entryUpdate(entry: Entry, version: StoredVersion | undefined, ntriples: string | undefined, graphStore = false): string {
    const iri = recordIri(this.base, entry.id);
    const ops = graphStore && !entry.deleted ? [] : [`DROP SILENT GRAPH <${iri}>`];
    ops.push(`DELETE WHERE { GRAPH <${this.graph}> { <${iri}> ?p ?o } }`);
    // INSERT … WHERE {} rather than INSERT DATA: stores such as Virtuoso refuse blank nodes in INSERT DATA.
    if (!graphStore && ntriples && ntriples.trim()) ops.push(`INSERT { GRAPH <${iri}> {\n${ntriples}\n} } WHERE {}`);
    const props = [`${p('entry')} ${literal(JSON.stringify(entry))}`];
    if (version) props.push(`${p('version')} ${literal(entry.version)}`, `${p('value')} ${literal(JSON.stringify(version))}`);
    ops.push(`INSERT DATA { GRAPH <${this.graph}> { <${iri}> ${props.join(' ; ')} } }`);
    return ops.join(' ;\n');
  }

  datasetUpdate(values: { cursor?: Cursor; meta?: StoreMeta; marker?: string }): string {
    const ops: string[] = [];
    const set = (name: string, value: string) => {
      ops.push(`DELETE WHERE { GRAPH <${this.graph}> { <${this.graph}> ${p(name)} ?v } }`);
      ops.push(`INSERT DATA { GRAPH <${this.graph}> { <${this.graph}> ${p(name)} ${literal(value)} } }`);
    };
    if (values.cursor) set('cursor', `${values.cursor.datestamp} ${values.cursor.id}`);
    if (values.meta) set('meta', JSON.stringify(values.meta));
    if (values.marker !== undefined) set('marker', values.marker);
    return ops.join(' ;\n');
  }
}
