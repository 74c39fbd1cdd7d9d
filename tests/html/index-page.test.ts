import { describe, expect, it } from 'vitest';
import { filterEntries, indexEntry, renderIndexPage, type IndexEntry } from '../../src/html/index-page.js';
import { renderErrorPage } from '../../src/html/error-page.js';
import { elementText, validationErrors } from './dom.js';
import { hostileRecord, indexPage, notAcceptablePage, seedInput } from './pages.js';
import { SEED_IRI, TEST_BASE } from '../helpers/fixtures.js';

const entries: IndexEntry[] = [
  { id: 'a', url: `${TEST_BASE}/record/a`, title: 'Spinal osteosarcoma', authors: ['Yutaro Kanda'], year: '2023' },
  { id: 'b', url: `${TEST_BASE}/record/b`, title: 'Ecology of ponds', authors: ['Ann Smith', 'Bo Li'], year: '1999' },
  { id: 'c', url: `${TEST_BASE}/record/c`, title: 'Untitled', authors: [] },
  { id: 'd', url: `${TEST_BASE}/record/d`, title: 'Über Straßen in Łódź', authors: ['Jürgen Müller', 'Søren Ærø'], year: '2001' },
  { id: 'e', url: `${TEST_BASE}/record/e`, title: 'Decomposed accents', authors: ['Jose\u0301 Mu\u0308ller'] },
];

describe('filterEntries', () => {
  it.each([
    [undefined, ['a', 'b', 'c', 'd', 'e']],
    ['', ['a', 'b', 'c', 'd', 'e']],
    ['  ', ['a', 'b', 'c', 'd', 'e']],
    ['osteo', ['a']],
    ['ponds', ['b']],
    ['KANDA', ['a']],
    ['1999', ['b']],
    ['smith ponds', ['b']],
    ['smith osteo', []],
    ['c', ['a', 'b', 'c', 'e']],
    // Accents, case and Unicode normal forms do not matter, on either side.
    ['muller', ['d', 'e']],
    ['MÜLLER', ['d', 'e']],
    ['Mu\u0308ller', ['d', 'e']],
    ['josé', ['e']],
    ['strassen lodz', ['d']],
    ['soren aero', ['d']],
    ['uber', ['d']],
  ])('%j → %j', (query, ids) => {
    expect(filterEntries(entries, query).map((e) => e.id)).toEqual(ids);
  });
});

describe('the index page', () => {
  const page = indexPage();

  it('lists each record with its title linked, its authors and year', () => {
    const seed = seedInput();
    expect(page).toContain(`<a class="title" href="${SEED_IRI}">${seed.record.title}</a>`);
    expect(page).toContain('Yutaro Kanda, Yuji Kakiuchi, Takashi Yurube et al. · 2023');
    expect(elementText(page, 'h1')).toBe('ldpub: published records');
    expect(page).toContain(`<a href="${TEST_BASE}/" aria-current="page">All records</a>`);
    expect(indexPage(TEST_BASE, 'x')).not.toContain('aria-current');
  });

  it('has a GET filter form and links to every harvesting endpoint', () => {
    expect(page).toMatch(/<form class="filter" method="get" role="search">/);
    expect(page).toContain('<input id="q" name="q" type="search" value=""');
    for (const path of ['/oai?verb=Identify', '/sitemap.xml', '/dump.nt', '/dump.jsonld', '/.well-known/void', '/records']) {
      expect(page).toContain(`href="${TEST_BASE}${path}"`);
    }
    expect(page).toContain(`curl -H 'Accept: text/turtle' \\\n  ${SEED_IRI}\n`);
  });

  it('escapes record fields and the query', () => {
    const hostile = renderIndexPage([indexEntry('x', `${TEST_BASE}/record/x`, hostileRecord())], {
      base: TEST_BASE,
      total: 1,
      query: '"><script>alert(1)</script>',
    });
    expect(hostile).not.toMatch(/<(script|img|svg|b|i)[\s>]/);
    expect(hostile).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('says how many match and caps the list', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...entries[0]!, id: `r${i}`, url: `${TEST_BASE}/record/r${i}` }));
    const capped = renderIndexPage(many, { base: TEST_BASE, total: 9, query: 'osteo', limit: 2 });
    expect(capped).toContain('5 of 9 records match “osteo”.');
    expect(capped.match(/class="title"/g)).toHaveLength(2);
    expect(capped).toContain('The first 2 are listed.');
  });

  it.each([
    ['index', () => indexPage()],
    ['index, filtered to nothing', () => indexPage(TEST_BASE, 'nothing matches this')],
    ['406', () => notAcceptablePage()],
    ['404', () => renderErrorPage(404, 'No record has the id "<nope>".')],
  ])('%s is valid HTML', async (_, render) => {
    expect(await validationErrors(render())).toEqual([]);
  });
});

describe('the error page', () => {
  it('names the status and lists the alternatives', () => {
    const page = notAcceptablePage();
    expect(elementText(page, 'h1')).toBe('406 Not Acceptable');
    expect(page).toContain(`<a href="${SEED_IRI}.ttl" type="text/turtle">Turtle</a>`);
  });

  it('escapes the message', () => {
    expect(renderErrorPage(404, '<script>x</script>')).toContain('<p>&lt;script&gt;x&lt;/script&gt;</p>');
  });
});
