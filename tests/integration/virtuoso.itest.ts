// ldpub publish --sparql into a real Virtuoso, two replicas over it (ldpub serve --sparql), compared route by route
// with the embedded server (bodies and ETags); a change and a deletion re-published show on both within 10 s;
// /sparql answers queries and refuses updates; a store that is down gives 503 with Retry-After.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/commands/publish.js';
import { LDPUB_NS } from '../../src/store/sparql/store.js';
import { openReplica, replicaApp } from '../../src/commands/serve-sparql.js';
import { createLogger } from '../../src/server/log.js';
import { allFormats } from '../../src/formats/registry.js';
import { runCommand } from '../helpers/cli.js';
import { isomorphic, parseAs } from '../helpers/graph.js';
import { tempDir } from '../helpers/temp.js';
import { BASE, dataFolder, SEED_ID, startServer, type TestServer } from '../server/harness.js';
import { freePort, startFaultProxy, startVirtuoso, waitFor, type Running } from './servers.js';
import { pino } from 'pino';

let work: string;
let dir: string;
let virtuoso: Running;
let embedded: TestServer;
const replicas: Array<{ url: string; server: Server; stop(): void }> = [];
const CHANGED = 'plos-one-e-locator';
const DELETED = 'nature-genetics-consortium';
const DELETED_TOO = 'ecology-sici-doi';

/** `ldpub publish` into `url` (the store, or a proxy in front of it): by the Graph Store Protocol unless `updatesOnly`. */
const publishTo = async (url: string, extra: string[] = [], updatesOnly = false) => {
  process.env.LDPUB_SPARQL_USER = 'dba';
  process.env.LDPUB_SPARQL_PASSWORD = 'dba';
  try {
    const gsp = updatesOnly ? [] : ['--graph-store', `${url}/sparql-graph-crud-auth`];
    return await runCommand((a, io) => publish(a, io), ['--sparql', `${url}/sparql-auth`, ...gsp, '--data', dir, '--base', BASE, '--batch', '2', ...extra]);
  } finally {
    delete process.env.LDPUB_SPARQL_USER;
    delete process.env.LDPUB_SPARQL_PASSWORD;
  }
};
const publishNow = (updatesOnly = false) => publishTo(virtuoso.url, [], updatesOnly);

async function startReplica(endpoint: string, timeoutMs = 5000, logger = createLogger('silent')) {
  const r = await openReplica({ endpoint, base: BASE, cacheBytes: 8 * 1024 * 1024, timeoutMs, logger });
  const app = replicaApp(r.live, { endpoint, base: BASE, timeoutMs, logger, maxAge: 300 });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, stop: r.stop };
}

async function closeReplica(r: { server: Server; stop(): void }) {
  r.stop();
  r.server.closeAllConnections();
  await new Promise<void>((res) => r.server.close(() => res()));
}

beforeAll(async () => {
  work = tempDir('virtuoso');
  virtuoso = await startVirtuoso(work);
  dir = dataFolder(['plos-one-e-locator', 'nature-genetics-consortium', 'ecology-sici-doi', 'efsa-corporate-author']);
  // The first publish fails after its first batch (the store stops answering): it says how far it got, and the
  // next publish resumes there and sends only the rest.
  const proxy = await startFaultProxy(virtuoso.url);
  let updates = 0;
  proxy.onRequest = (method, path, body) => {
    if (method === 'POST' && path.startsWith('/sparql-auth') && body.startsWith('update=') && ++updates === 1) setImmediate(() => (proxy.failing = true));
  };
  const failed = await publishTo(proxy.url);
  await proxy.stop();
  expect(failed.code, failed.stderr).toBe(1);
  expect(failed.stderr).toMatch(/LDPUB_SPARQL_UNAVAILABLE.*; 2 of 5 change\(s\) were published, up to \S+ \(\d{4}-\d\d-\d\dT[^)]*\), and the next publish resumes there/);
  const first = await publishNow();
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain(' 3 change(s)');
  embedded = await startServer({ dir });
  replicas.push(await startReplica(`${virtuoso.url}/sparql`), await startReplica(`${virtuoso.url}/sparql`));
});

afterAll(async () => {
  for (const r of replicas) await closeReplica(r);
  await embedded?.close();
  await virtuoso?.stop();
  // work goes after this hook (tempDir), even when a stop above throws
});

const RECORD_EXTENSIONS = allFormats().filter((f) => f.negotiable !== false).map((f) => f.extension);
const ids = () => embedded.live.current.records.map((r) => r.id);

function routes(): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [
    ['/', undefined],
    ['/', 'text/turtle'],
    ['/', 'application/ld+json'],
    ['/shapes', undefined],
    ['/.well-known/void', undefined],
    ['/.well-known/void', 'application/rdf+xml'],
    ['/dump.nt', undefined],
    ['/dump.jsonld', undefined],
    ['/sitemap.xml', undefined],
    ['/records', undefined],
    ['/records', 'text/turtle'],
    ['/oai?verb=ListIdentifiers&metadataPrefix=oai_dc', undefined],
    ['/oai?verb=ListRecords&metadataPrefix=oai_dc', undefined],
    [`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:${SEED_ID}`, undefined],
  ];
  for (const id of ids()) {
    out.push([`/record/${id}`, undefined], [`/record/${id}`, 'text/turtle'], [`/record/${id}/validation`, undefined], [`/record/${id}/linkset`, undefined]);
    for (const ext of RECORD_EXTENSIONS) out.push([`/record/${id}.${ext}`, undefined]);
  }
  for (const t of embedded.live.current.tombstones) out.push([`/record/${t.id}`, undefined], [`/record/${t.id}.ttl`, undefined]);
  return out;
}

/** OAI-PMH answers carry the time they were made; everything else must be the same bytes. */
const comparable = (path: string, body: string) => (path.startsWith('/oai') ? body.replace(/<responseDate>[^<]*<\/responseDate>/, '') : body);

async function compareAll(): Promise<number> {
  let compared = 0;
  for (const [path, accept] of routes()) {
    const headers: { [k: string]: string } = accept ? { accept } : {};
    const answers = await Promise.all([embedded.url, ...replicas.map((r) => r.url)].map((u) => fetch(`${u}${path}`, { headers })));
    const bodies = await Promise.all(answers.map(async (r) => comparable(path, await r.text())));
    for (let i = 1; i < answers.length; i++) {
      expect(answers[i]!.status, `${path} ${accept ?? ''}`).toBe(answers[0]!.status);
      // The shapes' blank node labels are drawn when the app reads them (docs/scaling.md): the same graph, not the same bytes.
      if (path === '/shapes') {
        expect(await isomorphic(await parseAs('text/turtle', bodies[i]!), await parseAs('text/turtle', bodies[0]!))).toBe(true);
        continue;
      }
      expect(answers[i]!.headers.get('etag'), `${path} ${accept ?? ''}`).toBe(answers[0]!.headers.get('etag'));
      expect(answers[i]!.headers.get('content-type'), path).toBe(answers[0]!.headers.get('content-type'));
      expect(answers[i]!.headers.get('last-modified'), path).toBe(answers[0]!.headers.get('last-modified'));
      expect(bodies[i], `${path} ${accept ?? ''}`).toBe(bodies[0]);
    }
    compared++;
  }
  return compared;
}

describe('publish into Virtuoso, serve from replicas', () => {
  it('every route of both replicas answers as the embedded server: status, type, ETag, Last-Modified, bytes', async () => {
    expect(await compareAll()).toBeGreaterThan(60);
  });

  it('publishing again with nothing changed sends nothing', async () => {
    const again = await publishNow();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(' 0 change(s)');
  });

  it('a change and a deletion, re-published, are visible on both replicas within 10 s', async () => {
    const file = join(dir, `${CHANGED}.txt`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Triose Phosphate Isomerase', 'Triose-Phosphate Isomerase'));
    unlinkSync(join(dir, `${DELETED}.txt`));
    // By SPARQL Update alone this time (the other way a store is written): the same state, and a hint for Virtuoso.
    const r = await publishNow(true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 change(s) (1 deletion(s))');
    expect(r.stderr).toContain('give --graph-store');
    const published = Date.now();
    await embedded.live.reload();
    for (const replica of replicas) {
      await waitFor(async () => (await fetch(`${replica.url}/record/${DELETED}`)).status === 410, 10_000, 'the deletion on a replica');
      await waitFor(async () => (await (await fetch(`${replica.url}/record/${CHANGED}.ttl`)).text()).includes('Triose-Phosphate'), 10_000, 'the change on a replica');
    }
    expect(Date.now() - published).toBeLessThan(10_000);
    await compareAll();
    // A deletion by the Graph Store path: the graph goes, the staging graph is not left behind.
    unlinkSync(join(dir, `${DELETED_TOO}.txt`));
    const g = await publishNow();
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toContain('1 change(s) (1 deletion(s))');
    await embedded.live.reload();
    for (const replica of replicas) await waitFor(async () => (await fetch(`${replica.url}/record/${DELETED_TOO}`)).status === 410, 10_000, 'the deletion on a replica');
    await compareAll();
    const ask = async (q: string) => ((await (await fetch(`${replicas[0]!.url}/sparql?query=${encodeURIComponent(q)}`, { headers: { accept: 'application/sparql-results+json' } })).json()) as { boolean: boolean }).boolean;
    expect(await ask(`ASK { GRAPH <${BASE}/record/${DELETED_TOO}> { ?s ?p ?o } }`)).toBe(false);
    expect(await ask(`ASK { GRAPH <${BASE}/ldpub/meta/staging> { ?s ?p ?o } }`)).toBe(false);
    expect(await ask(`ASK { GRAPH <${BASE}/record/${CHANGED}> { ?s ?p ?o } }`)).toBe(true);
  });

  it('/sparql answers SELECT and CONSTRUCT queries by GET and POST, and refuses updates with 403', async () => {
    const url = replicas[0]!.url;
    const q = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${BASE}/record/${SEED_ID}> { ?s ?p ?o } }`;
    const get = await fetch(`${url}/sparql?query=${encodeURIComponent(q)}`, { headers: { accept: 'application/sparql-results+json' } });
    expect(get.status).toBe(200);
    const n = Number(((await get.json()) as { results: { bindings: Array<{ n: { value: string } }> } }).results.bindings[0]!.n.value);
    expect(n).toBeGreaterThan(10);
    const post = await fetch(`${url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query', accept: 'application/n-triples' },
      body: `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${BASE}/record/${SEED_ID}> { ?s ?p ?o } }`,
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain(`<${BASE}/record/${SEED_ID}>`);
    const update = await fetch(`${url}/sparql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'update=DROP%20ALL' });
    expect(update.status).toBe(403);
    const direct = await fetch(`${url}/sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: 'DROP ALL' });
    expect(direct.status).toBe(403);
  });

  it('a graph or an entry in the store that is not ldpub\'s is reported, not served', async () => {
    const update = async (u: string) => {
      const r = await runCommand(async (_a, io) => {
        const { SparqlClient } = await import('../../src/store/sparql/client.js');
        await new SparqlClient({ endpoint: `${virtuoso.url}/sparql-auth`, user: 'dba', password: 'dba' }).update(u);
        io.stdout.write('ok');
        return 0;
      }, []);
      expect(r.stdout).toBe('ok');
    };
    const meta = `${BASE}/ldpub/meta`;
    await update(
      `INSERT DATA { GRAPH <${meta}> { <${BASE}/record/stray> <${LDPUB_NS}entry> "not ldpub's" . <${BASE}/record/other> <${LDPUB_NS}entry> "{\\"id\\":\\"elsewhere\\",\\"version\\":\\"x\\"}" } } ;
       INSERT DATA { GRAPH <${BASE}/record/loose> { <${BASE}/record/loose> a <http://schema.org/CreativeWork> ; <http://purl.org/dc/terms/title> "not published by ldpub" } }`,
    );
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const replica = await startReplica(`${virtuoso.url}/sparql`, 5000, logger);
    try {
      const foreign = () => lines.map((l) => JSON.parse(l) as { code?: string; record?: string; msg: string }).filter((l) => l.code === 'LDPUB_SPARQL_FOREIGN');
      // The graph with no entry is reported by a query after the start: wait for it.
      await waitFor(async () => foreign().length === 3, 10_000, 'the report of the loose graph');
      const warned = foreign();
      expect(warned.map((l) => l.record).sort()).toEqual([`${BASE}/record/loose`, `${BASE}/record/other`, `${BASE}/record/stray`]);
      expect(warned[0]!.msg).toMatch(/^.*\[LDPUB_SPARQL_FOREIGN\]/);
      for (const id of ['stray', 'other', 'elsewhere', 'loose']) expect((await fetch(`${replica.url}/record/${id}`)).status, id).toBe(404);
      expect((await fetch(`${replica.url}/record/${SEED_ID}.ttl`)).status).toBe(200);
      expect(await (await fetch(`${replica.url}/dump.nt`)).text()).toBe(await (await fetch(`${embedded.url}/dump.nt`)).text());
    } finally {
      await closeReplica(replica);
      await update(`DELETE { GRAPH <${meta}> { ?s <${LDPUB_NS}entry> ?e } } WHERE { GRAPH <${meta}> { ?s <${LDPUB_NS}entry> ?e } FILTER(?s IN (<${BASE}/record/stray>, <${BASE}/record/other>)) } ; DROP SILENT GRAPH <${BASE}/record/loose>`);
    }
  });

  it('a replica whose store answers too slowly sends 503 with Retry-After, never a hang, and serves again when it is back', async () => {
    const proxy = await startFaultProxy(virtuoso.url);
    const slow = await startReplica(`${proxy.url}/sparql`, 1000);
    try {
      proxy.delayMs = 3000;
      // The replica's 1 s timeout answers before the store's 3 s: a 503, not the record after a wait.
      const res = await fetch(`${slow.url}/record/${SEED_ID}.rdf`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      const sparql = await fetch(`${slow.url}/sparql?query=${encodeURIComponent('ASK {}')}`);
      expect(sparql.status).toBe(503);
      expect(sparql.headers.get('retry-after')).toBe('10');
      proxy.delayMs = 0;
      expect((await fetch(`${slow.url}/record/${SEED_ID}.rdf`)).status).toBe(200);
    } finally {
      await closeReplica(slow);
      await proxy.stop();
    }
  });

  it('a replica whose store is down answers 503 with Retry-After, and starting one says why', async () => {
    // A replica that has read the catalog but not yet this record; then the store goes away.
    const port = await freePort();
    const late = await startReplica(`${virtuoso.url}/sparql`, 2000);
    // A replica cannot start over a store where nothing listens: one line with its code.
    await expect(openReplica({ endpoint: `http://127.0.0.1:${port}/sparql`, base: BASE, cacheBytes: 1024, timeoutMs: 1000, logger: createLogger('silent') })).rejects.toMatchObject({ code: 'LDPUB_SPARQL_UNAVAILABLE' });
    await virtuoso.stop();
    const res = await fetch(`${late.url}/record/${SEED_ID}.rdf`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    const sparql = await fetch(`${late.url}/sparql?query=${encodeURIComponent('ASK {}')}`);
    expect(sparql.status).toBe(503);
    await closeReplica(late);
  });
});
