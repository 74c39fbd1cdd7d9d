import { describe, expect, it } from 'vitest';
import { readRecords, readFile } from '../../src/readers/index.js';
import { isLdpubError, type LdpubError } from '../../src/errors.js';
import { fixtureText } from '../helpers/fixtures.js';

const one = (dir: string, ...file: string[]) => {
  const records = readRecords(fixtureText(dir, ...file), file[file.length - 1]!);
  expect(records).toHaveLength(1);
  return records[0]!;
};

describe('DataCite XML', () => {
  it('reads creators with ORCID and ROR affiliations, a contributor role, subtitle, rights, funding and sizes', () => {
    const r = one('datacite-xml', 'datacite-example-affiliation.xml');
    expect(r.type).toBe('software');
    expect(r.title).toBe('Full DataCite XML Example: Demonstration of DataCite Properties.');
    expect(r.authors[1]).toEqual({
      kind: 'person', family: 'Carberry', given: 'Josiah', orcid: '0000-0002-1825-0097',
      affiliations: [{ name: 'Brown University', ror: 'https://ror.org/05gq02987' }, { name: 'Wesleyan University', iri: 'https://www.grid.ac/institutes/grid.268117.b' }],
    });
    expect(r.authors[2]).toEqual({ kind: 'organization', name: 'The Psychoceramics Study Group' });
    expect(r.contributors[0]).toMatchObject({ family: 'Starr', role: 'project-leader' });
    expect(r.license).toBe('https://creativecommons.org/publicdomain/zero/1.0/legalcode');
    expect(r.funding).toEqual([{ funder: { name: 'National Science Foundation', iri: 'https://doi.org/10.13039/100000001' }, awardNumber: 'CBET-106', awardTitle: 'Full DataCite XML Example' }]);
    expect(r.extent).toBe('4 kB');
    expect(r.version).toBe('4.2');
    expect(r.relations).toContainEqual({ type: 'IsReviewedBy', identifier: { scheme: 'arxiv', value: 'arXiv:0706.0001' } });
    expect(r.identifiers).toEqual([{ scheme: 'url', value: 'https://schema.datacite.org/meta/kernel-4.2/example/datacite-example-full-v4.2.xml' }]);
  });

  it('keeps a translated title as a note, decodes escaped text, and reads funder ids of every scheme', () => {
    const r = one('datacite-xml', 'datacite-funderIdentifier.xml');
    expect(r.notes).toContainEqual({ label: 'translated title', value: 'Translation of Polish titles' });
    expect(r.funding.map((f) => f.funder.iri ?? f.funder.ror)).toContain('https://ror.org/04wxnsj81');
    expect(one('datacite-xml', 'datacite-example-escaped-text.xml').title).toBe('Some initial text<the rest of the text won\'t display.');
  });

  it('reads a kernel 4 blog post as a blog post', () => {
    expect(one('gold', 'datacite-blog-4k3m-nyvg', 'datacite.xml').type).toBe('blog-post');
  });

  it('names a file of an unknown schema version in one line with a stable code', () => {
    let error: LdpubError | undefined;
    try {
      readRecords(fixtureText('registry', 'datacite-kernel-9.xml'), 'datacite-kernel-9.xml');
    } catch (e) {
      if (isLdpubError(e)) error = e;
    }
    expect(error?.code).toBe('LDPUB_UNSUPPORTED_VERSION');
    expect(error?.toLine()).toBe(
      'datacite-kernel-9.xml: <resource> at line 2 schemaVersion "http://datacite.org/schema/kernel-9": is not a DataCite metadata schema version this reader knows (kernel 2.x, 3 or 4.x) [LDPUB_UNSUPPORTED_VERSION]',
    );
  });
});

describe('DataCite JSON', () => {
  it('reads the REST API answer: affiliations, language, container, dates', () => {
    const r = one('datacite-json', '10.3205_zma001102.json');
    expect(r.type).toBe('article');
    expect(r.language).toBe('en');
    expect(r.date).toBe('2017-05-15');
    expect(r.container).toMatchObject({ issns: ['2366-5017'] });
    expect(r.authors[0]).toMatchObject({ family: 'Huber-Lang', affiliations: [{ name: expect.stringContaining('University Hospital of Ulm') }] });
    expect(r.notes.find((n) => n.label.startsWith('translated title'))?.value).toMatch(/^Vision und Wirklichkeit/);
  });

  it('reads funding references and the older flat DataCite JSON', () => {
    expect(one('datacite-json', '10.26102_2310-6018_2019.24.1.006.json').funding).toEqual([{ funder: { name: 'РФФИ' }, awardNumber: 'проект № 170100728' }]);
    const flat = one('gold', 'datacite-blog-4k3m-nyvg', 'datacite.json');
    expect(flat.authors).toEqual([{ kind: 'person', family: 'Fenner', given: 'Martin', orcid: '0000-0003-1419-2405' }]);
    expect(flat.doi).toBe('10.5438/4k3m-nyvg');
  });

  it('reads the other items of a list when one has an unknown schema version', () => {
    const report = readFile(fixtureText('registry', 'datacite-mixed-versions.json'), 'mixed.json');
    expect(report.records.map((r) => r.doi)).toEqual(['10.5438/4k3m-nyvg']);
    expect(report.errors.map((p) => p.toLine())).toEqual([
      'mixed.json: item 2 schemaVersion "http://datacite.org/schema/kernel-9": is not a DataCite metadata schema version this reader knows (kernel 2.x, 3 or 4.x) [LDPUB_UNSUPPORTED_VERSION]',
    ]);
  });

  it('is chosen by content among the .json formats', () => {
    expect(one('gold', 'dryad-8515-dataset', 'datacite-api.json').type).toBe('dataset');
    expect(readRecords(fixtureText('csl-json', 'elife-01567.json'), 'x.json')[0]!.type).toBe('article');
  });
});
