// Error responses: 404, 400, 405 and 406 with bodies negotiated between HTML and plain text, and the final handler that hides stacks.
import type { NextFunction, Request, Response } from 'express';
import type { Format } from '../formats/format.js';
import { renderErrorPage } from '../html/error-page.js';
import { htmlSecurityHeaders } from '../html/csp.js';
import { ALLOW, CORS_HEADERS, contentTypeOf } from '../http/headers.js';
import type { Logger } from './log.js';
import { negotiatorFor } from '../http/negotiate.js';

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
  503: 'Service unavailable',
};

export function sendError(req: Request, res: Response, status: number, message: string, offers: readonly Offer[] = []): void {
  const title = TITLES[status] ?? 'Error';
  const asHtml = pickErrorBody(req.headers.accept)?.format.key === 'html';
  let body: string;
  if (asHtml) {
    body = renderErrorPage(status, message, offers);
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
  if (asHtml) res.set(htmlSecurityHeaders());
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
    // A remote store that is down or slow: the replica says when to try again rather than failing.
    if ((err as { code?: unknown }).code === 'LDPUB_SPARQL_UNAVAILABLE') {
      res.set('Retry-After', '10');
      sendError(req, res, 503, 'The catalog store is not answering; please try again shortly.');
      return;
    }
    if (clientError) sendError(req, res, status === 404 || status === 405 || status === 406 ? status : 400, 'The request cannot be understood.');
    else sendError(req, res, 500, 'Something went wrong on our side; it has been logged.');
  };
}
