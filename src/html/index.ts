// The HTML side of ldpub: record, index and error pages, and the headers to serve them with.
export { renderRecordPage, recordPageHtml } from './record-page.js';
export { renderIndexPage, indexEntry, filterEntries, harvestingEndpoints, type IndexEntry, type IndexPageContext, type Endpoint } from './index-page.js';
export { renderErrorPage, type ErrorPageOptions } from './error-page.js';
export { renderValidationPage, type ValidationPageContext } from './validation-page.js';
export { formatUrl } from '../formats/links.js';
export { recordPageContext, signpostingLinks, formatLinks, apaCitation, type RecordPageContext, type FormatLink, type CitationLink, type TypedLink } from './page-context.js';
export { contentSecurityPolicy, htmlSecurityHeaders } from './csp.js';
export { html, raw, SafeHtml, escapeHtml, jsonForScript } from './escape.js';
export { plainCitation } from './citation.js';
