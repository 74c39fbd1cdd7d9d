import { describe, expect, it } from 'vitest';
import { parseAs, canonical } from '../helpers/graph.js';
import { writeJsonLd } from '../../src/formats/jsonld.js';
import { STYLESHEET, STYLESHEET_HASH } from '../../src/html/style.js';
import { contentSecurityPolicy } from '../../src/html/csp.js';
import { createHash } from 'node:crypto';
import { elementText, jsonLdText, metaValues, validationErrors } from './dom.js';
import { contextFor, hostileRecord, inputFor, recordPage, seedInput, XSS_ID } from './pages.js';
import { renderRecordPage } from '../../src/html/record-page.js';
import { escapeHtml } from '../../src/html/escape.js';
import { fixtureText, SEED_IRI, TEST_BASE } from '../helpers/fixtures.js';
import { emptyRecord, type Record } from '../../src/model/record.js';

const seed = seedInput();
const page = await recordPage(seed);

describe('the seed record page: Highwire tags for Google Scholar', () => {
  it.each([
    ['citation_title', [seed.record.title]],
    ['citation_publication_date', ['2023']],
    ['citation_journal_title', ['Clinical medicine insights. Case reports']],
    ['citation_issn', ['1179-5476']],
    ['citation_volume', ['16']],
    ['citation_issue', []],
    ['citation_firstpage', ['11795476231171891']],
    ['citation_lastpage', []],
    ['citation_doi', ['10.1177/11795476231171891']],
    ['citation_language', ['en']],
    ['citation_abstract_html_url', [SEED_IRI]],
  ])('%s', (name, expected) => {
    expect(metaValues(page, name)).toEqual(expected);
  });

  it('lists the seven authors in order as "Family, Given"', () => {
    expect(metaValues(page, 'citation_author')).toEqual([
      'Kanda, Yutaro',
      'Kakiuchi, Yuji',
      'Yurube, Takashi',
      'Takeoka, Yoshiki',
      'Miyazaki, Kunihiko',
      'Kuroda, Ryosuke',
      'Kakutani, Kenichiro',
    ]);
  });
});

describe('the seed record page: other head metadata', () => {
  it.each([
    ['DC.title', [seed.record.title]],
    ['DC.date', ['2023']],
    ['DC.language', ['en']],
    ['DC.identifier', [SEED_IRI, 'https://doi.org/10.1177/11795476231171891']],
    ['og:type', ['article']],
    ['og:url', [SEED_IRI]],
    ['og:title', [seed.record.title]],
    ['og:site_name', ['ldpub']],
  ])('%s', (name, expected) => {
    expect(metaValues(page, name)).toEqual(expected);
  });

  it('has lang, title, canonical, DC schema link, alternates and signposting', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(elementText(page, 'title')).toBe(seed.record.title);
    expect(page).toContain(`<link rel="canonical" href="${SEED_IRI}">`);
    expect(page).toContain('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">');
    for (const [ext, type] of [['ttl', 'text/turtle'], ['jsonld', 'application/ld+json'], ['nt', 'application/n-triples'], ['rdf', 'application/rdf+xml']]) {
      expect(page).toContain(`<link rel="alternate" href="${SEED_IRI}.${ext}" type="${type}">`);
      expect(page).toContain(`<link rel="describedby" href="${SEED_IRI}.${ext}" type="${type}">`);
    }
    expect(page).toContain('<link rel="cite-as" href="https://doi.org/10.1177/11795476231171891">');
    expect(page).toContain('<link rel="type" href="http://schema.org/ScholarlyArticle">');
    expect(page).toContain('<link rel="type" href="http://schema.org/AboutPage">');
    expect(metaValues(page, 'description')[0]).toMatch(/^Background: Primary spinal osteosarcoma/);
  });
});

describe('the seed record page: body', () => {
  it('shows one h1, the journal line, the DOI link and the abstract headings in order', () => {
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(elementText(page, 'h1')).toBe(seed.record.title);
    expect(page).toContain('<p class="authors"><span class="author">Yutaro Kanda</span>, <span class="author">Yuji Kakiuchi</span>, ');
    expect(page).toContain('<cite>Clinical medicine insights. Case reports</cite> · Volume 16 · Article 11795476231171891 · <time datetime="2023">2023</time>');
    // A line may break only after a slash: never inside the DOI's suffix.
    expect(page).toContain('<a href="https://doi.org/10.1177/11795476231171891">https:/<wbr>/<wbr>doi.org/<wbr>10.1177/<wbr>11795476231171891</a>');
    expect([...page.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1])).toEqual(['Background', 'Case presentation', 'Conclusions']);
    // "English" is an English word on an English page: no lang attribute marks it.
    expect(page).toContain('<dt>Language</dt><dd>English</dd>');
    expect(page).not.toMatch(/<span lang=/);
    expect(page).toContain(`<a href="${SEED_IRI}/validation">Validation report</a>`);
  });

  it('cites the record in APA by the shipped CSL style', () => {
    const apa = fixtureText('citation', 'seed.apa.txt').trim();
    expect(apa).toContain('16, Article 11795476231171891.');
    expect(page).toContain(`<p class="style">APA</p>\n<p class="citation">${escapeHtml(apa)}</p>`);
  });

  it('links the reference downloads and the formatted citation in each shipped style', () => {
    for (const [ext, type, label] of [['json', 'application/vnd.citationstyles.csl+json', 'CSL-JSON'], ['bib', 'application/x-bibtex', 'BibTeX'], ['ris', 'application/x-research-info-systems', 'RIS']]) {
      expect(page).toContain(`<a href="${SEED_IRI}.${ext}" type="${type}">${label}</a>`);
      expect(page).toContain(`<link rel="alternate" href="${SEED_IRI}.${ext}" type="${type}">`);
    }
    expect(page).toContain(`<a href="${SEED_IRI}.txt?style=nlm-citation-sequence" type="text/x-bibliography">Vancouver</a>`);
  });

  it('falls back to a plain citation built from the record', async () => {
    const { citation: _, ...context } = contextFor(seed);
    const plain = await renderRecordPage(seed, context);
    expect(plain).toContain(
      '<p class="citation">Kanda Y, Kakiuchi Y, Yurube T, Takeoka Y, Miyazaki K, Kuroda R, et al. The Combination of Separation Surgery',
    );
    expect(plain).toContain('Clinical medicine insights. Case reports. 2023;16:11795476231171891. doi:10.1177/11795476231171891</p>');
  });

  it('has header, nav, main and footer landmarks, and no executable script', () => {
    for (const tag of ['<header', '<nav', '<main', '<footer']) expect(page).toContain(tag);
    expect(page.match(/<script/g)).toEqual(['<script']);
  });
});

describe('the JSON-LD block', () => {
  it('uses the schema.org context and expresses the same graph as the .jsonld representation', async () => {
    const text = jsonLdText(page);
    expect(JSON.parse(text)['@context']).toBe('https://schema.org');
    const fromPage = await canonical(await parseAs('application/ld+json', text));
    const fromJsonLd = await canonical(await parseAs('application/ld+json', await writeJsonLd(seed.quads, seed.iri)));
    expect(fromPage).toBe(fromJsonLd);
    expect(fromPage).toBe(await canonical(seed.quads));
  });
});

describe('a record whose fields hold markup', () => {
  const hostile = hostileRecord();
  const input = inputFor(hostile, XSS_ID);

  it('renders every field as text', async () => {
    const xss = await recordPage(input);
    expect(xss.match(/<script/g)).toEqual(['<script']);
    expect(xss.match(/<\/script>/g)).toEqual(['</script>']);
    expect(xss).not.toMatch(/<(img|svg|b|i)[\s>]/);
    expect(xss).not.toContain('<!-- end');
    expect(elementText(xss, 'title')).toBe(hostile.title);
    expect(elementText(xss, 'h1')).toBe(hostile.title);
    expect(metaValues(xss, 'citation_title')).toEqual([hostile.title]);
    expect(metaValues(xss, 'citation_author')[0]).toBe(`O'Brien <b>bold</b>, "Eve" & <i>Mallory</i>`);
    expect(metaValues(xss, 'citation_volume')).toEqual([hostile.container?.volume]);
  });

  it('keeps the JSON-LD block closed and the graph intact', async () => {
    const xss = await recordPage(input);
    const text = jsonLdText(xss);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(await canonical(await parseAs('application/ld+json', text))).toBe(await canonical(input.quads));
  });

  it('is valid HTML', async () => {
    expect(await validationErrors(await recordPage(input))).toEqual([]);
  });
});

describe('a record in another language', () => {
  it('keeps the page English and marks only the record\'s own text (title, abstract, subjects) with its language', async () => {
    const german = await recordPage(inputFor({ ...hostileRecord(), language: 'de', subjects: ['Wirbelsäule'], abstract: [{ heading: 'Hintergrund', text: 'Ein Text.' }] }, 'de-record'));
    expect(german).toContain('<html lang="en">');
    expect(german).toMatch(/<h1 lang="de">/);
    expect(german).toContain('<h2 id="abstract">Abstract</h2>\n<div lang="de">\n<h3>Hintergrund</h3>');
    expect(german).toContain('<ul class="subjects" lang="de"><li>Wirbelsäule</li></ul>');
    // The labels are the page's English: nothing around them says German.
    for (const label of ['<h2 id="cite">Cite this</h2>', '<dt>Language</dt><dd>German</dd>', '<h2 id="formats">This record as data</h2>']) expect(german).toContain(label);
    expect(german.match(/lang="de"/g)).toHaveLength(3);
    expect(page).toContain('<header class="site">');
    expect(page).not.toContain('lang="de"');
  });
});

describe('records with little or odd data', () => {
  const cases: [string, Record][] = [
    ['an empty record', emptyRecord()],
    ['an organisation, a page range, an unknown language', {
      ...emptyRecord('report'),
      title: 'Scientific opinion',
      authors: [{ kind: 'organization', name: 'EFSA Panel on Food Additives' }],
      container: { title: 'EFSA Journal', issns: [], volume: '9', issue: '12' },
      locator: { kind: 'pages', first: '2481', last: '2481' },
      date: 'Winter 2011',
      language: 'Klingonese??',
      subjects: ['food', 'additives'],
      abstract: [{ text: 'An unstructured abstract.' }],
      contributors: [{ kind: 'person', family: 'Editor' }],
      isbns: ['978-3-16-148410-0'],
      publisher: 'Wiley',
    }],
  ];

  it.each(cases)('%s renders valid HTML', async (_, record) => {
    const rendered = await recordPage(inputFor(record, 'odd'));
    expect(await validationErrors(rendered)).toEqual([]);
    expect(rendered.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('shows what it has and leaves out what it lacks', async () => {
    const [, record] = cases[1]!;
    const rendered = await recordPage(inputFor(record, 'odd'));
    expect(rendered).toContain('<html lang="en">');
    expect(rendered).toContain('<dt>Language</dt><dd>Klingonese??</dd>');
    expect(rendered).toContain('<cite>EFSA Journal</cite> · Volume 9 · Issue 12 · Page 2481 · Winter 2011');
    expect(metaValues(rendered, 'citation_publication_date')).toEqual(['2011']);
    expect(metaValues(rendered, 'citation_firstpage')).toEqual(['2481']);
    expect(metaValues(rendered, 'citation_lastpage')).toEqual(['2481']);
    expect(metaValues(rendered, 'citation_keywords')).toEqual(['food; additives']);
    expect(metaValues(rendered, 'citation_doi')).toEqual([]);
    expect(rendered).toContain(`<link rel="cite-as" href="${TEST_BASE}/record/odd">`);
    expect(rendered).toContain('<link rel="type" href="http://schema.org/Report">');
  });
});

describe('HTML validity and the CSP', () => {
  it('the seed page has no html-validate errors', async () => {
    expect(await validationErrors(page)).toEqual([]);
  });

  it('allows exactly the inline stylesheet, by hash, and no script', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1];
    expect(style).toBe(STYLESHEET);
    const hash = `'sha256-${createHash('sha256').update(style ?? '').digest('base64')}'`;
    expect(hash).toBe(STYLESHEET_HASH);
    const csp = contentSecurityPolicy();
    expect(csp).toContain(`style-src ${hash}`);
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).not.toMatch(/script-src|unsafe/);
  });
});

describe('a record with the fields catalogs and registries carry', () => {
  const record: Record = {
    ...emptyRecord('thesis'),
    title: 'A multiscale analysis of the urban heat island effect',
    authors: [{ kind: 'person', family: 'Toparlar', given: 'Y.', orcid: '0000-0002-1825-0097', affiliations: [{ name: 'Eindhoven University of Technology', ror: 'https://ror.org/02c2kyt77' }] }],
    contributors: [
      { kind: 'person', family: 'Blocken', given: 'Bert', role: 'supervisor' },
      { kind: 'person', family: 'Ed', given: 'Ann', role: 'editor' },
      { kind: 'person', family: 'Helper', given: 'Hal', role: 'data-curator' },
    ],
    institution: { name: 'Technische Universiteit Eindhoven', ror: 'https://ror.org/02c2kyt77' },
    isbns: ['9789038645032'],
    publisher: 'Technische Universiteit Eindhoven',
    publisherPlace: 'Eindhoven',
    edition: '1',
    series: { title: 'Bouwstenen', number: '245' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
    funding: [{ funder: { name: 'NWO', iri: 'https://doi.org/10.13039/501100003246' }, awardNumber: '12345' }],
    date: '2018-04-25',
    language: 'en',
  };

  it('shows roles, institution, ISBN, publisher and place, edition, series, licence link, funding, ORCID and affiliations', async () => {
    const rendered = await recordPage(inputFor(record, 'thesis'));
    for (const part of [
      '<dt>Supervisor</dt><dd><span class="author">Bert Blocken</span></dd>',
      '<dt>Editor</dt><dd><span class="author">Ann Ed</span></dd>',
      '<dt>Contributor</dt><dd><span class="author">Hal Helper</span> (data curator)</dd>',
      '<dt>Institution</dt><dd><a href="https://ror.org/02c2kyt77">Technische Universiteit Eindhoven</a></dd>',
      '<dt>ISBN</dt><dd>9789038645032</dd>',
      '<dt>Publisher</dt><dd>Technische Universiteit Eindhoven, Eindhoven</dd>',
      '<dt>Edition</dt><dd>1</dd>',
      '<dt>Series</dt><dd>Bouwstenen; 245</dd>',
      '<dt>Licence</dt><dd><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></dd>',
      '<li><a href="https://doi.org/10.13039/501100003246">NWO</a>, award 12345</li>',
      '<a class="orcid" href="https://orcid.org/0000-0002-1825-0097"',
      '<li>Y. Toparlar: <a href="https://ror.org/02c2kyt77">Eindhoven University of Technology</a></li>',
    ]) expect(rendered).toContain(part);
    expect(metaValues(rendered, 'citation_dissertation_institution')).toEqual(['Technische Universiteit Eindhoven']);
    expect(metaValues(rendered, 'citation_journal_title')).toEqual([]);
    expect(await validationErrors(rendered)).toEqual([]);
  });

  it('never links a licence that is not an http(s) URL', async () => {
    const rendered = await recordPage(inputFor({ ...record, license: 'javascript:alert(1)' }, 'thesis'));
    expect(rendered).toContain('<dt>Licence</dt><dd>javascript:alert(1)</dd>');
    expect(rendered).not.toContain('href="javascript:');
  });
});

describe('the page on a phone and on paper', () => {
  it('lets a DOI break only where the markup allows (after slashes), not anywhere', () => {
    expect(STYLESHEET).toMatch(/\.doi\{[^}]*overflow-wrap:normal/);
    expect(STYLESHEET).not.toMatch(/\.doi\{[^}]*anywhere/);
  });

  it('prints without the navigation and the lists of format links', () => {
    const print = /@media print\{([^{]*)\{display:none\}/.exec(STYLESHEET)?.[1] ?? '';
    for (const selector of ['nav', 'header.site', 'section.formats', '.styles', '.downloads', 'ul.links']) expect(print.split(',')).toContain(selector);
    expect(page).toContain('<section class="formats" aria-labelledby="formats">');
    expect(page).toMatch(/<p class="styles">In other styles: /);
    expect(page).toMatch(/<p class="downloads">Download the reference: /);
  });

  it('links "Dataset description" to the HTML index section that lists the VoID and the dumps, not to a download', () => {
    expect(page).toContain(`<a href="${TEST_BASE}/#machines">Dataset description</a>`);
    expect(page).not.toContain('/.well-known/void">Dataset description');
  });
});
