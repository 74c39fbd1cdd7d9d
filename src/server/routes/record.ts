// /record/{id} (negotiated), /record/{id}.{ext} and ?format=: one cached representation per record and format, written as is.
import type { Request, Response } from 'express';
import type { PublishedRecord } from '../../catalog/published.js';
import type { Catalog, CatalogEntry } from '../../catalog/catalog.js';
import { sendGone } from './gone.js';
import type { Format } from '../../formats/format.js';
import { allFormats, formatByExtension, formatByName, negotiableFormats } from '../../formats/registry.js';
import { isLdpubError } from '../../errors.js';
import { formatUrl } from '../../formats/links.js';
import { isValidId, MAX_ID_LENGTH } from '../../rdf/iris.js';
import type { ServerContext } from '../context.js';
import { OwnerCache } from '../context.js';
import { notFound, sendError, type Offer } from '../errors.js';
import { linkHeader } from '../../http/headers.js';
import { negotiatorFor } from '../../http/negotiate.js';
import { prepare, preparedBytes, send, type Prepared } from '../../http/send.js';

const pick = negotiatorFor(negotiableFormats());
const links = new OwnerCache<PublishedRecord, string>();

export function contentLocation(id: string, format: Format): string {
  return formatUrl(`/record/${id}`, format);
}

export function recordOffers(id: string): Offer[] {
  return negotiableFormats().map((f) => ({ label: f.label, mediaType: f.mediaType, url: contentLocation(id, f) }));
}

function formatList(): string {
  return allFormats().map((f) => f.key).join(', ');
}

/** The id a path segment names: the id itself, or an id followed by an extension (the exact id wins). */
function nameToId(catalog: Catalog, name: string): { id: string; extension?: string } | undefined {
  if (name.length > MAX_ID_LENGTH + 16) return undefined;
  if (isValidId(name) && catalog.entry(name)) return { id: name };
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const stem = name.slice(0, dot);
  return isValidId(stem) && catalog.entry(stem) ? { id: stem, extension: name.slice(dot + 1) } : undefined;
}

/** The record named by a path segment, or `gone` for a deleted one; undefined for a name never published. */
export async function resolveName(
  ctx: ServerContext,
  name: string,
): Promise<{ record: PublishedRecord; format?: Format; badExtension?: string } | { gone: CatalogEntry; format?: Format } | undefined> {
  const catalog = ctx.live.current;
  const named = nameToId(catalog, name);
  if (!named) return undefined;
  const format = named.extension === undefined ? undefined : formatByExtension(named.extension);
  const entry = catalog.entry(named.id)!;
  if (entry.deleted) return format ? { gone: entry, format } : { gone: entry };
  const record = await catalog.get(named.id);
  if (!record) return undefined;
  if (named.extension === undefined) return { record };
  return format ? { record, format } : { record, badExtension: named.extension };
}

function paramsFromQuery(req: Request, format: Format): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const p of format.parameters) {
    const v = req.query[p];
    if (typeof v === 'string') out[p] = v;
  }
  return out;
}

export function recordHandler(ctx: ServerContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const resolved = await resolveName(ctx, String(req.params.name));
    if (!resolved) return notFound(req, res);
    if ('gone' in resolved) return sendGone(req, res, ctx, resolved.gone, resolved.format ?? pick(req.headers.accept)?.format);
    const { record } = resolved;
    if (resolved.badExtension !== undefined) {
      return sendError(req, res, 404, `No format has the extension ".${resolved.badExtension}". This record is available as:`, recordOffers(record.id));
    }
    let format = resolved.format;
    let params: { readonly [name: string]: string } = {};
    let negotiated = false;
    const query = req.query.format;
    if (format) {
      params = paramsFromQuery(req, format);
    } else if (query !== undefined) {
      format = typeof query === 'string' ? formatByName(query) : undefined;
      if (!format) return sendError(req, res, 400, `Unknown format ${JSON.stringify(String(query)).slice(0, 80)}; use one of: ${formatList()}.`, recordOffers(record.id));
      params = paramsFromQuery(req, format);
    } else {
      const choice = pick(req.headers.accept);
      if (!choice) return sendError(req, res, 406, 'None of the types in the Accept header is available. This record is available as:', recordOffers(record.id));
      format = choice.format;
      params = { ...choice.params, ...paramsFromQuery(req, format) };
      negotiated = Object.keys(choice.params).length > 0;
    }
    if (format.normalizeParams) {
      try {
        params = format.normalizeParams(params);
      } catch (e) {
        if (!isLdpubError(e)) throw e;
        // Asked for in Accept: nothing acceptable (406). Asked for in the query string: a bad request (400).
        return sendError(req, res, negotiated ? 406 : 400, e.message, recordOffers(record.id));
      }
    }
    const used = format.parameters.filter((p) => params[p] !== undefined);
    const key = used.length ? `${format.key};${used.map((p) => `${p}=${params[p]}`).join(';')}` : format.key;
    const make = async (): Promise<Prepared> => {
      const { body, etag } = await record.render(format, params);
      return prepare({
        body,
        etag,
        mediaType: format.mediaType,
        lastModified: record.lastModified,
        contentLocation: contentLocation(record.id, format),
        link: links.get(record, '', () => linkHeader(record)),
        maxAge: ctx.maxAge,
      });
    };
    // Each body is kept with its headers when its key is bounded: no parameters, or parameters the format has made
    // canonical and checked (normalizeParams), such as the shipped citation styles and locales.
    const bounded = used.length === 0 || format.normalizeParams !== undefined;
    if (!bounded) return send(req, res, await make());
    const cache = ctx.live.current.cache;
    const cacheKey = `prepared\u0000${record.id}\u0000${record.version}\u0000${key}`;
    const prepared = await cache.get(cacheKey, make, preparedBytes);
    const sent = send(req, res, prepared);
    // A compressed variant was added: the cache counts it in the same bound (and may let older entries go for it).
    return sent ? sent.then(() => cache.resize(cacheKey, prepared)) : undefined;
  };
}
