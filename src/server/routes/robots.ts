// /robots.txt: crawling allowed (the record pages are what search engines should index), the bulk dumps left out,
// and the sitemap named by its absolute URL under the configured base.
import type { Request, Response } from 'express';
import type { ServerContext } from '../context.js';
import { prepare, send, type Prepared } from '../../http/send.js';

export function robotsText(base: string): string {
  return [
    `# ${base}/ : bibliographic records as linked data (ldpub)`,
    'User-agent: *',
    'Allow: /',
    // Whole-dataset downloads are for harvesters, not crawlers; every record is reachable from the sitemap.
    'Disallow: /dump.nt',
    'Disallow: /dump.jsonld',
    '',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n');
}

export function robotsHandler(ctx: ServerContext) {
  const loadedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  let prepared: Prepared | undefined;
  return (req: Request, res: Response): void | Promise<void> => {
    prepared ??= prepare({ body: robotsText(ctx.base), mediaType: 'text/plain', lastModified: loadedAt, varies: false, maxAge: ctx.maxAge });
    return send(req, res, prepared);
  };
}
