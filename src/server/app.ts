// The Express app, built apart from listen(): routes, methods (HEAD, OPTIONS, 405), request logs, 404 and the final error handler.
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { LiveCatalog } from '../catalog/live.js';
import { normalizeBase } from '../rdf/iris.js';
import type { ServerContext } from './context.js';
import { trailingSlashRedirect } from './canonical.js';
import { errorHandler, sendError, methodNotAllowed, notFound } from './errors.js';
import { ALLOW, CORS_HEADERS, PREFLIGHT_HEADERS } from '../http/headers.js';
import { createLogger, requestLog, type Logger } from './log.js';
import { healthHandler } from './routes/health.js';
import { homeHandler } from './routes/index.js';
import { recordHandler } from './routes/record.js';
import { robotsHandler } from './routes/robots.js';
import { shapesHandler } from './routes/shapes.js';
import { linksetHandler, validationHandler } from './routes/validation.js';
import { defaultShapesDir } from '../validate/shapes-dir.js';
import { createHarvestRouter, type HarvestOptions } from '../harvest/router.js';

export const DEFAULT_CACHE_MAX_AGE = 300;

export interface AppOptions {
  live: LiveCatalog;
  base: string;
  logger?: Logger;
  /** Cache-Control max-age in seconds (default 300). */
  cacheMaxAge?: number;
  /** Where the SHACL shapes served at /shapes live (default: the package's shapes/). */
  shapesDir?: string;
  /** Settings of the harvesting routes (OAI-PMH page size and token key, sitemap and collection sizes). */
  harvest?: Omit<HarvestOptions, 'live' | 'base'>;
}

/** OPTIONS: 204 with Allow; a CORS preflight gets the allowed methods and headers too. */
function options(_req: Request, res: Response): void {
  res.writeHead(204, { Allow: ALLOW, ...CORS_HEADERS, ...PREFLIGHT_HEADERS });
  res.end();
}

/** OAI-PMH also takes POST (form-encoded), so its Allow differs from the other resources'. */
const OAI_ALLOW = 'GET, HEAD, POST, OPTIONS';
function oaiOptions(_req: Request, res: Response): void {
  res.writeHead(204, { Allow: OAI_ALLOW, ...CORS_HEADERS, ...PREFLIGHT_HEADERS, 'Access-Control-Allow-Methods': OAI_ALLOW });
  res.end();
}
function oaiMethodNotAllowed(_req: Request, res: Response): void {
  res.writeHead(405, { Allow: OAI_ALLOW, 'Content-Type': 'text/plain; charset=utf-8', ...CORS_HEADERS });
  res.end(`This resource answers ${OAI_ALLOW}.\n`);
}

export function createApp(opts: AppOptions): express.Express {
  const ctx: ServerContext = {
    live: opts.live,
    base: normalizeBase(opts.base),
    logger: opts.logger ?? createLogger(),
    maxAge: opts.cacheMaxAge ?? DEFAULT_CACHE_MAX_AGE,
    shapesDir: opts.shapesDir ?? defaultShapesDir(),
  };
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  app.use(requestLog(ctx.logger));
  // Every answer, harvesting routes included, may be read by a script on any origin.
  app.use((_req, res, next) => {
    res.set(CORS_HEADERS);
    next();
  });

  app.use(trailingSlashRedirect(ctx.maxAge));
  // A restarted server answers single records while it reads its index; what lists records waits for the index.
  app.use((req, res, next) => {
    if (ctx.live.current.ready || req.path.startsWith('/record/') || req.path === '/robots.txt' || req.path === '/shapes') return next();
    res.set('Retry-After', '5');
    sendError(req, res, 503, 'The catalog is reading its index after a restart; please try again in a few seconds.');
  });

  const resource = (path: string, handler: RequestHandler) => app.route(path).get(handler).options(options).all(methodNotAllowed);
  resource('/', homeHandler(ctx));
  resource('/shapes', shapesHandler(ctx));
  resource('/health', healthHandler(ctx));
  resource('/robots.txt', robotsHandler(ctx));
  resource('/record/:name', recordHandler(ctx));
  resource('/record/:id/validation', validationHandler(ctx));
  resource('/record/:id/linkset', linksetHandler(ctx));

  app.use(createHarvestRouter({ cacheMaxAge: ctx.maxAge, ...opts.harvest, live: opts.live, base: ctx.base }));
  for (const path of ['/.well-known/void', '/dump.nt', '/dump.jsonld', '/dump.jsonl', '/dump.nt.gz', '/dump.jsonld.gz', '/dump.jsonl.gz', '/sitemap.xml', '/records', '/.well-known/resourcesync', '/resourcesync/capabilitylist.xml', '/resourcesync/resourcelist.xml', '/resourcesync/changelist.xml']) {
    app.route(path).options(options).all(methodNotAllowed);
  }
  app.route('/oai').options(oaiOptions).all(oaiMethodNotAllowed);

  app.use(notFound);
  app.use(errorHandler(ctx.logger));
  return app;
}
