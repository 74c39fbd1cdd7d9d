// /record/{id}/validation: the record's SHACL report as Turtle, JSON-LD, N-Triples or HTML (Accept or ?format=); /record/{id}/linkset: its links as RFC 9264 JSON.
import type { Request, Response } from 'express';
import type { PublishedRecord } from '../../catalog/published.js';
import { writeNTriples, writeTurtle } from '../../formats/turtle.js';
import { renderValidationPage } from '../../html/validation-page.js';
import { allFormats } from '../../formats/registry.js';
import { isValidId } from '../../rdf/iris.js';
import type { ValidationReport } from '../../validate/report.js';
import { namedReportToJsonLd, reportQuads } from '../../validate/report-writers.js';
import { OwnerCache, type ServerContext } from '../context.js';
import { notFound, sendError } from '../errors.js';
import { LINKSET_TYPE, linkset } from '../../http/headers.js';
import { chooseFormat, negotiatorFor } from '../../http/negotiate.js';
import { prepare, send, type Prepared } from '../../http/send.js';

const REPORT_FORMATS = allFormats().filter((f) => ['turtle', 'jsonld', 'ntriples', 'html'].includes(f.key));
const pick = negotiatorFor(REPORT_FORMATS);
const cache = new OwnerCache<PublishedRecord, Promise<Prepared>>();

function reportHtml(record: PublishedRecord, report: ValidationReport): string {
  return renderValidationPage(report, { iri: record.iri, title: record.record.title ?? record.id, home: `${record.base}/` });
}

async function body(record: PublishedRecord, key: string): Promise<string> {
  if (key === 'html') return reportHtml(record, record.report);
  const reportIri = `${record.iri}/validation`;
  if (key === 'turtle') return writeTurtle(reportQuads(record.report, { reportIri }));
  if (key === 'ntriples') return writeNTriples(reportQuads(record.report, { reportIri }));
  return `${JSON.stringify(namedReportToJsonLd(record.report, reportIri), null, 2)}\n`;
}

async function recordOf(ctx: ServerContext, req: Request): Promise<PublishedRecord | undefined> {
  const id = String(req.params.id);
  return isValidId(id) ? ctx.live.current.get(id) : undefined;
}

export function validationHandler(ctx: ServerContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const record = await recordOf(ctx, req);
    if (!record) return notFound(req, res);
    const choice = chooseFormat(req.query.format, req.headers.accept, REPORT_FORMATS, pick);
    if (!('format' in choice)) {
      const offers = REPORT_FORMATS.map((f) => ({ label: f.label, mediaType: f.mediaType, url: `/record/${record.id}/validation?format=${f.key}` }));
      return sendError(req, res, choice.status, `${choice.message} The report is available as:`, offers);
    }
    const format = choice.format;
    const prepared = cache.getAsync(record, format.key, async () =>
      prepare({ body: await body(record, format.key), mediaType: format.mediaType, lastModified: record.lastModified, maxAge: ctx.maxAge }),
    );
    return send(req, res, await prepared);
  };
}

const linksets = new OwnerCache<PublishedRecord, Prepared>();

export function linksetHandler(ctx: ServerContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const record = await recordOf(ctx, req);
    if (!record) return notFound(req, res);
    const p = linksets.get(record, '', () =>
      prepare({ body: linkset(record), mediaType: LINKSET_TYPE, lastModified: record.lastModified, varies: false, maxAge: ctx.maxAge }),
    );
    return send(req, res, p);
  };
}
