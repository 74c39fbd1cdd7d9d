import { describe, expect, it } from 'vitest';
import { renderValidationPage } from '../../src/html/validation-page.js';
import { elementText, validationErrors } from './dom.js';
import { SEED_IRI } from '../helpers/fixtures.js';
import { SAMPLE_REPORT } from './pages.js';


describe('the validation report page', () => {
  it('says the record conforms when it does', () => {
    const page = renderValidationPage({ conforms: true, results: [] }, { iri: SEED_IRI, title: 'A title' });
    expect(page).toContain('The record conforms to the shapes');
    expect(page).not.toContain('<table>');
    expect(elementText(page, 'h1')).toBe('Validation report');
  });

  it('lists results most severe first, escaped', () => {
    const page = renderValidationPage(SAMPLE_REPORT, { iri: SEED_IRI });
    expect(page).toContain('1 violation(s), 1 warning(s), 1 note(s). It is not published.');
    const severities = [...page.matchAll(/<tr><td>(\w+)<\/td>/g)].map((m) => m[1]);
    expect(severities).toEqual(['Violation', 'Warning', 'Info']);
    expect(page).toContain('<td>&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(page).toContain('<td class="data">1234-567&lt;X&gt;</td>');
    expect(page).toContain('<td class="data">http://schema.org/abstract</td>');
    expect(page.match(/<script/g)).toBeNull();
  });

  it.each([
    ['conforming', { conforms: true, results: [] }],
    ['with results', SAMPLE_REPORT],
  ])('is valid HTML (%s)', async (_, report) => {
    const page = renderValidationPage(report, { iri: SEED_IRI, formats: [{ label: 'Turtle', mediaType: 'text/turtle', url: `${SEED_IRI}/validation.ttl` }] });
    expect(await validationErrors(page)).toEqual([]);
  });
});
