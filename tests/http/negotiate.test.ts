// The negotiation function alone: media type parameters reach only the formats that declare them, and the memo is bounded.
import { describe, expect, it } from 'vitest';
import { allFormats } from '../../src/formats/registry.js';
import { negotiate, negotiatorFor } from '../../src/http/negotiate.js';

const formats = allFormats();

describe('negotiate', () => {
  it('passes declared parameters from the chosen range to the format', () => {
    const c = negotiate('text/x-bibliography; style=apa; locale=fr-FR; other=1', formats);
    expect(c?.format.key).toBe('citation');
    expect(c?.params).toEqual({ style: 'apa', locale: 'fr-FR' });
  });

  it('gives no parameters to formats that declare none', () => {
    expect(negotiate('application/ld+json;profile="https://schema.org"', formats)?.params).toEqual({});
  });

  it('never lets a wildcard reach a low-quality format ahead of a better one', () => {
    expect(negotiate('text/*', formats)?.format.key).toBe('turtle');
  });

  it('answers thousands of ranges without throwing', () => {
    const header = Array.from({ length: 3000 }, (_, i) => `x-${i}/y;q=0.${i % 10}`).join(', ');
    expect(negotiate(header, formats)).toBeUndefined();
    expect(negotiate(`${header}, text/turtle;q=0.1`, formats)?.format.key).toBe('turtle');
  });

  it('memoises answers, including refusals', () => {
    const pick = negotiatorFor(formats);
    expect(pick('image/png')).toBeUndefined();
    expect(pick('image/png')).toBeUndefined();
    expect(pick('text/turtle')?.format.key).toBe('turtle');
    expect(pick(undefined)?.format.key).toBe('html');
  });
});
