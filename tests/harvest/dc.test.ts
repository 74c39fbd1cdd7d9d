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
