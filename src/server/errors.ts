// Error responses: 404, 400, 405 and 406 with bodies negotiated between HTML and plain text, and the final handler that hides stacks.
import type { NextFunction, Request, Response } from 'express';
import type { Format } from '../formats/format.js';
import { html, page, type SafeHtml } from '../formats/html-safe.js';
import { ALLOW, CORS_HEADERS, contentTypeOf } from './headers.js';
import type { Logger } from './log.js';
import { negotiatorFor } from './negotiate.js';

/** A way to reach what the client may have wanted: shown in 404 and 406 bodies. */
export interface Offer {
  label: string;
  mediaType: string;
  url: string;
}

const pageFormat = (key: string, mediaType: string, quality: number): Format => ({
  key, names: [], label: key, mediaType, aliases: [], extension: key, quality, kind: key === 'html' ? 'html' : 'citation', parameters: [],
  serialize: () => '',
});
const pickErrorBody = negotiatorFor([pageFormat('html', 'text/html', 1), pageFormat('text', 'text/plain', 0.9)]);

const TITLES: { [status: number]: string } = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  500: 'Internal server error',
};

export function sendError(req: Request, res: Response, status: number, message: string, offers: readonly Offer[] = []): void {
  const title = TITLES[status] ?? 'Error';
  const asHtml = pickErrorBody(req.headers.accept)?.format.key === 'html';
  let body: string;
  if (asHtml) {
    const list: SafeHtml | string = offers.length
      ? html`<ul>${offers.map((o) => html`<li><a href="${o.url}">${o.label}</a> (${o.mediaType})</li>`)}</ul>`
      : '';
    body = page(`${status} ${title}`, html`<main><h1>${status} ${title}</h1><p>${message}</p>${list}</main>`);
  } else {
    body = `${status} ${title}: ${message}\n${offers.map((o) => `${o.mediaType}\t${o.url}\t${o.label}\n`).join('')}`;
  }
  const buffer = Buffer.from(body, 'utf8');
  res.status(status);
  res.set({
    ...CORS_HEADERS,
    Vary: 'Accept',
    'Cache-Control': 'no-store',
    'Content-Type': contentTypeOf(asHtml ? 'text/html' : 'text/plain'),
    'Content-Length': String(buffer.length),
  });
  if (status === 405) res.set('Allow', ALLOW);
  if (req.method === 'HEAD') res.end();
  else res.end(buffer);
}

export function notFound(req: Request, res: Response): void {
  sendError(req, res, 404, 'There is nothing at this address.');
}

export function methodNotAllowed(req: Request, res: Response): void {
  sendError(req, res, 405, `This resource answers ${ALLOW}.`);
}

/** The last handler: client errors raised by Express (a bad percent-escape is 400) keep their status; anything else is a logged 500. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    void next;
    const status = (err as { status?: unknown }).status;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (!clientError) logger.error({ err, method: req.method, url: req.originalUrl.slice(0, 300) }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (clientError) sendError(req, res, status === 404 || status === 405 || status === 406 ? status : 400, 'The request cannot be understood.');
    else sendError(req, res, 500, 'Something went wrong on our side; it has been logged.');
  };
}
