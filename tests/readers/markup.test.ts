// Rich text: only recognised tags are markup, entities are decoded once, and any other `<` is text.
import { describe, expect, it } from 'vitest';
import { abstractSections, decodeEntities, parseInline, plainText, richText } from '../../src/readers/shared/markup.js';

describe('plainText', () => {
  it.each([
    ['Mortality was lower (p < 0.05) when dose > 10 mg', 'Mortality was lower (p < 0.05) when dose > 10 mg'],
    ['Performance of .NET', 'Performance of .NET'],
    ['a<b and c>d', 'a<b and c>d'],
    ['<script>alert(1)</script> <meta charset="x"> <style>', '<script>alert(1)</script> <meta charset="x"> <style>'],
    ['x ]]> y """ z', 'x ]]> y """ z'],
    ['10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM7>3.0.CO;2-D', '10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM7>3.0.CO;2-D'],
    ['<i>E. coli</i> in CO<sub>2</sub>', 'E. coli in CO2'],
    ['one<jats:p>two</jats:p>three<br/>four', 'one two three four'],
    ['<mml:math><mml:mi>x</mml:mi></mml:math>-ray', 'x-ray'],
    ['AT&T &amp; R&D &nbsp;&eacute;&#233;&#xE9;', 'AT&T & R&D ééé'],
    ['&lt;i&gt;literal&lt;/i&gt;', '<i>literal</i>'],
    ['&#xD800;x&#1114112;', 'x'],
  ])('%j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});

describe('inline nodes', () => {
  it('parses the allowed subset, nesting kept, stray closing tags dropped', () => {
    expect(parseInline('a<i>b<b>c</b></i>d</sup>')).toEqual(['a', { style: 'i', children: ['b', { style: 'b', children: ['c'] }] }, 'd']);
    expect(richText('<em>x</em> <strong>y</strong> <sc>z</sc> <jats:sup>2</jats:sup>').inline).toEqual([
      { style: 'i', children: ['x'] }, ' ', { style: 'b', children: ['y'] }, ' ', { style: 'sc', children: ['z'] }, ' ', { style: 'sup', children: ['2'] },
    ]);
  });

  it('a span closes its own span: nocase inside small caps, small caps inside nocase', () => {
    expect(richText('<span style="font-variant:small-caps;">A <span class="nocase">b</span> c</span> d').inline).toEqual([
      { style: 'sc', children: ['A b c'] },
      ' d',
    ]);
  });

  it('keeps no inline nodes for plain text', () => {
    expect(richText('just text & more')).toEqual({ text: 'just text & more' });
  });

  it('decodes entities once: "&amp;lt;" is the text "&lt;"', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});

describe('JATS abstracts', () => {
  it('one section per <sec> with its title as heading, inline markup kept', () => {
    const jats = '<jats:sec><jats:title>Background</jats:title><jats:p>We grew <jats:italic>E. coli</jats:italic>.</jats:p></jats:sec>' +
      '<jats:sec><jats:title>Results</jats:title><jats:p>p < 0.05</jats:p></jats:sec>';
    expect(abstractSections(jats)).toEqual([
      { heading: 'Background', text: 'We grew E. coli.', inline: ['We grew ', { style: 'i', children: ['E. coli'] }, '.'] },
      { heading: 'Results', text: 'p < 0.05' },
    ]);
    expect(abstractSections('<jats:title>Abstract</jats:title><jats:p>Plain.</jats:p>')).toEqual([{ text: 'Plain.' }]);
  });
});
