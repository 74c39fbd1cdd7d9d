// The content negotiation table the static-site tests check Apache httpd and nginx against: real clients' Accept
// headers, q-value orderings, wildcards and refusals.
export const CHROME = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
export const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
export const SAFARI = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
export const RDFLIB = 'application/rdf+xml, text/turtle;q=0.9, application/n-triples;q=0.8, application/ld+json;q=0.7, */*;q=0.1';
export const JENA = 'text/turtle,application/n-triples;q=0.9,application/ld+json;q=0.8,application/rdf+xml;q=0.7,text/trig;q=0.6,*/*;q=0.5';

/** Accept headers on which Apache must pick exactly what ldpub picks (undefined: no Accept header). */
export const MUST_MATCH: Array<[string, string | undefined]> = [
  ['no Accept header', undefined],
  ['curl */*', '*/*'],
  ['Chrome', CHROME],
  ['Firefox', FIREFOX],
  ['Safari', SAFARI],
  ['rdflib', RDFLIB],
  ['Jena', JENA],
  ['text/turtle', 'text/turtle'],
  ['upper case', 'TEXT/TURTLE'],
  ['application/ld+json', 'application/ld+json'],
  ['alias application/json', 'application/json'],
  ['application/n-triples', 'application/n-triples'],
  ['application/rdf+xml', 'application/rdf+xml'],
  ['alias application/xml', 'application/xml'],
  ['alias application/x-turtle', 'application/x-turtle'],
  ['text/html', 'text/html'],
  ['application/xhtml+xml', 'application/xhtml+xml'],
  ['CSL-JSON', 'application/vnd.citationstyles.csl+json'],
  ['BibTeX', 'application/x-bibtex'],
  ['RIS', 'application/x-research-info-systems'],
  ['formatted citation', 'text/x-bibliography'],
  ['MARCXML', 'application/marcxml+xml'],
  ['application/* prefers JSON-LD', 'application/*'],
  ['q reorders: Turtle 0.5 below JSON-LD', 'text/turtle;q=0.5, application/ld+json'],
  ['q reorders: JSON-LD 0.5 below Turtle', 'application/ld+json;q=0.5, text/turtle'],
  ['client q beats server quality', 'application/n-triples, text/turtle;q=0.9'],
  ['client q beats server quality (RDF/XML)', 'application/rdf+xml, text/turtle;q=0.9'],
  ['equal q: server quality breaks the tie', 'application/n-triples;q=0.9, text/turtle;q=0.9'],
  ['equal q regardless of order', 'application/rdf+xml, application/ld+json'],
  ['q=0 excludes HTML from */*', '*/*, text/html;q=0'],
  ['most specific range decides', '*/*;q=0.5, text/turtle;q=0.4'],
  ['exact match beats a wildcard', 'text/turtle, */*'],
  ['explicit HTML at 0.9 loses to */* at 1', 'text/html;q=0.9, */*'],
  ['alias q counts for its format', 'application/json;q=0.9, text/turtle;q=0.8'],
  ['first type unsupported', 'image/png, text/turtle'],
  ['unsupported then JSON-LD at 0.8', 'application/pdf, application/ld+json;q=0.8'],
  ['unsupported type: 406', 'image/png'],
  ['only refusals: 406', '*/*;q=0'],
  ['the one type refused: 406', 'text/turtle;q=0'],
  ['not a media range: 406', 'garbage'],
];
