// Inline markup renders as the allowed subset only, the same on the landing page and the index, every text escaped.
import { describe, expect, it } from 'vitest';
import { indexEntry, renderIndexPage } from '../../src/html/index-page.js';
import { inputFor, recordPage } from './pages.js';
import { inlineHtml } from '../../src/html/inline.js';
import { formatCitation } from '../../src/citation/index.js';
import { readRecords } from '../../src/readers/index.js';

const csl = JSON.stringify({
  type: 'article-journal',
  title: '<i>E. coli</i> and CO<sub>2</sub> at p < 0.05 </script><script>alert(1)</script> <span style="font-variant:small-caps">dna</span>',
  abstract: '<jats:p>We grew <jats:italic>E. coli</jats:italic> in &lt;b&gt; broth.</jats:p>',
  author: [{ family: 'Kanda', given: 'Yutaro' }],
});

describe('inline HTML', () => {
  const [record] = readRecords(csl, 'coli.json');

  it('renders the five styles and escapes every text node', () => {
    expect(inlineHtml(record!.titleInline, record!.title!).value).toBe(
      '<i>E. coli</i> and CO<sub>2</sub> at p &lt; 0.05 &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; <span class="sc">dna</span>',
    );
    expect(inlineHtml(record!.abstract![0]!.inline, record!.abstract![0]!.text).value).toBe('We grew <i>E. coli</i> in &lt;b&gt; broth.');
  });

  it('escapes plain text when there is no markup', () => {
    expect(inlineHtml(undefined, 'a < b & "c"').value).toBe('a &lt; b &amp; &quot;c&quot;');
  });

  it('the landing page and the index render the title the same way, and the abstract with its markup', async () => {
    const title = inlineHtml(record!.titleInline, record!.title!).value;
    const page = await recordPage(inputFor(record!, 'coli'));
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain('<p>We grew <i>E. coli</i> in &lt;b&gt; broth.</p>');
    expect(page).not.toContain('<script>alert');
    const index = renderIndexPage([indexEntry('coli', 'http://x/record/coli', record!)], { base: 'http://x', total: 1 });
    expect(index).toContain(`<a class="title" href="http://x/record/coli">${title}</a>`);
  });

  it('the HTML citation renders the same inline subset as the page', () => {
    const html = formatCitation(record!, { id: 'coli', uri: 'http://x/record/coli' }, { style: 'apa', format: 'html' });
    // APA sets this (containerless) title in italics, so the italic E. coli flips to roman, as CSL prescribes.
    expect(html).toContain('<i><span style="font-style:normal;">E. coli</span> and CO<sub>2</sub> at p &#60; 0.05 &#60;/script&#62;');
    expect(html).toContain('<span style="font-variant:small-caps;">dna</span>');
    expect(html).not.toContain('<script>');
  });
});
