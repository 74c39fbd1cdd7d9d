// Reader for DataCite XML (metadata kernel 2.x, 3 and 4.x): each `<resource>` in the file (one, or many inside a
// wrapper such as an OAI-PMH response) becomes the kernel 4 JSON shape, then a Record through the shared mapping.
import { LdpubError } from '../errors.js';
import type { Record } from '../model/record.js';
import type { ReadReport, RecordReader } from './reader.js';
import { dataciteToRecord } from './datacite-record.js';
import { kid, kids, optText, parseXml, sniffRoot, textOf, type XmlElement } from './shared/xml.js';

const DATACITE_NS = /^https?:\/\/(?:schema\.)?datacite\.org\/(?:schema|meta)\/kernel-/;

/** True for a `<resource>` root in a DataCite kernel namespace (any version: an unknown one is reported per record). */
export function isDataCiteXml(root: { local: string; uri: string }): boolean {
  return root.local === 'resource' && DATACITE_NS.test(root.uri);
}

type Json = { [key: string]: unknown };

function attrsTo(el: XmlElement, names: { [xml: string]: string }): Json {
  const out: Json = {};
  for (const [xml, json] of Object.entries(names)) if (el.attrs[xml] !== undefined) out[json] = el.attrs[xml];
  return out;
}

function agent(el: XmlElement, nameElement: string): Json {
  const nameEl = kid(el, nameElement);
  return {
    name: textOf(nameEl),
    ...(nameEl?.attrs.nameType ? { nameType: nameEl.attrs.nameType } : {}),
    ...(optText(kid(el, 'givenName')) ? { givenName: textOf(kid(el, 'givenName')) } : {}),
    ...(optText(kid(el, 'familyName')) ? { familyName: textOf(kid(el, 'familyName')) } : {}),
    ...(el.attrs.contributorType ? { contributorType: el.attrs.contributorType } : {}),
    nameIdentifiers: kids(el, 'nameIdentifier').map((n) => ({ nameIdentifier: textOf(n), ...attrsTo(n, { nameIdentifierScheme: 'nameIdentifierScheme', schemeURI: 'schemeUri' }) })),
    affiliation: kids(el, 'affiliation').map((a) => ({ name: textOf(a), ...attrsTo(a, { affiliationIdentifier: 'affiliationIdentifier', affiliationIdentifierScheme: 'affiliationIdentifierScheme', schemeURI: 'schemeUri' }) })),
  };
}

/** One `<resource>` as DataCite JSON (the REST API's `attributes` names). */
export function resourceToJson(res: XmlElement): Json {
  const list = (container: string, item: string) => kids(kid(res, container), item);
  const identifier = kids(res, 'identifier').find((i) => (i.attrs.identifierType ?? 'DOI') === 'DOI');
  const resourceType = kid(res, 'resourceType');
  const publisher = kid(res, 'publisher');
  return {
    schemaVersion: res.uri,
    ...(identifier ? { doi: textOf(identifier) } : {}),
    creators: list('creators', 'creator').map((c) => agent(c, 'creatorName')),
    titles: list('titles', 'title').map((t) => ({ title: textOf(t), ...attrsTo(t, { titleType: 'titleType', lang: 'lang' }) })),
    ...(publisher ? { publisher: textOf(publisher) } : {}),
    ...(optText(kid(res, 'publicationYear')) ? { publicationYear: textOf(kid(res, 'publicationYear')) } : {}),
    types: { ...(resourceType?.attrs.resourceTypeGeneral ? { resourceTypeGeneral: resourceType.attrs.resourceTypeGeneral } : {}), ...(optText(resourceType) ? { resourceType: textOf(resourceType) } : {}) },
    subjects: list('subjects', 'subject').map((s) => ({ subject: textOf(s), ...attrsTo(s, { subjectScheme: 'subjectScheme', lang: 'lang' }) })),
    contributors: list('contributors', 'contributor').map((c) => agent(c, 'contributorName')),
    dates: list('dates', 'date').map((d) => ({ date: textOf(d), ...attrsTo(d, { dateType: 'dateType', dateInformation: 'dateInformation' }) })),
    ...(optText(kid(res, 'language')) ? { language: textOf(kid(res, 'language')) } : {}),
    alternateIdentifiers: list('alternateIdentifiers', 'alternateIdentifier').map((a) => ({ alternateIdentifier: textOf(a), ...attrsTo(a, { alternateIdentifierType: 'alternateIdentifierType' }) })),
    relatedIdentifiers: list('relatedIdentifiers', 'relatedIdentifier').map((r) => ({ relatedIdentifier: textOf(r), ...attrsTo(r, { relatedIdentifierType: 'relatedIdentifierType', relationType: 'relationType', resourceTypeGeneral: 'resourceTypeGeneral' }) })),
    sizes: list('sizes', 'size').map(textOf),
    formats: list('formats', 'format').map(textOf),
    ...(optText(kid(res, 'version')) ? { version: textOf(kid(res, 'version')) } : {}),
    // Kernel 2 has `<rights>` directly under `<resource>`; kernel 3 and 4 wrap it in `<rightsList>`.
    rightsList: [...list('rightsList', 'rights'), ...kids(res, 'rights')].map((r) => ({
      ...(optText(r) ? { rights: textOf(r) } : {}),
      ...attrsTo(r, { rightsURI: 'rightsUri', rightsIdentifier: 'rightsIdentifier', rightsIdentifierScheme: 'rightsIdentifierScheme', schemeURI: 'schemeUri', lang: 'lang' }),
    })),
    descriptions: list('descriptions', 'description').map((d) => ({ description: textOf(d), ...attrsTo(d, { descriptionType: 'descriptionType', lang: 'lang' }) })),
    fundingReferences: list('fundingReferences', 'fundingReference').map((f) => {
      const id = kid(f, 'funderIdentifier');
      const award = kid(f, 'awardNumber');
      return {
        funderName: textOf(kid(f, 'funderName')),
        ...(id ? { funderIdentifier: textOf(id), ...attrsTo(id, { funderIdentifierType: 'funderIdentifierType' }) } : {}),
        ...(award ? { awardNumber: textOf(award), ...attrsTo(award, { awardURI: 'awardUri' }) } : {}),
        ...(optText(kid(f, 'awardTitle')) ? { awardTitle: textOf(kid(f, 'awardTitle')) } : {}),
      };
    }),
    relatedItems: list('relatedItems', 'relatedItem').map((i) => {
      const id = kid(i, 'relatedItemIdentifier');
      const field = (name: string) => (optText(kid(i, name)) ? { [name]: textOf(kid(i, name)) } : {});
      return {
        ...attrsTo(i, { relationType: 'relationType', relatedItemType: 'relatedItemType' }),
        ...(id ? { relatedItemIdentifier: { relatedItemIdentifier: textOf(id), ...attrsTo(id, { relatedItemIdentifierType: 'relatedItemIdentifierType' }) } } : {}),
        titles: kids(kid(i, 'titles'), 'title').map((t) => ({ title: textOf(t), ...attrsTo(t, { titleType: 'titleType' }) })),
        ...field('volume'),
        ...field('issue'),
        ...field('number'),
        ...field('firstPage'),
        ...field('lastPage'),
        ...field('publicationYear'),
        ...field('publisher'),
        ...field('edition'),
      };
    }),
  };
}

export const dataciteXmlReader: RecordReader & { readReport(text: string): ReadReport } = {
  name: 'datacite-xml',
  extensions: [],
  sniff(text) {
    const root = sniffRoot(text);
    return root !== undefined && isDataCiteXml(root);
  },
  read(text) {
    const { records, problems } = this.readReport(text);
    if (records.length === 0) throw problems[0] ?? new LdpubError('LDPUB_NOT_A_RECORD', 'the file holds no DataCite <resource>');
    return records;
  },
  readReport(text) {
    const records: Record[] = [];
    const problems: LdpubError[] = [];
    let count = 0;
    try {
      parseXml(text, {
        isRecord: (el) => el.local === 'resource' && (DATACITE_NS.test(el.uri) || el.uri === ''),
        onRecord: (res) => {
          count++;
          try {
            records.push(dataciteToRecord(resourceToJson(res), `<resource> at line ${res.line}`));
          } catch (e) {
            if (e instanceof LdpubError) problems.push(e);
            else throw e;
          }
        },
      });
    } catch (e) {
      if (!(e instanceof LdpubError)) throw e;
      problems.push(e);
    }
    if (count === 0 && problems.length === 0) problems.push(new LdpubError('LDPUB_NOT_A_RECORD', 'the file holds no DataCite <resource>'));
    return { records, problems };
  },
};
