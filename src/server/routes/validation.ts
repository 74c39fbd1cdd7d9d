// /record/{id}/validation: the record's SHACL report as Turtle, JSON-LD or HTML; /record/{id}/linkset: its links as RFC 9264 JSON.
import type { Request, Response } from 'express';
import type { PublishedRecord } from '../../catalog/published.js';
import { writeTurtle } from '../../formats/turtle.js';
import { html, page } from '../../formats/html-safe.js';
import { allFormats } from '../../formats/registry.js';
import { isValidId } from '../../rdf/iris.js';
import type { ValidationReport } from '../../validate/report.js';
import { OwnerCache, type ServerContext } from '../context.js';
import { notFound, sendError } from '../errors.js';
import { writeGraphJsonLd } from '../graph-jsonld.js';
import { LINKSET_TYPE, linkset } from '../headers.js';
import { negotiatorFor } from '../negotiate.js';
import { reportQuads } from '../report-rdf.js';
import { prepare, send, type Prepared } from '../send.js';

const REPORT_FORMATS = allFormats().filter((f) => ['turtle', 'jsonld', 'html'].includes(f.key));
const pick = negotiatorFor(REPORT_FORMATS);
const cache = new OwnerCache<PublishedRecord, Promise<Prepared>>();

function reportHtml(record: PublishedRecord, report: ValidationReport): string {
  const title = `Validation report for ${record.id}`;
  const rows = report.results.map(
    (r) => html`<tr><td>${r.severity}</td><td>${r.field ?? r.path ?? ''}</td><td>${r.value ?? ''}</td><td>${r.message}</td></tr>`,
  );
  return page(title, html`<main>
<h1>${title}</h1>
<p>Record: <a href="${record.iri}">${record.iri}</a></p>
<p>${report.conforms ? 'The record conforms to the shapes.' : `${report.results.length} result(s); the record is published because none is a violation.`}</p>
${rows.length ? html`<table><thead><tr><th>Severity</th><th>Field</th><th>Value</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
</main>`);
}

async function body(record: PublishedRecord, key: string): Promise<string> {
  if (key === 'html') return reportHtml(record, record.report);
  const quads = reportQuads(record.report, `${record.iri}/validation`);
  return key === 'turtle' ? writeTurtle(quads) : writeGraphJsonLd(quads);
}

function recordOf(ctx: ServerContext, req: Request): PublishedRecord | undefined {
  const id = String(req.params.id);
  return isValidId(id) ? ctx.live.current.get(id) : undefined;
}

export function validationHandler(ctx: ServerContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const record = recordOf(ctx, req);
    if (!record) return notFound(req, res);
    const choice = pick(req.headers.accept);
    if (!choice) {
      const offers = REPORT_FORMATS.map((f) => ({ label: f.label, mediaType: f.mediaType, url: `/record/${record.id}/validation` }));
      return sendError(req, res, 406, 'The report is available as:', offers);
    }
    const format = choice.format;
    const prepared = cache.getAsync(record, format.key, async () =>
      prepare({ body: await body(record, format.key), mediaType: format.mediaType, lastModified: record.lastModified, maxAge: ctx.maxAge }),
    );
    send(req, res, await prepared);
  };
}

const linksets = new OwnerCache<PublishedRecord, Prepared>();

export function linksetHandler(ctx: ServerContext) {
  return (req: Request, res: Response): void => {
    const record = recordOf(ctx, req);
    if (!record) return notFound(req, res);
    const p = linksets.get(record, '', () =>
      prepare({ body: linkset(record), mediaType: LINKSET_TYPE, lastModified: record.lastModified, varies: false, maxAge: ctx.maxAge }),
    );
    send(req, res, p);
  };
}
