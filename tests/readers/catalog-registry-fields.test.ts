// The catalog text fields a library catalog shows for books: Published, ISBN, Physical Description, Rights.
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/readers/index.js';
import { parsePublished } from '../../src/readers/catalog/published.js';
import { fixtureText } from '../helpers/fixtures.js';

describe('catalog Published, ISBN, Physical Description and Rights', () => {
  const [book] = readRecords(fixtureText('registry', 'catalog-book.txt'), 'catalog-book.txt');

  it('reads a book with its place, publisher, date, ISBN-13, extent and licence', () => {
    expect(book).toMatchObject({
      type: 'book',
      publisher: 'Example Press',
      publisherPlace: 'London',
      date: '2021',
      isbns: ['9780306406157'],
      extent: 'xii, 300 p. : ill.',
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
    // "Licensed under" only leads up to the licence: it is no rights statement of its own.
    expect(book!.rights).toBeUndefined();
  });

  it.each([
    ['Licensed under https://creativecommons.org/licenses/by/4.0/', undefined],
    ['This work is distributed under the terms of the https://creativecommons.org/licenses/by/4.0/', undefined],
    ['License: https://creativecommons.org/licenses/by/4.0/', undefined],
    ['© 2021 The Authors. Published under https://creativecommons.org/licenses/by/4.0/', '© 2021 The Authors. Published under'],
    ['https://creativecommons.org/licenses/by/4.0/', undefined],
  ])('Rights: %s → the licence, and rights %j', (value, rights) => {
    const [r] = readRecords(fixtureText('registry', 'catalog-book.txt').replace(/^Rights:.*$/m, `Rights:${value}`), 'x.txt');
    expect(r!.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(r!.rights).toBe(rights);
  });

  it.each([
    ['London : Example Press, 2021', { place: 'London', publisher: 'Example Press', date: '2021' }],
    ['Cham: Springer International Publishing, c2019.', { place: 'Cham', publisher: 'Springer International Publishing', date: '2019' }],
    ['Elsevier BV', { publisher: 'Elsevier BV' }],
    ['American Physical Society (APS)', { publisher: 'American Physical Society (APS)' }],
    ['New York : Wiley, [2020]', { place: 'New York', publisher: 'Wiley', date: '2020' }],
    ['2019', { date: '2019' }],
  ])('parses "Published: %s"', (value, want) => {
    expect(parsePublished(value)).toEqual(want);
  });

  it('keeps a rights statement without a licence as text', () => {
    const text = fixtureText('registry', 'catalog-book.txt').replace(/^Rights:.*$/m, 'Rights:All rights reserved');
    const [r] = readRecords(text, 'x.txt');
    expect(r!.rights).toBe('All rights reserved');
    expect(r!.license).toBeUndefined();
  });
});
