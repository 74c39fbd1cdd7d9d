// nginx over `ldpub export --static` with the exported map: for the Accept headers nginx can honour (the first
// type named decides), it picks what `ldpub serve` picks (status, type, body, Link), with Vary: Accept; 406 and
// 410 where ldpub answers them. Where a map cannot weigh q-values, the differences are checked as known.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDump } from '../../src/commands/export.js';
import { runCommand } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { BASE, dataFolder, SEED_ID, startServer, type TestServer } from '../server/harness.js';
import { CHROME, MUST_MATCH } from './conneg.js';
import { startNginx, type Running } from './servers.js';

let work: string;
let embedded: TestServer;
let nginx: Running;
const GONE = 'nature-genetics-consortium';

/**
 * The rows of the conneg table where nginx's map, which reads the first acceptable type named rather than
 * weighing q-values, picks otherwise than ldpub (docs/scaling.md): [ldpub's type or 406, nginx's type or 406].
 */
export const NGINX_DIFFERS: { [label: string]: [string, string] } = {
  'q reorders: Turtle 0.5 below JSON-LD': ['application/ld+json', 'text/turtle'],
  'q reorders: JSON-LD 0.5 below Turtle': ['text/turtle', 'application/ld+json'],
  'equal q: server quality breaks the tie': ['text/turtle', 'application/n-triples'],
  'equal q regardless of order': ['application/ld+json', 'application/rdf+xml'],
  'q=0 excludes HTML from */*': ['text/turtle', 'text/html'],
  'explicit HTML at 0.9 loses to */* at 1': ['text/turtle', 'text/html'],
};

beforeAll(async () => {
  work = tempDir('nginx');
  const dir = dataFolder();
  const site = join(work, 'site');
  expect((await runCommand((a, io) => exportDump(a, io), ['--static', site, '--data', dir, '--base', BASE])).code).toBe(0);
  unlinkSync(join(dir, `${GONE}.txt`));
  expect((await runCommand((a, io) => exportDump(a, io), ['--static', site, '--data', dir, '--base', BASE])).code).toBe(0);
  embedded = await startServer({ dir });
  nginx = await startNginx(site, join(work, 'nginx'));
});

afterAll(async () => {
  await nginx?.stop();
  await embedded?.close();
  // work goes after this hook (tempDir), even when a stop above throws
});

async function both(path: string, accept?: string) {
  const headers: { [name: string]: string } = accept === undefined ? {} : { accept };
  const [a, b] = await Promise.all([fetch(`${embedded.url}${path}`, { headers }), fetch(`${nginx.url}${path}`, { headers })]);
  return { ldpub: { res: a, body: await a.text() }, nginx: { res: b, body: await b.text() } };
}

const mediaType = (res: Response) => (res.status === 200 ? (res.headers.get('content-type') ?? '').split(';')[0]!.trim() : String(res.status));

describe('nginx over the exported site', () => {
  it.each(MUST_MATCH.filter(([label]) => !(label in NGINX_DIFFERS)))('/record/{id}: %s', async (_, accept) => {
    const { ldpub, nginx: ng } = await both(`/record/${SEED_ID}`, accept);
    expect(ng.res.status).toBe(ldpub.res.status);
    expect(ng.res.headers.get('vary')).toBe('Accept');
    if (ldpub.res.status === 200) {
      expect(ng.res.headers.get('content-type')).toBe(ldpub.res.headers.get('content-type'));
      expect(ng.body).toBe(ldpub.body);
      expect(ng.res.headers.get('link')).toBe(ldpub.res.headers.get('link'));
      expect(ng.res.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it.each(Object.entries(NGINX_DIFFERS))('known difference: %s', async (label, [ldpubType, nginxType]) => {
    const accept = MUST_MATCH.find(([l]) => l === label)![1];
    const { ldpub, nginx: ng } = await both(`/record/${SEED_ID}`, accept);
    expect(mediaType(ldpub.res)).toBe(ldpubType);
    expect(mediaType(ng.res)).toBe(nginxType);
  });

  it.each([
    ['/', undefined],
    ['/', 'text/turtle'],
    ['/', 'application/ld+json'],
    ['/', CHROME],
    ['/.well-known/void', undefined],
    ['/.well-known/void', 'application/rdf+xml'],
    ['/.well-known/void', 'application/n-triples'],
  ])('%s with Accept %s', async (path, accept) => {
    const { ldpub, nginx: ng } = await both(path, accept);
    expect(ng.res.status).toBe(ldpub.res.status);
    expect(mediaType(ng.res)).toBe(mediaType(ldpub.res));
    expect(ng.res.headers.get('vary')).toBe('Accept');
    expect(ng.body).toBe(ldpub.body);
  });

  it.each(['/dump.nt', '/dump.jsonld', '/sitemap.xml', `/record/${SEED_ID}.ttl`, `/record/${SEED_ID}.bib`, `/record/${SEED_ID}.marcxml`])('%s: the same body and type', async (path) => {
    const { ldpub, nginx: ng } = await both(path);
    expect(ng.res.status).toBe(200);
    expect(ng.res.headers.get('content-type')).toBe(ldpub.res.headers.get('content-type'));
    expect(ng.body).toBe(ldpub.body);
  });

  it('a deleted record is 410 Gone, by its id and by extension; an unknown one 404; the configuration is not served', async () => {
    for (const path of [`/record/${GONE}`, `/record/${GONE}.ttl`]) expect((await both(path)).nginx.res.status).toBe(410);
    const { ldpub, nginx: ng } = await both('/record/no-such-record');
    expect(ldpub.res.status).toBe(404);
    expect(ng.res.status).toBe(404);
    expect((await fetch(`${nginx.url}/_server/nginx-map.conf`)).status).toBe(403);
  });
});
