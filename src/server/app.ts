// The Express app, built apart from listen(): routes, methods (HEAD, OPTIONS, 405), request logs, 404 and the final error handler.
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { LiveCatalog } from '../catalog/live.js';
import { normalizeBase } from '../rdf/iris.js';
import type { ServerContext } from './context.js';
import { errorHandler, methodNotAllowed, notFound } from './errors.js';
import { ALLOW, CORS_HEADERS, PREFLIGHT_HEADERS } from './headers.js';
import { createLogger, requestLog, type Logger } from './log.js';
import { healthHandler } from './routes/health.js';
import { homeHandler, voidHandler } from './routes/index.js';
import { recordHandler } from './routes/record.js';
import { shapesHandler } from './routes/shapes.js';
import { linksetHandler, validationHandler } from './routes/validation.js';
import { defaultShapesDir } from './shapes.js';

export const DEFAULT_CACHE_MAX_AGE = 300;

export interface AppOptions {
  live: LiveCatalog;
  base: string;
  logger?: Logger;
  /** Cache-Control max-age in seconds (default 300). */
  cacheMaxAge?: number;
  /** Where the SHACL shapes served at /shapes live (default: the package's shapes/). */
  shapesDir?: string;
}

/** OPTIONS: 204 with Allow; a CORS preflight gets the allowed methods and headers too. */
function options(req: Request, res: Response): void {
  res.writeHead(204, { Allow: ALLOW, ...CORS_HEADERS, ...PREFLIGHT_HEADERS });
  res.end();
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

  const resource = (path: string, handler: RequestHandler) => app.route(path).get(handler).options(options).all(methodNotAllowed);
  resource('/', homeHandler(ctx));
  resource('/.well-known/void', voidHandler(ctx));
  resource('/shapes', shapesHandler(ctx));
  resource('/health', healthHandler(ctx));
  resource('/record/:name', recordHandler(ctx));
  resource('/record/:id/validation', validationHandler(ctx));
  resource('/record/:id/linkset', linksetHandler(ctx));

  app.use(notFound);
  app.use(errorHandler(ctx.logger));
  return app;
}
