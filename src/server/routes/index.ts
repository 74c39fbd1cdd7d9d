// / : the HTML list of records for people, the VoID dataset description for RDF clients.
import type { Request, Response } from 'express';
import type { Catalog } from '../../catalog/catalog.js';
import { html, page } from '../../formats/html-safe.js';
import { allFormats } from '../../formats/registry.js';
import { writeTurtle } from '../../formats/turtle.js';
import { OwnerCache, type ServerContext } from '../context.js';
import { sendError } from '../errors.js';
import { writeGraphJsonLd } from '../graph-jsonld.js';
import { negotiatorFor } from '../negotiate.js';
import { prepare, send, type Prepared } from '../send.js';
import { voidQuads } from '../../harvest/void.js';

const HOME_FORMATS = allFormats().filter((f) => ['turtle', 'jsonld', 'html'].includes(f.key));
const pickHome = negotiatorFor(HOME_FORMATS);
const cache = new OwnerCache<Catalog, Promise<Prepared>>();

function homeHtml(catalog: Catalog): string {
  const items = catalog.records.map((r) => html`<li><a href="/record/${r.id}">${r.record.title ?? r.id}</a></li>`);
  return page('ldpub records', html`<main>
<h1>Records</h1>
<p>${catalog.size} record(s) published.</p>
<ul>${items}</ul>
<h2>For machines</h2>
<ul>
<li><a href="/.well-known/void">Dataset description (VoID)</a></li>
<li><a href="/shapes">SHACL shapes</a></li>
<li><a href="/health">Health</a></li>
</ul>
</main>`);
}

async function body(catalog: Catalog, key: string): Promise<string> {
  if (key === 'html') return homeHtml(catalog);
  const quads = voidQuads(catalog, catalog.base);
  return key === 'turtle' ? writeTurtle(quads) : writeGraphJsonLd(quads);
}

function handler(ctx: ServerContext, pick: typeof pickHome, formats: typeof HOME_FORMATS, path: string) {
  return async (req: Request, res: Response): Promise<void> => {
    const catalog = ctx.live.current;
    const choice = pick(req.headers.accept);
    if (!choice) {
      return sendError(req, res, 406, 'This resource is available as:', formats.map((f) => ({ label: f.label, mediaType: f.mediaType, url: path })));
    }
    const format = choice.format;
    const p = cache.getAsync(catalog, format.key, async () =>
      prepare({ body: await body(catalog, format.key), mediaType: format.mediaType, lastModified: catalog.lastModified, maxAge: ctx.maxAge }),
    );
    send(req, res, await p);
  };
}

export const homeHandler = (ctx: ServerContext) => handler(ctx, pickHome, HOME_FORMATS, '/');
