// Content negotiation over a real server: Accept header → status, Content-Type and Content-Location, one row per case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, SEED_ID, type TestServer } from './harness.js';

const CHROME = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** [what, Accept (undefined: no header), status, media type, extension of Content-Location] */
const CASES: [string, string | undefined, number, string?, string?][] = [
  ['no Accept header', undefined, 200, 'text/html', 'html'],
  ['empty Accept header', '', 200, 'text/html', 'html'],
  ['*/* (curl)', '*/*', 200, 'text/html', 'html'],
  ['text/* alone', 'text/*', 200, 'text/turtle', 'ttl'],
  ['application/* prefers the higher server quality', 'application/*', 200, 'application/ld+json', 'jsonld'],
  ['text/turtle', 'text/turtle', 200, 'text/turtle', 'ttl'],
  ['alias application/x-turtle', 'application/x-turtle', 200, 'text/turtle', 'ttl'],
  ['alias application/turtle', 'application/turtle', 200, 'text/turtle', 'ttl'],
  ['upper case', 'TEXT/TURTLE', 200, 'text/turtle', 'ttl'],
  ['application/ld+json', 'application/ld+json', 200, 'application/ld+json', 'jsonld'],
  ['application/json', 'application/json', 200, 'application/ld+json', 'jsonld'],
  ['JSON-LD with the schema.org profile', 'application/ld+json;profile="https://schema.org"', 200, 'application/ld+json', 'jsonld'],
  ['JSON-LD with another profile', 'application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted"', 200, 'application/ld+json', 'jsonld'],
  ['application/n-triples', 'application/n-triples', 200, 'application/n-triples', 'nt'],
  ['alias text/plain+ntriples', 'text/plain+ntriples', 200, 'application/n-triples', 'nt'],
  ['alias text/plain (N-Triples before RDF 1.1)', 'text/plain', 200, 'application/n-triples', 'nt'],
  ["rdflib's format='nt'", 'text/plain, */*;q=0.1', 200, 'application/n-triples', 'nt'],
  ['text/* reaches Turtle, never an alias such as text/plain', 'text/*;q=0.9, application/n-triples;q=0.5', 200, 'text/turtle', 'ttl'],
  ['schema.org JSON-LD as DOI content negotiation names it', 'application/vnd.schemaorg.ld+json', 200, 'application/ld+json', 'jsonld'],
  ['DOI content negotiation: CSL-JSON', 'application/vnd.citationstyles.csl+json', 200, 'application/vnd.citationstyles.csl+json', 'json'],
  ['DOI content negotiation: BibTeX', 'application/x-bibtex', 200, 'application/x-bibtex', 'bib'],
  ['DOI content negotiation: RIS', 'application/x-research-info-systems', 200, 'application/x-research-info-systems', 'ris'],
  ['DOI content negotiation: a formatted citation', 'text/x-bibliography', 200, 'text/x-bibliography', 'txt'],
  ['application/rdf+xml', 'application/rdf+xml', 200, 'application/rdf+xml', 'rdf'],
  ['alias application/xml', 'application/xml', 200, 'application/rdf+xml', 'rdf'],
  ['alias text/xml', 'text/xml', 200, 'application/rdf+xml', 'rdf'],
  ['text/html', 'text/html', 200, 'text/html', 'html'],
  ['alias application/xhtml+xml', 'application/xhtml+xml', 200, 'text/html', 'html'],
  ['q reorders: Turtle 0.5 below JSON-LD', 'text/turtle;q=0.5, application/ld+json', 200, 'application/ld+json', 'jsonld'],
  ['q reorders: JSON-LD 0.5 below Turtle', 'application/ld+json;q=0.5, text/turtle', 200, 'text/turtle', 'ttl'],
  ['client q beats server quality', 'application/n-triples, text/turtle;q=0.9', 200, 'application/n-triples', 'nt'],
  ['client q beats server quality (RDF/XML)', 'application/rdf+xml, text/turtle;q=0.9', 200, 'application/rdf+xml', 'rdf'],
  ['equal q: server quality breaks the tie', 'application/n-triples;q=0.9, text/turtle;q=0.9', 200, 'text/turtle', 'ttl'],
  ['equal q regardless of order', 'application/rdf+xml, application/ld+json', 200, 'application/ld+json', 'jsonld'],
  ['q=0 excludes HTML from */*', '*/*, text/html;q=0', 200, 'text/turtle', 'ttl'],
  ['q=0 excludes Turtle from text/*', 'text/*, text/turtle;q=0', 200, 'text/html', 'html'],
  ['most specific range decides: text/turtle 0.4 under */* 0.5', '*/*;q=0.5, text/turtle;q=0.4', 200, 'text/html', 'html'],
  ['exact match beats a wildcard at equal q', 'text/turtle, */*', 200, 'text/turtle', 'ttl'],
  ['explicit HTML at 0.9 loses to */* at 1', 'text/html;q=0.9, */*', 200, 'text/turtle', 'ttl'],
  ['alias q counts for its format', 'application/json;q=0.9, text/turtle;q=0.8', 200, 'application/ld+json', 'jsonld'],
  ['Chrome', CHROME, 200, 'text/html', 'html'],
  ['Firefox', FIREFOX, 200, 'text/html', 'html'],
  ['first type unsupported', 'image/png, text/turtle', 200, 'text/turtle', 'ttl'],
  ['unsupported then JSON-LD at 0.8', 'application/pdf, application/ld+json;q=0.8', 200, 'application/ld+json', 'jsonld'],
  ['unsupported type', 'image/png', 406],
  ['only refusals', '*/*;q=0', 406],
  ['the one type refused', 'text/turtle;q=0', 406],
  ['refusing JSON-LD refuses it under its alias too', 'application/ld+json;q=0, application/json', 406],
  ['malformed q is dropped', 'text/turtle;q=1.5', 406],
  ['not a media range', 'garbage', 406],
];

describe('content negotiation on /record/{id}', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.close());

  it.each(CASES)('%s', async (_, accept, status, mediaType, ext) => {
    const res = await fetch(`${s.url}/record/${SEED_ID}`, { headers: accept === undefined ? {} : { accept } });
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    // A representation varies by coding too; an error body is never compressed.
    expect(res.headers.get('vary')).toBe(status === 200 ? 'Accept, Accept-Encoding' : 'Accept');
    if (status === 200) {
      expect(res.headers.get('content-type')).toBe(`${mediaType}; charset=utf-8`);
      expect(res.headers.get('content-location')).toBe(`/record/${SEED_ID}.${ext}`);
    } else {
      expect(res.headers.get('content-location')).toBeNull();
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('a 406 body lists every format with its URL; as HTML when the client takes HTML', async () => {
    const plain = await (await fetch(`${s.url}/record/${SEED_ID}`, { headers: { accept: 'image/png' } })).text();
    for (const ext of ['ttl', 'jsonld', 'nt', 'rdf', 'html']) expect(plain).toContain(`/record/${SEED_ID}.${ext}`);
    // /shapes has no HTML form, so a browser gets its 406 as a page.
    const res = await fetch(`${s.url}/shapes`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(406);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('<li><a href="/shapes?format=turtle" type="text/turtle">Turtle</a> <span class="type">text/turtle</span></li>');
    expect(page).toContain('<span class="type">application/ld+json</span>');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });
});
