// The shapes bite: each corruption of the seed graph gives the exact constraint component, severity and field.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Validator } from '../../src/validate/index.js';
import { isPublishable, loadValidator } from '../../src/validate/index.js';
import type { Edit } from './graph-helpers.js';
import { BIBO, DCT, LDPUB, R, S, SH, add, addType, drop, edits, replaceObject, seedQuads, set } from './graph-helpers.js';

let validator: Validator;
beforeAll(async () => {
  validator = await loadValidator();
});

const violations: Array<{ name: string; edit: Edit; component: string; field: string; focus?: string; value?: string; shape: string }> = [
  { name: 'person without family name', edit: drop(`${S}familyName`, `${R}#author-3`), component: 'MinCount', field: 'family name', focus: `${R}#author-3`, shape: 'PersonFamilyNameShape' },
  { name: 'empty family name', edit: set(`${R}#author-1`, `${S}familyName`, ' '), component: 'Pattern', field: 'family name', value: ' ', shape: 'PersonFamilyNameShape' },
  { name: 'duplicate title', edit: edits(add(R, `${S}name`, 'Another title'), add(R, `${DCT}title`, 'Another title')), component: 'MaxCount', field: 'title', shape: 'WorkTitleSingleShape' },
  { name: 'Dublin Core title differs', edit: set(R, `${DCT}title`, 'A different title'), component: 'Equals', field: 'title', shape: 'WorkTitleEqualsShape' },
  { name: 'no title', edit: edits(drop(`${S}name`, R), drop(`${DCT}title`, R)), component: 'MinCount', field: 'title', focus: R, shape: 'WorkTitlePresentShape' },
  { name: 'empty title', edit: edits(set(R, `${S}name`, ''), set(R, `${DCT}title`, '')), component: 'Pattern', field: 'title', value: '', shape: 'WorkTitleNotEmptyShape' },
  { name: 'bad DOI (bibo:doi)', edit: set(R, `${BIBO}doi`, '10.1177 11795476231171891'), component: 'Pattern', field: 'DOI', value: '10.1177 11795476231171891', shape: 'WorkDoiShape' },
  { name: 'bad DOI (identifier node)', edit: set(`${R}#doi`, `${S}value`, 'doi:10.1177/1179'), component: 'Or', field: 'DOI', focus: `${R}#doi`, value: 'doi:10.1177/1179', shape: 'DoiIdentifierValueShape' },
  { name: 'identifier without its kind', edit: drop(`${S}propertyID`, `${R}#doi`), component: 'MinCount', field: 'identifier type', focus: `${R}#doi`, shape: 'DoiIdentifierKindShape' },
  { name: 'ISSN wrong check digit', edit: set(`${R}#periodical`, `${S}issn`, '1179-5475'), component: `${LDPUB}ISSNCheckDigitConstraintComponent`, field: 'ISSN', value: '1179-5475', shape: 'PeriodicalIssnCheckDigitShape' },
  { name: 'ISSN bad pattern', edit: set(`${R}#periodical`, `${S}issn`, '11795476'), component: 'Pattern', field: 'ISSN', value: '11795476', shape: 'PeriodicalIssnPatternShape' },
  { name: 'language name instead of code', edit: set(R, `${S}inLanguage`, 'English'), component: 'Pattern', field: 'language', value: 'English', shape: 'WorkLanguageShape' },
  { name: 'unknown language', edit: set(R, `${S}inLanguage`, 'Klingon'), component: 'Pattern', field: 'language', value: 'Klingon', shape: 'WorkLanguageShape' },
  { name: 'non-ISO date', edit: set(R, `${S}datePublished`, '26/08/2021'), component: 'Pattern', field: 'date published', value: '26/08/2021', shape: 'WorkDateShape' },
  { name: 'impossible month', edit: set(R, `${S}datePublished`, '2021-13'), component: 'Pattern', field: 'date published', value: '2021-13', shape: 'WorkDateShape' },
  { name: 'volume without number', edit: drop(`${S}volumeNumber`), component: 'MinCount', field: 'volume', shape: 'VolumeNumberShape' },
  { name: 'organisation without name', edit: addType(`${R}#author-8`, `${S}Organization`), component: 'MinCount', field: 'organisation name', shape: 'OrganizationNameShape' },
];

describe('violations', () => {
  it('the hand-written seed graph conforms with no result at all', () => {
    expect(validator.validate(seedQuads())).toEqual({ conforms: true, results: [] });
  });

  it.each(violations)('$name', ({ edit, component, field, focus, value, shape }) => {
    const report = validator.validate(edit(seedQuads()));
    expect(report.conforms).toBe(false);
    expect(isPublishable(report)).toBe(false);
    // One result, except sh:equals, which reports each value of the symmetric difference.
    expect(report.results).toHaveLength(component === 'Equals' ? 2 : 1);
    const [result] = report.results;
    expect(new Set(report.results.map((r) => r.sourceShape)).size).toBe(1);
    expect(result?.constraintComponent).toBe(component.includes(':') ? component : `${SH}${component}ConstraintComponent`);
    expect(result?.severity).toBe('Violation');
    expect(result?.field).toBe(field);
    expect(result?.sourceShape).toBe(`${LDPUB}${shape}`);
    expect(result?.message.length).toBeGreaterThan(10);
    if (focus) expect(result?.focusNode).toBe(focus);
    if (value !== undefined) expect(result?.value).toBe(value);
  });
});

const warnings: Array<{ name: string; edit: Edit; field: string; shape: string }> = [
  { name: 'no abstract', edit: drop(`${S}abstract`), field: 'abstract', shape: 'WorkAbstractShape' },
  { name: 'no DOI', edit: edits(drop(`${BIBO}doi`), drop(`${S}identifier`)), field: 'DOI', shape: 'ArticleDoiPresentShape' },
  { name: 'no journal', edit: drop(`${S}isPartOf`, R), field: 'journal', shape: 'ArticleJournalShape' },
  // Editor-only proceedings and anonymous works are published: no author is a warning, no title stays a violation.
  { name: 'no author', edit: drop(`${S}author`), field: 'author', shape: 'WorkAuthorShape' },
];

describe('warnings', () => {
  it.each(warnings)('$name is a warning and still publishable', ({ edit, field, shape }) => {
    const report = validator.validate(edit(seedQuads()));
    expect(report.conforms).toBe(false);
    expect(isPublishable(report)).toBe(true);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      severity: 'Warning',
      field,
      constraintComponent: `${SH}MinCountConstraintComponent`,
      sourceShape: `${LDPUB}${shape}`,
    });
  });

  it('a book with no journal draws no journal warning', () => {
    const book = replaceObject(`${S}ScholarlyArticle`, `${S}Book`)(seedQuads());
    const report = validator.validate(drop(`${S}isPartOf`, R)(book));
    expect(report).toEqual({ conforms: true, results: [] });
  });
});
