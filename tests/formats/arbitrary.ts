// Records made of arbitrary strings in every field, for property-based tests of the writers.
import fc from 'fast-check';
import type { Agent, Record, WorkType } from '../../src/model/record.js';

/** Pieces that break writers: XML and HTML syntax, Turtle's long quotes, every C0 and C1 control, noncharacters, lone surrogates. */
export const HOSTILE = [
  ']]>', '</script>', '<!--', '"""', "'''", '<', '>', '&', '&amp;', '"', "'", '\\', '\\u0041', '\n', '\r\n', '\r', '\t',
  '\ud800', '\udfff', '\udc00\ud800', '\ufffe', '\uffff', '\ufdd0', '\u{1fffe}', '\u{10ffff}', '\u{1f600}', '\u2028', '\u2029',
  '\u00a0', '\ufeff', 'é', 'e\u0301', '中文', '<i>E. coli</i>', 'p < 0.05', '${x}', '{{x}}', '@id', '_:b0', 'http://x',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const orcid = fc.constantFrom('0000-0002-1825-0097', '0000-0001-5109-3700', undefined);
const organization = fc.record({ name: text, ror: fc.constantFrom(undefined, 'https://ror.org/02mhbdp94') });
const person: fc.Arbitrary<Agent> = fc.record({
  kind: fc.constant('person' as const),
  family: text,
  given: maybe(text),
  suffix: maybe(text),
  orcid,
  affiliations: fc.array(organization, { maxLength: 2 }),
});
const org: fc.Arbitrary<Agent> = organization.map((o) => ({ kind: 'organization' as const, ...o }));
const agent = fc.oneof(person, org);
const TYPES: WorkType[] = ['article', 'preprint', 'conference-paper', 'chapter', 'book', 'report', 'thesis', 'dataset', 'review', 'software', 'blog-post', 'other'];

export const record: fc.Arbitrary<Record> = fc.record({
  type: fc.constantFrom(...TYPES),
  title: maybe(text),
  authors: fc.array(agent, { maxLength: 3 }),
  contributors: fc.array(agent.map((a) => ({ ...a, role: 'editor' as const })), { maxLength: 2 }),
  container: maybe(fc.record({ title: maybe(text), issns: fc.array(text, { maxLength: 2 }), volume: maybe(text), issue: maybe(text), isbns: fc.array(text, { maxLength: 1 }) })),
  locator: maybe(fc.oneof(fc.record({ kind: fc.constant('pages' as const), first: text, last: maybe(text) }), fc.record({ kind: fc.constant('article-number' as const), value: text }))),
  date: maybe(fc.oneof(text, fc.constantFrom('2023', '2023-02', '2023-02-11'))),
  language: maybe(fc.oneof(text, fc.constant('en'))),
  doi: maybe(text),
  subjects: fc.array(text, { maxLength: 3 }),
  abstract: maybe(fc.array(fc.record({ heading: maybe(text), text }), { minLength: 1, maxLength: 3 })),
  genre: maybe(text),
  publisher: maybe(text),
  publisherPlace: maybe(text),
  isbns: fc.array(text, { maxLength: 2 }),
  url: maybe(fc.oneof(text, text.map((t) => `https://example.org/${t}`))),
  institution: maybe(organization),
  edition: maybe(text),
  version: maybe(text),
  series: maybe(fc.record({ title: text, number: maybe(text) })),
  extent: maybe(text),
  license: maybe(fc.constantFrom('https://creativecommons.org/licenses/by/4.0/')),
  rights: maybe(text),
  funding: fc.array(fc.record({ funder: organization, awardNumber: maybe(text), awardTitle: maybe(text) }), { maxLength: 2 }),
  identifiers: fc.array(fc.record({ scheme: fc.constantFrom('pmid', 'arxiv', 'local'), value: text }), { maxLength: 2 }),
  relations: fc.array(fc.record({ type: fc.constantFrom('IsSupplementTo', 'Cites'), identifier: fc.record({ scheme: fc.constant('doi'), value: text }) }), { maxLength: 1 }),
  notes: fc.array(fc.record({ label: text, value: text }), { maxLength: 2 }),
});

