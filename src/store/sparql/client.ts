// A small SPARQL 1.1 Protocol client: queries (GET/POST), updates and Graph Store PUTs, with a timeout on every
// request and HTTP basic or digest authentication (Virtuoso wants digest) from LDPUB_SPARQL_USER/PASSWORD.
import { createHash, randomBytes } from 'node:crypto';
import { LdpubError } from '../../errors.js';

export interface SparqlClientOptions {
  /** The query endpoint (also the update endpoint unless `update` is given). */
  endpoint: string;
  update?: string;
  user?: string;
  password?: string;
  timeoutMs?: number;
}

export interface Binding {
  [name: string]: { type: string; value: string; datatype?: string; 'xml:lang'?: string };
}

/**
 * What a store says when a transaction lost a race and is worth trying again: a deadlock victim (SQLSTATE 40001),
 * or Virtuoso's SR197 when two concurrent writes register the same new datatype, language or IRI prefix (the
 * other one's row is there on the next try). Every request ldpub sends is idempotent, so a retry is safe.
 */
const DEADLOCK = /\b40001\b|deadlock|SR197: Non unique primary key on DB\.DBA\.RDF_(?:DATATYPE|LANGUAGE|PREFIX|IRI)\b/i;

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** The parameters of a `WWW-Authenticate: Digest …` challenge. */
function parseChallenge(header: string): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  for (const m of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

export class SparqlClient {
  readonly endpoint: string;
  readonly updateEndpoint: string;
  private readonly timeoutMs: number;
  private digest: { [k: string]: string } | undefined;
  /** Set once a server has asked for basic authentication (the first request goes without, to learn the scheme). */
  private basic = false;
  private nc = 0;
  /** The Server header of the last answer (how `ldpub publish` knows a Virtuoso). */
  server: string | undefined;

  constructor(private readonly opts: SparqlClientOptions) {
    this.endpoint = opts.endpoint;
    this.updateEndpoint = opts.update ?? opts.endpoint;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  private authorization(method: string, url: string): string | undefined {
    const { user, password } = this.opts;
    if (user === undefined || password === undefined) return undefined;
    if (!this.digest) return this.basic ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : undefined;
    const c = this.digest;
    const uri = new URL(url).pathname + new URL(url).search;
    const ha1 = md5(`${user}:${c.realm}:${password}`);
    const ha2 = md5(`${method}:${uri}`);
    const nc = (++this.nc).toString(16).padStart(8, '0');
    const cnonce = randomBytes(8).toString('hex');
    const qop = c.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
    const response = qop ? md5(`${ha1}:${c.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${c.nonce}:${ha2}`);
    return [
      `Digest username="${user}"`,
      `realm="${c.realm}"`,
      `nonce="${c.nonce}"`,
      `uri="${uri}"`,
      `response="${response}"`,
      ...(c.opaque !== undefined ? [`opaque="${c.opaque}"`] : []),
      ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
      ...(c.algorithm ? [`algorithm=${c.algorithm}`] : []),
    ].join(', ');
  }

  /** One request, with a timeout; a digest challenge is answered once. Anything but 2xx is LDPUB_SPARQL_UNAVAILABLE. */
  async request(method: string, url: string, headers: { [k: string]: string }, body?: string, authenticate = false): Promise<Response> {
    let retries = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      const auth = authenticate ? this.authorization(method, url) : undefined;
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers: { ...headers, ...(auth ? { authorization: auth } : {}) },
          ...(body !== undefined ? { body } : {}),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        const cause = (e as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : ((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message);
        throw new LdpubError('LDPUB_SPARQL_UNAVAILABLE', `the SPARQL store cannot be reached (${cause})`, { record: url.split('?')[0]! });
      }
      this.server = res.headers.get('server') ?? undefined;
      const challenge = res.headers.get('www-authenticate');
      if (res.status === 401 && authenticate && attempt === 0 && challenge && this.opts.user !== undefined) {
        await res.arrayBuffer();
        if (/^digest/i.test(challenge)) {
          this.digest = parseChallenge(challenge);
          this.nc = 0;
        } else this.basic = true;
        continue;
      }
      if (res.status === 401 && (this.opts.user === undefined || this.opts.password === undefined)) {
        await res.arrayBuffer();
        throw new LdpubError('LDPUB_SPARQL_UNAVAILABLE', 'the SPARQL store wants credentials: set LDPUB_SPARQL_USER and LDPUB_SPARQL_PASSWORD', { record: url.split('?')[0]! });
      }
      if (!res.ok) {
        const text = (await res.text()).replace(/\s+/g, ' ');
        // A transaction that lost a race (a deadlock victim, a concurrent first use of a datatype) is tried again, a few times.
        if (res.status >= 500 && DEADLOCK.test(text) && retries < 8) {
          retries++;
          attempt--;
          await new Promise((r) => setTimeout(r, 100 * retries + Math.random() * 200));
          continue;
        }
        throw new LdpubError('LDPUB_SPARQL_UNAVAILABLE', `the SPARQL store answered ${res.status}: ${text.slice(0, 300)}`, { record: url.split('?')[0]! });
      }
      return res;
    }
    throw new LdpubError('LDPUB_SPARQL_UNAVAILABLE', 'the SPARQL store refused the credentials (LDPUB_SPARQL_USER, LDPUB_SPARQL_PASSWORD)', { record: url });
  }

  async select(query: string): Promise<Binding[]> {
    const res = await this.request('POST', this.endpoint, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' }, new URLSearchParams({ query }).toString(), true);
    const json = (await res.json()) as { results: { bindings: Binding[] } };
    return json.results.bindings;
  }

  async update(update: string): Promise<void> {
    const res = await this.request('POST', this.updateEndpoint, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ update }).toString(), true);
    await res.arrayBuffer();
  }

  /** Graph Store Protocol (`?graph=`, SPARQL 1.1 GSP §5.2): replace one graph with N-Triples. */
  async putGraph(graphStore: string, graph: string, ntriples: string): Promise<void> {
    const url = `${graphStore}${graphStore.includes('?') ? '&' : '?'}graph=${encodeURIComponent(graph)}`;
    const res = await this.request('PUT', url, { 'content-type': 'application/n-triples' }, ntriples, true);
    await res.arrayBuffer();
  }
}

/** A SPARQL string literal: every character that needs it escaped (ECHAR), the rest as is. */
export function literal(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}
