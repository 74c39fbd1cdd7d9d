import { describe, expect, it } from 'vitest';
import { readRecords, readFile } from '../../src/readers/index.js';
import { crossrefXmlReader } from '../../src/readers/crossref-xml.js';
import { isLdpubError, type LdpubError } from '../../src/errors.js';
import { fixtureText } from '../helpers/fixtures.js';

const made = readRecords(fixtureText('registry', 'crossref-book-chapter.xml'), 'made.xml');
const byDoi = (doi: string) => made.find((r) => r.doi === doi)!;

describe('Crossref XML', () => {
  it('reads every work of a doi_records file, each as its own kind', () => {
    expect(made.map((r) => [r.type, r.doi])).toEqual([
      ['chapter', '10.5555/handbook.ch7'],
      ['conference-paper', '10.5555/ses.2022.1'],
      ['thesis', '10.5555/thesis.1'],
      ['report', '10.5555/report.2020'],
    ]);
  });

  it('puts a chapter in its book, with the book ISBN, publisher and editor', () => {
    const ch = byDoi('10.5555/handbook.ch7');
    expect(ch.container).toEqual({ kind: 'book', title: 'Handbook of Analytical Engines: Theory and practice', isbns: ['9780306406157'], issns: [] });
    expect(ch.publisher).toBe('Example Press');
    expect(ch.publisherPlace).toBe('London');
    expect(ch.contributors).toContainEqual(expect.objectContaining({ family: 'Lovelace', role: 'editor', orcid: '0000-0002-1825-0097' }));
    expect(ch.locator).toEqual({ kind: 'pages', first: '101', last: '120' });
    expect(ch.date).toBe('2021-03-05');
  });

  it('orders authors by sequence="first", keeps ORCID and ROR affiliations, and roles apart', () => {
    const ch = byDoi('10.5555/handbook.ch7');
    expect(ch.authors.map((a) => (a.kind === 'person' ? a.family : a.name))).toEqual(['Babbage', 'Hopper']);
    expect(ch.authors[0]).toMatchObject({ orcid: '0000-0001-5109-3700', affiliations: [{ name: 'University of Cambridge', ror: 'https://ror.org/013meh722' }] });
    expect(ch.contributors.map((c) => c.role)).toEqual(['translator', 'editor']);
  });

  it('keeps title markup as Inline[] and the plain text in title', () => {
    const ch = byDoi('10.5555/handbook.ch7');
    expect(ch.title).toBe('The CO2 cost of difference engines & mills');
    expect(ch.titleInline).toEqual(['The CO', { style: 'sub', children: ['2'] }, ' cost of ', { style: 'b', children: ['difference'] }, ' engines & ', { style: 'sc', children: ['mills'] }]);
  });

  it('turns a structured JATS abstract into headed sections, with inline markup and CDATA', () => {
    const ch = byDoi('10.5555/handbook.ch7');
    expect(ch.abstract).toEqual([
      { heading: 'Background', text: 'Engines emit CO2 at every turn.', inline: ['Engines emit CO', { style: 'sub', children: ['2'] }, ' at ', { style: 'i', children: ['every'] }, ' turn.'] },
      { heading: 'Results', text: 'We measured x < y in 103 runs.', inline: ['We measured x < y in 10', { style: 'sup', children: ['3'] }, ' runs.'] },
    ]);
  });

  it('reads funding with funder id and award, the licence and relations', () => {
    const ch = byDoi('10.5555/handbook.ch7');
    expect(ch.funding).toEqual([{ funder: { name: 'European Research Council', iri: 'https://doi.org/10.13039/501100000781' }, awardNumber: 'ERC-2020-123' }]);
    expect(ch.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(ch.relations).toEqual([{ type: 'IsTranslationOf', identifier: { scheme: 'doi', value: '10.5555/original' } }]);
  });

  it('reads a dissertation with its institution and a report with its own', () => {
    const t = byDoi('10.5555/thesis.1');
    expect(t.institution).toEqual({ name: 'West Virginia University', ror: 'https://ror.org/011vxgd24' });
    expect(t.genre).toBe('PhD');
    expect(t.date).toBe('2019-06');
    const r = byDoi('10.5555/report.2020');
    expect(r.authors).toEqual([{ kind: 'organization', name: 'Example Agency' }]);
    expect(r.institution).toEqual({ name: 'Example Agency' });
    expect(r.notes).toContainEqual({ label: 'contract number', value: 'EA-42' });
  });

  it('puts a conference paper in its proceedings', () => {
    const p = byDoi('10.5555/ses.2022.1');
    expect(p.container).toEqual({ kind: 'proceedings', title: 'Proceedings of the Symposium on Example Systems', isbns: ['9783161484100'], issns: [] });
    expect(p.publisher).toBe('Example Society');
  });

  it('reads the corpus eLife article: article number, six funders once each, CC BY licence, relation, affiliations', () => {
    const [r] = readRecords(fixtureText('gold', 'elife-01567', 'crossref-unixsd.xml'), 'elife.xml');
    expect(r!.locator).toEqual({ kind: 'article-number', value: 'e01567' });
    expect(r!.funding.map((f) => f.funder.name)).toEqual(['SystemsX', 'EMBO longterm post-doctoral fellowships', 'Marie Heim-Voegtlin', 'University of Lausanne', 'EMBO', 'Swiss National Science Foundation']);
    expect(r!.funding[3]!.funder.iri).toBe('https://doi.org/10.13039/501100006390');
    expect(r!.license).toBe('http://creativecommons.org/licenses/by/3.0/');
    expect(r!.relations).toContainEqual({ type: 'IsSupplementedBy', identifier: { scheme: 'doi', value: '10.5061/dryad.b835k' } });
    expect(r!.authors[0]).toMatchObject({ family: 'Sankar', affiliations: [{ name: 'Department of Plant Molecular Biology, University of Lausanne, Lausanne, Switzerland' }] });
    expect(r!.publisher).toBe('eLife Sciences Publications, Ltd');
    expect(r!.abstract).toHaveLength(1);
  });

  it('reads markup a deposit escaped twice in a corpus title (the Copernicus preprint)', () => {
    const [r] = readRecords(fixtureText('crossref-xml', '10.5194_cp-2020-95.xml'), 'cp.xml');
    expect(r!.type).toBe('preprint');
    expect(r!.title).toBe('The Atmospheric Bridge Communicated the δ13C Decline during the Last Deglaciation to the Global Upper Ocean');
    expect(r!.titleInline).toEqual(['The Atmospheric Bridge Communicated the δ', { style: 'sup', children: ['13'] }, 'C Decline during the Last Deglaciation to the Global Upper Ocean']);
  });

  it('reads the same record from a unixsd query result and from a 5.3.1 deposit', () => {
    const [a] = readRecords(fixtureText('gold', 'elife-01567', 'crossref-unixsd.xml'), 'a.xml');
    const [b] = readRecords(fixtureText('gold', 'elife-01567', 'expected-crossref-deposit-5.3.1.xml'), 'b.xml');
    expect(b!.title).toBe(a!.title);
    expect(b!.authors.map((x) => x.kind === 'person' && x.family)).toEqual(a!.authors.map((x) => x.kind === 'person' && x.family));
  });
});

describe('Crossref query results with many records', () => {
  const query = (doi: string, body: string, status = 'resolved') =>
    `<query status="${status}"><doi type="book_title">${doi}</doi>${body ? `<doi_record><crossref xmlns="http://www.crossref.org/xschema/1.1">${body}</crossref></doi_record>` : ''}</query>`;
  const book = (doi: string, title: string) =>
    `<book book_type="monograph"><book_metadata language="en"><contributors><person_name contributor_role="author" sequence="first"><given_name>A</given_name><surname>Author</surname></person_name></contributors><titles><title>${title}</title></titles><publication_date><year>2020</year></publication_date><isbn>978-3-16-148410-0</isbn><publisher><publisher_name>P</publisher_name></publisher><doi_data><doi>${doi}</doi><resource>https://example.org/b</resource></doi_data></book_metadata></book>`;
  const file = `<?xml version="1.0"?><crossref_result xmlns="http://www.crossref.org/qrschema/3.0" version="3.0"><query_result><body>${[
    query('10.5555/b1', book('10.5555/b1', 'First book')),
    query('10.5555/missing', '', 'unresolved'),
    query('10.5555/b2', book('10.5555/b2', 'Second book')),
  ].join('')}</body></query_result></crossref_result>`;

  it('reads each resolved query as a record, a book without chapters as a book, and reports the unresolved one', () => {
    const report = readFile(file, 'result.xml');
    expect(report.records.map((r) => [r.type, r.title, r.isbns])).toEqual([
      ['book', 'First book', ['9783161484100']],
      ['book', 'Second book', ['9783161484100']],
    ]);
    expect(report.errors.map((p) => p.toLine())).toEqual([
      expect.stringMatching(/^result\.xml: line 1 "10\.5555\/missing": the Crossref query was not resolved \(status "unresolved"\) \[LDPUB_NOT_A_RECORD\]$/),
    ]);
  });
});

describe('bad Crossref XML', () => {
  it('keeps the records before the damage and names the file, the record, the element, line and column of it', () => {
    const report = readFile(fixtureText('registry', 'crossref-malformed.xml'), 'crossref-malformed.xml');
    expect(report.records.map((r) => r.title)).toEqual(['A preprint read before the damage']);
    expect(report.errors).toHaveLength(1);
    const line = report.errors[0]!.toLine();
    expect(line).toBe('crossref-malformed.xml record 2 (<doi_record> at line 25): <posted_content/titles/title> at line 29, column 37: not well-formed XML: unexpected close tag. [LDPUB_BAD_SYNTAX]');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('reads on after a damaged record: the records after it are read too', () => {
    const report = readFile(fixtureText('registry', 'crossref-damaged-middle.xml'), 'damaged.xml');
    expect(report.records.map((r) => [r.title, r.doi, r.authors[0]?.kind === 'person' ? r.authors[0].family : undefined])).toEqual([
      ['A preprint read before the damage', '10.5555/preprint.1', 'Franklin'],
      ['A preprint read after the damage', '10.5555/preprint.3', 'Hodgkin'],
    ]);
    expect(report.errors.map((e) => e.toLine())).toEqual([
      'damaged.xml record 2 (<doi_record> at line 25): <posted_content/titles/title> at line 29, column 37: not well-formed XML: unexpected close tag. [LDPUB_BAD_SYNTAX]',
    ]);
    // In a query result, whose records sit deeper and whose namespace is on the root, and with two damaged ones.
    const elife = fixtureText('gold', 'elife-01567', 'crossref-unixsd.xml');
    const start = elife.indexOf('      <query ');
    const end = elife.indexOf('</query>') + '</query>'.length;
    const query = elife.slice(start, end);
    const damaged = query.replace('<title>Automated', '<title><i>Automated');
    const doc = elife.slice(0, start) + [query, damaged, query.replace('Automated quantitative', 'Manual quantitative'), damaged, query.replace('Automated quantitative', 'Last quantitative')].join('\n') + elife.slice(end);
    const many = readFile(doc, 'result.xml');
    expect(many.records.map((r) => r.title?.split(' ')[0])).toEqual(['Automated', 'Manual', 'Last']);
    expect(many.records.every((r) => r.funding.length === 6 && r.doi === '10.7554/elife.01567')).toBe(true);
    expect(many.errors.map((e) => e.toLine())).toEqual([
      expect.stringMatching(/^result\.xml record 2 \(<query> at line \d+\): <journal_article\/titles\/title> at line \d+, column \d+: not well-formed XML: .+ \[LDPUB_BAD_SYNTAX\]$/),
      expect.stringMatching(/^result\.xml record 4 \(<query> at line \d+\): <journal_article\/titles\/title> /),
    ]);
    const lines = many.errors.map((e) => Number(/at line (\d+)\)/.exec(e.toLine())![1]));
    expect(lines.map((n) => doc.split('\n')[n - 1]!.trim().slice(0, 7))).toEqual(['<query ', '<query ']);
  });

  it('refuses a file that breaks before any record, with one line', () => {
    let error: LdpubError | undefined;
    try {
      readRecords('<?xml version="1.0"?>\n<doi_records>\n  <doi_record><crossref><journal></crossref>', 'broken.xml');
    } catch (e) {
      if (isLdpubError(e)) error = e;
    }
    expect(error?.code).toBe('LDPUB_BAD_SYNTAX');
    expect(error?.toLine()).toMatch(/^broken\.xml record 1 \(<doi_record> at line 3\): <crossref> at line 3, column \d+: not well-formed XML/);
  });

  it('refuses an XML file of a format it does not read, naming the root element', () => {
    expect(() => readRecords('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'feed.xml')).toThrowError(/no format ldpub reads/);
  });

  it('sniffs Crossref XML without an extension', () => {
    expect(crossrefXmlReader.sniff(fixtureText('gold', 'elife-01567', 'crossref-unixsd.xml'))).toBe(true);
    expect(readRecords(fixtureText('gold', 'elife-01567', 'crossref-unixsd.xml'), 'record')[0]!.doi).toBe('10.7554/elife.01567');
  });
});

describe('ldpub convert on a damaged many-record file', () => {
  it('writes the records it could read, one line per record it could not, and exits 1', async () => {
    const { run } = await import('../../src/commands/convert.js');
    const { runCommand } = await import('../helpers/cli.js');
    const { fixturePath } = await import('../helpers/fixtures.js');
    const file = fixturePath('registry', 'crossref-malformed.xml');
    const r = await runCommand(run, [file, '--to', 'ntriples', '--no-validate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('A preprint read before the damage');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ldpub convert: .*crossref-malformed\.xml record 2 \(<doi_record> at line 25\): <posted_content\/titles\/title> at line 29, column \d+: not well-formed XML: .* \[LDPUB_BAD_SYNTAX\]$/)]);
  });
});
