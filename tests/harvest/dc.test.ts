// oai_dc from the Record: element by element, without a server.
import { describe, expect, it } from 'vitest';
import { emptyRecord, type Record } from '../../src/model/record.js';
import { dcElements } from '../../src/harvest/oai/dc.js';

const IRI = 'http://data.example.org/record/r1';
const values = (record: Record, name: string) => dcElements(record, IRI).filter(([n]) => n === name).map(([, v]) => v);

describe('oai_dc subjects', () => {
  it('writes one dc:subject per subject, deduplicated regardless of case and spacing', () => {
    const record = { ...emptyRecord(), title: 'T', subjects: ['Spine', 'spine', ' Surgery  ', 'Neoplasms, Glandular and Epithelial', 'SURGERY', ''] };
    expect(values(record, 'subject')).toEqual(['Spine', 'Surgery', 'Neoplasms, Glandular and Epithelial']);
  });
});

describe('oai_dc OpenAIRE vocabularies', () => {
  const article: Record = { ...emptyRecord('article'), title: 'T', doi: '10.1/x', container: { title: 'J', issns: [] } };

  it('gives the access level from accessRights, an open licence, or the configured default', () => {
    expect(values({ ...article, accessRights: 'embargoed' }, 'rights')).toEqual(['info:eu-repo/semantics/embargoedAccess']);
    expect(values({ ...article, accessRights: 'metadata-only' }, 'rights')).toEqual(['info:eu-repo/semantics/closedAccess']);
    const licensed = { ...article, license: 'https://creativecommons.org/licenses/by/4.0/', rights: '© 2024 the authors' };
    expect(values(licensed, 'rights')).toEqual(['info:eu-repo/semantics/openAccess', 'https://creativecommons.org/licenses/by/4.0/', '© 2024 the authors']);
    // Restricted access wins over the licence when the record says so.
    expect(values({ ...licensed, accessRights: 'restricted' }, 'rights')[0]).toBe('info:eu-repo/semantics/restrictedAccess');
    expect(values(article, 'rights')).toEqual([]);
    expect(dcElements(article, IRI, { defaultAccess: 'open' }).filter(([n]) => n === 'rights')).toEqual([['rights', 'info:eu-repo/semantics/openAccess']]);
    // A licence that is not an open one says nothing of access.
    expect(values({ ...article, license: 'https://example.org/terms' }, 'rights')).toEqual(['https://example.org/terms']);
  });

  it.each([
    ['article', undefined, 'article'],
    ['preprint', undefined, 'preprint'],
    ['conference-paper', undefined, 'conferenceObject'],
    ['chapter', undefined, 'bookPart'],
    ['book', undefined, 'book'],
    ['report', undefined, 'report'],
    ['thesis', undefined, 'doctoralThesis'],
    ['thesis', 'Master thesis', 'masterThesis'],
    ['thesis', 'Diploma', 'doctoralThesis'],
    ['dataset', undefined, 'dataset'],
    ['software', undefined, 'other'],
  ] as const)('%s (genre %s) has the publication type %s', (type, genre, expected) => {
    const types = values({ ...emptyRecord(type), title: 'T', ...(genre ? { genre } : {}) }, 'type');
    expect(types).toContain(`info:eu-repo/semantics/${expected}`);
  });

  it('gives the version where the record tells it', () => {
    expect(values(article, 'type')).toContain('info:eu-repo/semantics/publishedVersion');
    expect(values({ ...emptyRecord('preprint'), title: 'T' }, 'type')).toContain('info:eu-repo/semantics/submittedVersion');
    expect(values({ ...emptyRecord('article'), title: 'T' }, 'type').filter((t) => t.endsWith('Version'))).toEqual([]);
  });
});
