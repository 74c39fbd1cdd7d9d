// The citation formats over HTTP: negotiated by type, style and locale from Accept or the query, never a silent fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../helpers/fixtures.js';
import { startServer, SEED_ID, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

const get = (path: string, accept?: string) => fetch(`${s.url}${path}`, { headers: accept === undefined ? {} : { accept } });
const golden = (name: string) => fixtureText('citation', name).trim();

/** [what, path, Accept, status, Content-Type, Content-Location, golden citation file or a body pattern] */
const CASES: [string, string, string | undefined, number, string, string | undefined, string | RegExp][] = [
  ['CSL-JSON by type', '', 'application/vnd.citationstyles.csl+json', 200, 'application/vnd.citationstyles.csl+json', '.json', /"container-title": "Clinical medicine insights. Case reports"/],
  ['CSL-JSON by its alias', '', 'application/citeproc+json', 200, 'application/vnd.citationstyles.csl+json', '.json', /"DOI": "10.1177\/11795476231171891"/],
  ['BibTeX by type', '', 'application/x-bibtex', 200, 'application/x-bibtex', '.bib', /^@article\{000_dbb0811b20e3e0e2,/],
  ['RIS by type', '', 'application/x-research-info-systems', 200, 'application/x-research-info-systems', '.ris', /^TY {2}- JOUR/],
  ['RIS by extension', '.ris', undefined, 200, 'application/x-research-info-systems', '.ris', /AU {2}- Kanda, Yutaro/],
  ['a citation, APA and en-US by default', '', 'text/x-bibliography', 200, 'text/x-bibliography', '.txt', 'seed.apa.txt'],
  ['Vancouver in German from Accept parameters', '', 'text/x-bibliography; style=vancouver; locale=de-DE', 200, 'text/x-bibliography', '.txt', 'seed.nlm-citation-sequence.de-DE.txt'],
  ['style from the query string', '.txt?style=mla', undefined, 200, 'text/x-bibliography', '.txt', 'seed.modern-language-association.txt'],
  ['style and locale from the query string', '?format=citation&style=chicago&locale=en-GB', undefined, 200, 'text/x-bibliography', '.txt', 'seed.chicago-author-date.en-GB.txt'],
  ['style names in any case', '.txt?style=IEEE', undefined, 200, 'text/x-bibliography', '.txt', 'seed.ieee.txt'],
  ['an HTML citation by ?format=html-citation', '?format=html-citation', undefined, 200, 'text/html', '?format=html-citation', 'seed.apa.html'],
  ['an unknown style in Accept: 406 listing the styles', '', 'text/x-bibliography; style=klingon', 406, 'text/plain', undefined, /unknown citation style.*apa.*vancouver=nlm-citation-sequence/s],
  ['an unknown style in the query: 400 listing the styles', '.txt?style=klingon', undefined, 400, 'text/plain', undefined, /unknown citation style.*chicago-author-date/s],
  ['an unknown locale: 400 listing the locales', '.txt?locale=tlh', undefined, 400, 'text/plain', undefined, /unknown citation locale.*de-DE.*fr-FR/s],
];

describe('citation formats on /record/{id}', () => {
  it.each(CASES)('%s', async (_, suffix, accept, status, type, location, expected) => {
    const res = await get(`/record/${SEED_ID}${suffix}`, accept ?? (status >= 400 ? 'text/plain' : undefined));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get('vary')).toMatch(/Accept/);
    if (location) expect(res.headers.get('content-location')).toBe(`/record/${SEED_ID}${location}`);
    const body = (await res.text()).trim();
    if (typeof expected === 'string') expect(body).toBe(golden(expected));
    else expect(body).toMatch(expected);
  });

  it('gives different text for APA and MLA', async () => {
    const apa = await (await get(`/record/${SEED_ID}.txt?style=apa`)).text();
    const mla = await (await get(`/record/${SEED_ID}.txt?style=mla`)).text();
    expect(apa).not.toBe(mla);
  });

  it('lists the four citation types as alternates in the Link header, but not the HTML fragment', async () => {
    const link = (await get(`/record/${SEED_ID}`, 'text/turtle')).headers.get('link') ?? '';
    for (const type of ['application/vnd.citationstyles.csl+json', 'application/x-bibtex', 'application/x-research-info-systems', 'text/x-bibliography']) {
      expect(link).toContain(`rel="alternate"; type="${type}"`);
    }
    expect(link).not.toContain('html-citation');
  });
});
