// XML text for OAI-PMH responses: escaping (dropping characters XML 1.0 forbids), elements, and the response envelope.
import { xmlAttribute, xmlText } from '../../formats/normal-form.js';

/** Character data: `&`, `<`, `>` (so no `]]>`) and CR escaped, characters XML 1.0 forbids dropped (the normal form of normal-form.ts). */
export function escapeText(text: string): string {
  return xmlText(text);
}

/** A double-quoted attribute value: as `escapeText`, with `"`, tab, LF and CR as references. */
export function escapeAttr(text: string): string {
  return xmlAttribute(text);
}

/** `<name a="v">text</name>`, escaped. */
export function element(name: string, text: string, attributes: { [name: string]: string | number | undefined } = {}): string {
  return `<${name}${attrs(attributes)}>${escapeText(text)}</${name}>`;
}

export function attrs(attributes: { [name: string]: string | number | undefined }): string {
  return Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** The start of every response, up to and including the request element. */
export function envelopeStart(responseDate: string, baseUrl: string, request: { [name: string]: string | undefined }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<OAI-PMH xmlns="${OAI_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${OAI_NS} ${OAI_NS}OAI-PMH.xsd">\n` +
    `  ${element('responseDate', responseDate)}\n` +
    `  ${element('request', baseUrl, request)}\n`
  );
}

export const ENVELOPE_END = '</OAI-PMH>\n';
