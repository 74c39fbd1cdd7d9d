// Apache httpd over `ldpub export --static`: for every Accept header in the table Apache picks what `ldpub serve`
// picks (status, type, body), sends Vary: Accept and the record's Link header, answers 406 and 410 where it does.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDump } from '../../src/commands/export.js';
import { runCommand } from '../helpers/cli.js';
import { isomorphic, parseAs } from '../helpers/graph.js';
import { tempDir } from '../helpers/temp.js';
import { BASE, dataFolder, SEED_ID, startServer, type TestServer } from '../server/harness.js';
import { CHROME, MUST_MATCH } from './conneg.js';
import { startApache, type Running } from './servers.js';

let site: string;
let work: string;
let embedded: TestServer;
let apache: Running;
const GONE = 'nature-genetics-consortium';

beforeAll(async () => {
  work = tempDir('apache');
  const dir = dataFolder();
  site = join(work, 'site');
  // Published once, then one file removed: the second export holds a tombstone.
  expect((await runCommand((a, io) => exportDump(a, io), ['--static', site, '--data', dir, '--base', BASE])).code).toBe(0);
  unlinkSync(join(dir, `${GONE}.txt`));
  const second = await runCommand((a, io) => exportDump(a, io), ['--static', site, '--data', dir, '--base', BASE]);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stderr).toContain('(1 deleted)');
  embedded = await startServer({ dir });
  apache = await startApache(site, join(work, 'apache'));
});

afterAll(async () => {
  await apache?.stop();
  await embedded?.close();
  // work goes after this hook (tempDir), even when a stop above throws
});

async function both(path: string, accept?: string) {
  const headers: { [name: string]: string } = accept === undefined ? {} : { accept };
  const [a, b] = await Promise.all([fetch(`${embedded.url}${path}`, { headers }), fetch(`${apache.url}${path}`, { headers })]);
  return { ldpub: { res: a, body: await a.text() }, apache: { res: b, body: await b.text() } };
}

const mediaType = (res: Response) => (res.headers.get('content-type') ?? '').split(';')[0]!.trim();

describe('Apache over the exported site negotiates as ldpub serve', () => {
  it.each(MUST_MATCH)('/record/{id}: %s', async (_, accept) => {
    const { ldpub, apache: ap } = await both(`/record/${SEED_ID}`, accept);
    expect(ap.res.status).toBe(ldpub.res.status);
    expect(ap.res.headers.get('vary')).toBe('Accept');
    if (ldpub.res.status === 200) {
      expect(ap.res.headers.get('content-type')).toBe(ldpub.res.headers.get('content-type'));
      expect(ap.body).toBe(ldpub.body);
      expect(ap.res.headers.get('link')).toBe(ldpub.res.headers.get('link'));
      expect(ap.res.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it.each([
    ['/', undefined],
    ['/', 'text/turtle'],
    ['/', 'application/ld+json'],
    ['/', CHROME],
    ['/shapes', undefined],
    ['/shapes', 'application/ld+json'],
    ['/.well-known/void', undefined],
    ['/.well-known/void', 'application/rdf+xml'],
    ['/.well-known/void', 'application/n-triples'],
  ])('%s with Accept %s', async (path, accept) => {
    const { ldpub, apache: ap } = await both(path, accept);
    expect(ap.res.status).toBe(ldpub.res.status);
    expect(mediaType(ap.res)).toBe(mediaType(ldpub.res));
    expect(ap.res.headers.get('vary')).toBe('Accept');
    // The shapes' blank node labels are drawn per process: there the graphs must be the same, elsewhere the bytes.
    if (path === '/shapes') expect(await isomorphic(await parseAs(mediaType(ap.res), ap.body), await parseAs(mediaType(ldpub.res), ldpub.body))).toBe(true);
    else expect(ap.body).toBe(ldpub.body);
  });

  it.each(['/dump.nt', '/dump.jsonld', '/sitemap.xml', `/record/${SEED_ID}.ttl`, `/record/${SEED_ID}.bib`, `/record/${SEED_ID}.marcxml`])('%s: the same body and type', async (path) => {
    const { ldpub, apache: ap } = await both(path);
    expect(ap.res.status).toBe(200);
    expect(ap.res.headers.get('content-type')).toBe(ldpub.res.headers.get('content-type'));
    expect(ap.body).toBe(ldpub.body);
  });

  it('a deleted record is 410 Gone, by its id and by extension', async () => {
    for (const path of [`/record/${GONE}`, `/record/${GONE}.ttl`]) {
      const { ldpub, apache: ap } = await both(path);
      expect(ldpub.res.status).toBe(410);
      expect(ap.res.status).toBe(410);
    }
  });

  it('an unknown record is 404 on both; the configuration folder is not served', async () => {
    const { ldpub, apache: ap } = await both('/record/no-such-record');
    expect(ldpub.res.status).toBe(404);
    expect(ap.res.status).toBe(404);
    expect((await fetch(`${apache.url}/_server/apache.conf`)).status).toBe(403);
  });
});

/** Where Apache's algorithm cannot match ldpub (docs/scaling.md says why): what each side answers, checked. */
const KNOWN_DIFFERENCES: Array<[string, string, number, string | undefined, number, string]> = [
  // [what, Accept, ldpub status, ldpub type, Apache status, Apache type]
  ['text/* alone: ldpub prefers HTML only under */*', 'text/*', 200, 'text/turtle', 200, 'text/html'],
  ['equal explicit q: ldpub breaks the tie by registry order', 'text/html, text/turtle', 200, 'text/turtle', 200, 'text/html'],
  ['a q=0 on a main type does not refuse its alias in Apache', 'application/ld+json;q=0, application/json', 406, undefined, 200, 'application/ld+json'],
  ['Apache reads a malformed q', 'text/turtle;q=1.5', 406, undefined, 200, 'text/turtle'],
];

describe('known differences between Apache and ldpub serve', () => {
  it.each(KNOWN_DIFFERENCES)('%s', async (_, accept, ls, lt, as, at) => {
    const { ldpub, apache: ap } = await both(`/record/${SEED_ID}`, accept);
    expect(ldpub.res.status).toBe(ls);
    if (lt) expect(mediaType(ldpub.res)).toBe(lt);
    expect(ap.res.status).toBe(as);
    expect(mediaType(ap.res)).toBe(at);
  });
});
