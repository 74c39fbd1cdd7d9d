// The SHACL validation report of one record as a page: whether it conforms, and each result in words.
import type { ValidationReport, ValidationResult } from '../validate/report.js';
import { html, type SafeHtml } from './escape.js';
import { layout } from './layout.js';
import type { FormatLink } from './page-context.js';

export interface ValidationPageContext {
  /** The record URI the report is about. */
  iri: string;
  title?: string;
  /** The report in other formats (Turtle, JSON-LD). */
  formats?: FormatLink[];
  home?: string;
  siteName?: string;
}

const SEVERITY_ORDER = { Violation: 0, Warning: 1, Info: 2 } as const;

function verdict(report: ValidationReport): string {
  if (report.conforms) return 'The record conforms to the shapes: no violation, warning or note.';
  const count = (s: ValidationResult['severity']) => report.results.filter((r) => r.severity === s).length;
  const parts = [`${count('Violation')} violation(s)`, `${count('Warning')} warning(s)`, `${count('Info')} note(s)`];
  const publishable = count('Violation') === 0 ? 'It is published: warnings and notes do not block publication.' : 'It is not published.';
  return `The record does not fully conform: ${parts.join(', ')}. ${publishable}`;
}

function row(r: ValidationResult): SafeHtml {
  return html`<tr><td>${r.severity}</td><td class="data">${r.field ?? r.path ?? ''}</td><td class="data">${r.value ?? ''}</td><td>${r.message}</td></tr>\n`;
}

export function renderValidationPage(report: ValidationReport, context: ValidationPageContext): string {
  const results = [...report.results].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const table = results.length
    ? html`<table>
<caption>Results, most severe first</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Message</th></tr></thead>
<tbody>
${results.map(row)}</tbody>
</table>\n`
    : '';
  const formats = context.formats?.length
    ? html`<h2>This report as data</h2>\n<ul class="links">${context.formats.map((f) => html`<li><a href="${f.url}" type="${f.mediaType}">${f.label}</a> <span class="type">${f.mediaType}</span></li>`)}</ul>\n`
    : '';
  const main = html`<h1>Validation report</h1>
<p>For <a href="${context.iri}">${context.title ?? context.iri}</a>.</p>
<p>${verdict(report)}</p>
${table}${formats}`;
  return layout({
    lang: 'en',
    title: `Validation report: ${context.title ?? context.iri}`,
    main,
    ...(context.home ? { home: context.home } : {}),
    ...(context.siteName ? { siteName: context.siteName } : {}),
  });
}
