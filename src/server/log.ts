// Structured logs: one pino logger for the server, and a small middleware writing one line per request when it finishes.
import type { NextFunction, Request, Response } from 'express';
import { pino, type Logger } from 'pino';

export type { Logger };

/** The level comes from the option, else LDPUB_LOG_LEVEL, else "info" ("silent" in tests). */
export function createLogger(level?: string): Logger {
  return pino({ level: level ?? process.env.LDPUB_LOG_LEVEL ?? 'info', base: { name: 'ldpub' } });
}

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      logger.info(
        {
          method: req.method,
          url: req.originalUrl.length > 300 ? `${req.originalUrl.slice(0, 300)}…` : req.originalUrl,
          status: res.statusCode,
          length: Number(res.getHeader('content-length') ?? 0),
          ms: Number(process.hrtime.bigint() - start) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
