// / : the HTML list of records for people, the VoID dataset description for RDF clients.
import type { Request, Response } from 'express';
import type { Catalog } from '../../catalog/catalog.js';
import { filterEntries, indexEntry, renderIndexPage, type IndexEntry } from '../../html/index-page.js';
import { allFormats } from '../../formats/registry.js';
import { writeTurtle } from '../../formats/turtle.js';
import { OwnerCache, type ServerContext } from '../context.js';
import { sendError } from '../errors.js';
import { writeGraphJsonLd } from '../graph-jsonld.js';
import { negotiatorFor } from '../../http/negotiate.js';
import { prepare, send, type Prepared } from '../../http/send.js';
import { voidQuads } from '../../harvest/void.js';

const HOME_FORMATS = allFormats().filter((f) => ['turtle', 'jsonld', 'html'].includes(f.key));
const pickHome = negotiatorFor(HOME_FORMATS);
const cache = new OwnerCache<Catalog, Promise<Prepared>>();

const entries = new OwnerCache<Catalog, Promise<IndexEntry[]>>();

/**
 * Past this many records the list shows titles only (authors and years would mean reading every record), and
 * neither the list nor a filter's matches are held: the page lists the first matches found in id order.
 */
const FULL_ENTRIES = 5000;
/** Records listed on the page. */
const LISTED = 200;

async function listEntries(catalog: Catalog): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  for (const r of catalog.records) {
    const record = await catalog.get(r.id);
    out.push(record ? indexEntry(r.id, r.iri, record.record) : { id: r.id, url: r.iri, title: r.title ?? r.id, authors: [] });
  }
  return out;
}

/** The first `LISTED + 1` entries of a large catalog whose title or id matches, scanned in slices between which requests get a turn. */
async function firstMatches(catalog: Catalog, query: string | undefined): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  const records = catalog.records;
  for (let i = 0; i < records.length && out.length <= LISTED; i += 5000) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const slice = records.slice(i, i + 5000).map((r) => ({ id: r.id, url: r.iri, title: r.title ?? r.id, authors: [] }));
    out.push(...filterEntries(slice, query).slice(0, LISTED + 1 - out.length));
  }
  return out;
}

async function homeHtml(catalog: Catalog, query?: string): Promise<string> {
  if (catalog.size > FULL_ENTRIES) {
    const found = await firstMatches(catalog, query);
    return renderIndexPage(found, { base: catalog.base, total: catalog.size, limit: LISTED, ...(query ? { query, moreMatch: found.length > LISTED } : {}) });
  }
  const all = await entries.get(catalog, '', () => listEntries(catalog));
  return renderIndexPage(filterEntries(all, query), { base: catalog.base, total: catalog.size, limit: LISTED, ...(query ? { query } : {}) });
}

async function body(catalog: Catalog, key: string): Promise<string> {
  if (key === 'html') return await homeHtml(catalog);
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
    const query = typeof req.query.q === 'string' && req.query.q.trim() ? req.query.q.slice(0, 200) : undefined;
    if (format.key === 'html' && query) {
      // A filtered list is computed per request and not cached: queries are unbounded.
      return send(req, res, prepare({ body: await homeHtml(catalog, query), mediaType: format.mediaType, lastModified: catalog.lastModified, maxAge: ctx.maxAge }));
    }
    const p = cache.getAsync(catalog, format.key, async () =>
      prepare({ body: await body(catalog, format.key), mediaType: format.mediaType, lastModified: catalog.lastModified, maxAge: ctx.maxAge }),
    );
    return send(req, res, await p);
  };
}

export const homeHandler = (ctx: ServerContext) => handler(ctx, pickHome, HOME_FORMATS, '/');
