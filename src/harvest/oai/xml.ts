// XML text for OAI-PMH responses: escaping (dropping characters XML 1.0 forbids), elements, and the response envelope.

// Control characters other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF cannot appear in XML 1.0 at all.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
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
