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

  /** What the last `entries()` left out: each entry in the meta graph that is not ldpub's, as the error that says why. */
  foreign: LdpubError[] = [];

  async *entryBatches(): AsyncIterable<Entry[]> {
    yield await this.entries();
  }

  /** Every entry: paged, sorted by id. An entry that is not ldpub's is left out and listed in `foreign`, not served. */
  async entries(): Promise<Entry[]> {
    const out: Entry[] = [];
    const foreign: LdpubError[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const rows = await this.client.select(
        `SELECT ?s ?e WHERE { GRAPH <${this.graph}> { ?s ${p('entry')} ?e } } ORDER BY ?s LIMIT ${PAGE} OFFSET ${offset}`,
      );
      for (const row of rows) {
        try {
          out.push(this.parseEntry(row));
        } catch (e) {
          if (!(e instanceof LdpubError)) throw e;
          foreign.push(e);
        }
      }
      if (rows.length < PAGE) break;
    }
    this.foreign = foreign;
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Up to `limit` graphs named under `{base}/record/` that describe their own IRI with a type, as ldpub's record
   * graphs do, but that the meta graph lists no entry for: graphs ldpub did not publish, which are never served.
   */
  async strayGraphs(limit = 10): Promise<string[]> {
    const prefix = `${normalizeBase(this.base)}/record/`;
    const rows = await this.client.select(
      `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a ?t } FILTER(STRSTARTS(STR(?g), ${literal(prefix)})) FILTER NOT EXISTS { GRAPH <${this.graph}> { ?g ${p('entry')} ?e } } } LIMIT ${limit}`,
    );
    return rows.map((r) => r.g!.value);
  }

  private parseEntry(row: Binding): Entry {
    const s = row.s!.value;
    let e: Entry;
    try {
      e = JSON.parse(row.e!.value) as Entry;
    } catch {
      throw new LdpubError('LDPUB_SPARQL_FOREIGN', 'an entry in the meta graph is not ldpub JSON', { record: s });
    }
    if (typeof e !== 'object' || e === null || typeof e.id !== 'string' || typeof e.version !== 'string' || recordIri(this.base, e.id) !== s) {
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

  /** The meta triples of one changed entry (its entry, and unless deleted its version and value), as N-Triples lines. */
  metaTriples(entry: Entry, version: StoredVersion | undefined): string {
    const iri = `<${recordIri(this.base, entry.id)}>`;
    const lines = [`${iri} ${p('entry')} ${literal(JSON.stringify(entry))} .`];
    if (version) lines.push(`${iri} ${p('version')} ${literal(entry.version)} .`, `${iri} ${p('value')} ${literal(JSON.stringify(version))} .`);
    return lines.join('\n');
  }

  /** The update that puts one changed entry (and, unless deleted, its graph and version) into the store. */
  entryUpdate(entry: Entry, version: StoredVersion | undefined, ntriples: string | undefined, graphStore = false): string {
    const iri = recordIri(this.base, entry.id);
    const ops = graphStore && !entry.deleted ? [] : [`DROP SILENT GRAPH <${iri}>`];
    ops.push(`DELETE WHERE { GRAPH <${this.graph}> { <${iri}> ?p ?o } }`);
    // INSERT … WHERE {} rather than INSERT DATA: stores such as Virtuoso refuse blank nodes in INSERT DATA.
    if (!graphStore && ntriples && ntriples.trim()) ops.push(`INSERT { GRAPH <${iri}> {\n${ntriples}\n} } WHERE {}`);
    ops.push(`INSERT DATA { GRAPH <${this.graph}> { ${this.metaTriples(entry, version)} } }`);
    return ops.join(' ;\n');
  }

  /** The graph a batch's meta triples are staged in (by the Graph Store Protocol) before `stagedUpdate` moves them. */
  get stagingGraph(): string {
    return `${this.graph}/staging`;
  }

  /**
   * The update that moves a batch's staged meta triples into the meta graph, replacing what the meta graph held
   * for those records, and drops the graphs of deleted records: a few operations whatever the batch's size, so a
   * store that compiles each update (Virtuoso) does not pay per triple. The staging graph is dropped after.
   */
  stagedUpdate(staging: string, deleted: string[]): string {
    const ops = deleted.map((id) => `DROP SILENT GRAPH <${recordIri(this.base, id)}>`);
    ops.push(
      `DELETE { GRAPH <${this.graph}> { ?r ?p ?o } } WHERE { GRAPH <${staging}> { ?r ${p('entry')} ?e } GRAPH <${this.graph}> { ?r ?p ?o } }`,
      `INSERT { GRAPH <${this.graph}> { ?r ?p ?o } } WHERE { GRAPH <${staging}> { ?r ?p ?o } }`,
      `DROP SILENT GRAPH <${staging}>`,
    );
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
