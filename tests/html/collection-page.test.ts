// The collection page: valid HTML on the shared layout, links to every neighbour page, and names shown as text.
import { describe, expect, it } from 'vitest';
import { renderCollectionPage } from '../../src/html/collection-page.js';
import { validationErrors } from './dom.js';

const page = renderCollectionPage({
  page: 2,
  pages: 3,
  totalItems: 250,
  view: 'http://localhost:3000/records?page=2',
  first: 'http://localhost:3000/records?page=1',
  previous: 'http://localhost:3000/records?page=1',
  next: 'http://localhost:3000/records?page=3',
  last: 'http://localhost:3000/records?page=3',
  members: [
    { iri: 'http://localhost:3000/record/a', name: '<script>alert(1)</script> & "more"' },
    { iri: 'http://localhost:3000/record/b' },
  ],
  home: 'http://localhost:3000/',
});

describe('renderCollectionPage', () => {
  it('is valid HTML', async () => {
    expect(await validationErrors(page)).toEqual([]);
  });

  it('escapes member names and links every neighbour page', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(page).not.toContain('<script>alert');
    for (const rel of ['first', 'prev', 'next', 'last']) expect(page).toMatch(new RegExp(`<a rel="${rel}" href="http://localhost:3000/records\\?page=\\d">`));
    expect(page).toContain('<a href="http://localhost:3000/record/b">http://localhost:3000/record/b</a>');
    expect(page).toContain('href="http://localhost:3000/records?page=2&amp;format=jsonld"');
  });
});
