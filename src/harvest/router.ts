// The harvesting routes as one Express router: OAI-PMH, dumps, sitemaps, VoID and the paged collection.
import { Router, type Request, type Response } from 'express';
import type { LiveCatalog } from '../catalog/live.js';
import { emptyRecord } from '../model/record.js';
import { allFormats, rdfFormats } from '../formats/registry.js';
import { negotiatorFor } from '../http/negotiate.js';
import type { Catalog } from '../catalog/catalog.js';
import { CORS_HEADERS, PREFLIGHT_HEADERS } from '../http/headers.js';
import { prepare, send, type Prepared } from '../http/send.js';
import { datasetIri, normalizeBase } from '../rdf/iris.js';
import { collectionHtml, collectionJsonLd, collectionPage, collectionTurtle, type PagePosition } from './collection.js';
import { DUMPS, ntLength, writeDump, type DumpKind } from './dump.js';
import { notModified, streamBody, wantsGzip } from './http.js';
import { oaiHandler } from './oai/handler.js';
import { TokenCodec } from './oai/token.js';
import type { SetsConfig } from './oai/sets.js';
import type { AccessRights } from '../model/record.js';
import { LdpubError } from '../errors.js';
import { checkRepositoryIdentifier, repositoryIdentifierFor } from './oai/identifier.js';
import { SITEMAP_LIMIT, sitemapPages, writeSitemapIndex, writeUrlset } from './sitemap.js';
import { snapshotId } from './snapshot.js';
import {
  capabilityList,
  RS_LIMIT,
  RS_PART_PATHS,
  RS_PATHS,
  rsParts,
  sourceDescription,
  writeChangeList,
  writeChangeListIndex,
  writeResourceList,
  writeResourceListIndex,
} from './resourcesync.js';
import { voidQuads } from './void.js';

export interface HarvestOptions {
  live: LiveCatalog;
  /** The configured base URI; every URI written uses it, never the Host header. */
  base: string;
  /** Records per OAI-PMH list response (default 100). */
  oaiPageSize?: number;
  /** The key resumption tokens are signed with (default $LDPUB_OAI_SECRET, else random per process). */
  oaiSecret?: string;
  /** Identify's adminEmail (default $LDPUB_OAI_ADMIN_EMAIL, else webmaster@{host}). */
  adminEmail?: string;
  /**
   * The oai-identifier repositoryIdentifier (default $LDPUB_OAI_REPOSITORY_ID, else the base's host when it is a
   * dotted domain name, else the host under `.localdomain`).
   */
  oaiRepositoryId?: string;
  /**
   * The OpenAIRE access level written for records that state none and carry no open licence (default: none;
   * `open` for a repository whose every record is open access). $LDPUB_OAI_DEFAULT_ACCESS sets it too.
   */
  oaiDefaultAccess?: AccessRights;
  /** OAI-PMH sets: which families to derive (type, issn, collection; default all) and configured names. */
  oaiSets?: SetsConfig;
  /** Identify's repositoryName and the VoID dcterms:title. */
  repositoryName?: string;
  /** URLs per sitemap file before /sitemap.xml becomes an index (default and maximum 50,000). */
  sitemapLimit?: number;
  /** Resources per ResourceSync Resource List and Change List before each becomes an index of parts (default and maximum 50,000). */
  resourceSyncLimit?: number;
  /** Records per /records page (default 100). */
  collectionPageSize?: number;
  /** Cache-Control max-age in seconds for the dumps, sitemaps, VoID and collection pages (default 300). */
  cacheMaxAge?: number;
  /** The clock for responseDate; tests fix it. */
  now?: () => Date;
}

export function createHarvestRouter(options: HarvestOptions): Router {
  const base = normalizeBase(options.base);
  const host = new URL(base).hostname;
  const { live } = options;
  const repositoryName = options.repositoryName ?? `ldpub catalog at ${new URL(base).host}`;
  const sitemapLimit = Math.min(options.sitemapLimit ?? SITEMAP_LIMIT, SITEMAP_LIMIT);
  const rsLimit = Math.min(options.resourceSyncLimit ?? RS_LIMIT, RS_LIMIT);
  const collectionSize = options.collectionPageSize ?? 100;
  const router = Router();
  const maxAge = options.cacheMaxAge ?? 300;

  // Every harvesting route: its own OPTIONS answer (a sub-router would otherwise answer Express's default 200), and
  // Cache-Control on every answer, 304s included. OAI-PMH answers carry a responseDate and tokens: revalidate each time.
  const route = (path: string | RegExp, methods: string) => {
    router.options(path, preflight(methods));
    router.use(path, (_req, res, next) => {
      res.setHeader('Cache-Control', methods.includes('POST') ? 'no-cache' : `public, max-age=${maxAge}`);
      next();
    });
  };
  route('/oai', OAI_METHODS);
  for (const path of [...Object.values(DUMPS).flatMap((d) => [d.path, `${d.path}.gz`]), '/sitemap.xml', SITEMAP_PAGE, '/.well-known/void', '/records', ...Object.values(RS_PATHS), ...Object.values(RS_PART_PATHS)]) route(path, READ_METHODS);

  // ResourceSync: the description and capability list are fixed; the lists are streamed from the catalog, past
  // the limit as an index of numbered parts (each validated by the snapshot, as the sitemap's pages).
  const rsLink = `<${base}${RS_PATHS.capabilityList}>; rel="resourcesync"`;
  const rsFixed = (path: string, text: string) =>
    router.get(path, async (req, res) => {
      res.setHeader('Link', rsLink);
      await sendText(req, res, 'application/xml', text, live.current.lastModified);
    });
  rsFixed(RS_PATHS.description, sourceDescription(base));
  rsFixed(RS_PATHS.capabilityList, capabilityList(base));
  const rsLists = [
    { name: 'resourcelist', path: RS_PATHS.resourceList, part: RS_PART_PATHS.resourceList, length: (c: Catalog) => c.records.length, write: writeResourceList, index: writeResourceListIndex },
    { name: 'changelist', path: RS_PATHS.changeList, part: RS_PART_PATHS.changeList, length: (c: Catalog) => c.all.length, write: writeChangeList, index: writeChangeListIndex },
  ] as const;
  for (const list of rsLists) {
    router.get(list.path, async (req, res) => {
      const catalog = live.current;
      res.setHeader('Link', rsLink);
      const split = list.length(catalog) > rsLimit;
      await sendXml(req, res, `"${snapshotId(catalog)}-${list.name}"`, catalog.lastModified, (sink) =>
        split ? list.index(catalog, base, rsLimit, sink) : list.write(catalog, base, sink),
      );
    });
    router.get(list.part, async (req, res) => {
      const catalog = live.current;
      const n = Number((req.params as { [k: string]: string })[0]);
      const length = list.length(catalog);
      res.setHeader('Link', rsLink);
      if (length <= rsLimit || n < 1 || n > rsParts(length, rsLimit)) {
        res.status(404).type('text/plain').send(`no such ${list.name} part\n`);
        return;
      }
      await sendXml(req, res, `"${snapshotId(catalog)}-${list.name}-${n}"`, catalog.lastModified, (sink) => list.write(catalog, base, sink, { n, limit: rsLimit }));
    });
  }

  const oai = oaiHandler(live, {
    base,
    repositoryId: oaiRepositoryId(options.oaiRepositoryId ?? process.env.LDPUB_OAI_REPOSITORY_ID, host),
    repositoryName,
    adminEmail: options.adminEmail ?? process.env.LDPUB_OAI_ADMIN_EMAIL ?? defaultAdminEmail(host),
    pageSize: options.oaiPageSize ?? 100,
    sets: options.oaiSets ?? {},
    dc: { defaultAccess: options.oaiDefaultAccess ?? accessRightsFrom(process.env.LDPUB_OAI_DEFAULT_ACCESS) },
    tokens: new TokenCodec(options.oaiSecret ?? process.env.LDPUB_OAI_SECRET),
    now: options.now ?? (() => new Date()),
  });
  router.get('/oai', oai);
  router.post('/oai', oai);

  for (const kind of Object.keys(DUMPS) as DumpKind[]) {
    // `/dump.nt` gzipped by Accept-Encoding; `/dump.nt.gz` the gzip file itself, for clients that do not negotiate.
    for (const file of [false, true]) {
      router.get(DUMPS[kind].path + (file ? '.gz' : ''), async (req, res) => {
        const catalog = live.current;
        const gzip = file || wantsGzip(req);
        res.setHeader('Content-Type', file ? 'application/gzip' : DUMPS[kind].contentType);
        if (!file) res.vary('Accept-Encoding');
        // The N-Triples body is fixed per snapshot and its length known from the store: ranges can be served.
        const length = kind === 'nt' && !gzip ? ntLength(catalog) : undefined;
        if (length !== undefined) res.setHeader('Accept-Ranges', 'bytes');
        // A strong validator per representation: the snapshot identity, the dump kind, and the coding.
        const etag = `"${snapshotId(catalog)}-${kind}${gzip ? '-gzip' : ''}"`;
        if (notModified(req, res, etag, catalog.lastModified)) return;
        let range: { start: number; end: number } | undefined;
        if (length !== undefined) {
          const asked = byteRange(req, etag, catalog.lastModified, length);
          if (asked === 'unsatisfiable') {
            res.status(416).setHeader('Content-Range', `bytes */${length}`);
            res.end();
            return;
          }
          range = asked;
          if (range) {
            res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${length}`);
            res.setHeader('Content-Length', String(range.end - range.start + 1));
          } else res.setHeader('Content-Length', String(length));
        }
        if (req.method === 'HEAD') {
          if (gzip && !file) res.setHeader('Content-Encoding', 'gzip');
          res.end();
          return;
        }
        // Stored bytes go out in large writes: fewer waits on the socket, at disk speed.
        const sink = streamBody(res, gzip, file ? 'file' : 'coding', 1024 * 1024);
        await writeDump(catalog, kind, sink, undefined, range);
        await sink.end();
      });
    }
  }

  router.get('/sitemap.xml', async (req, res) => {
    const catalog = live.current;
    // ResourceSync discovery: the capability list, linked from the sitemap (sitemaps themselves cannot hold rs: links).
    res.setHeader('Link', rsLink);
    const index = catalog.size > sitemapLimit;
    await sendXml(req, res, `"${snapshotId(catalog)}-sitemap"`, catalog.lastModified, (sink) =>
      index ? writeSitemapIndex(catalog, base, sitemapLimit, sink) : writeUrlset(catalog, 0, catalog.size, sink),
    );
  });
  router.get(SITEMAP_PAGE, async (req, res) => {
    const catalog = live.current;
    const n = Number((req.params as { [k: string]: string })[0]);
    if (catalog.size <= sitemapLimit || n < 1 || n > sitemapPages(catalog, sitemapLimit)) {
      res.status(404).type('text/plain').send('no such sitemap page\n');
      return;
    }
    await sendXml(req, res, `"${snapshotId(catalog)}-sitemap-${n}"`, catalog.lastModified, (sink) =>
      writeUrlset(catalog, (n - 1) * sitemapLimit, n * sitemapLimit, sink),
    );
  });

  router.get('/.well-known/void', async (req, res) => {
    const catalog = live.current;
    res.vary('Accept');
    const format = pickRdf(req.headers.accept)?.format;
    if (!format) {
      res.status(406).type('text/plain').send(`acceptable: ${rdfFormats().map((f) => f.mediaType).join(', ')}\n`);
      return;
    }
    // One body per catalog and format (with its compressed codings): the counts behind it were taken when the catalog loaded.
    let bodies = voidBodies.get(catalog);
    if (!bodies) voidBodies.set(catalog, (bodies = new Map()));
    let prepared = bodies.get(format.key);
    if (!prepared) {
      const quads = voidQuads(catalog, base, { title: repositoryName });
      prepared = Promise.resolve(format.serialize({ id: '', iri: datasetIri(base), base, record: emptyRecord(), quads, params: {} })).then((text) =>
        prepare({ body: text, mediaType: format.mediaType, lastModified: catalog.lastModified }),
      );
      bodies.set(format.key, prepared);
    }
    await send(req, res, await prepared);
  });

  router.get('/records', (req, res) => {
    const catalog = live.current;
    res.vary('Accept');
    const position = pagePosition(req);
    if (typeof position === 'string') {
      res.status(400).type('text/plain').send(`${position}\n`);
      return;
    }
    const page = collectionPage(catalog, base, position, collectionSize);
    if (!page) {
      res.status(404).type('text/plain').send('no such page\n');
      return;
    }
    const links = [['first', page.first], ['last', page.last], ['prev', page.previous], ['next', page.next]].filter(([, h]) => h);
    res.setHeader('Link', links.map(([rel, href]) => `<${href}>; rel="${rel}"`).join(', '));
    const byName = typeof req.query.format === 'string' ? req.query.format : undefined;
    const kind = byName
      ? ({ html: 'html', ttl: 'turtle', turtle: 'turtle', jsonld: 'jsonld', 'json-ld': 'jsonld' } as const)[byName]
      : (pickCollection(req.headers.accept)?.format.key as 'html' | 'turtle' | 'jsonld' | undefined);
    if (kind === 'turtle') return sendText(req, res, 'text/turtle', collectionTurtle(page), catalog.lastModified);
    else if (kind === 'jsonld') return sendText(req, res, 'application/ld+json', collectionJsonLd(page), catalog.lastModified);
    else if (kind === 'html') return sendText(req, res, 'text/html', collectionHtml(page, base), catalog.lastModified);
    else res.status(byName ? 400 : 406).type('text/plain').send('available: text/html, text/turtle, application/ld+json\n');
  });

  return router;
}

/**
 * One byte range of a body of `length` bytes (RFC 9110 §14): undefined for the whole body (no Range, a Range
 * that is not one bytes range, or an If-Range that no longer matches), 'unsatisfiable' past the end.
 */
function byteRange(req: Request, etag: string, lastModified: Date, length: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const header = req.headers.range;
  if (header === undefined) return undefined;
  const ifRange = req.headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag && ifRange !== lastModified.toUTCString()) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, length - suffix);
    end = length - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1);
    if (end < start && m[2] !== '') return undefined;
  }
  if (start >= length) return 'unsatisfiable';
  return { start, end };
}

const ACCESS_LEVELS: readonly AccessRights[] = ['open', 'embargoed', 'restricted', 'metadata-only'];

/** LDPUB_OAI_DEFAULT_ACCESS: one of the access levels, or LDPUB_USAGE. */
function accessRightsFrom(value: string | undefined): AccessRights | undefined {
  if (value === undefined || value === '') return undefined;
  if ((ACCESS_LEVELS as readonly string[]).includes(value)) return value as AccessRights;
  throw new LdpubError('LDPUB_USAGE', `must be one of ${ACCESS_LEVELS.join(', ')}`, { field: 'LDPUB_OAI_DEFAULT_ACCESS', value });
}

function oaiRepositoryId(configured: string | undefined, host: string): string {
  return configured ? checkRepositoryIdentifier(configured) : repositoryIdentifierFor(host);
}

/** Where a /records page starts: one of page=N|last, after=ID, before=ID, each at most once; or why not. */
function pagePosition(req: Request): PagePosition | string {
  const q = req.originalUrl.indexOf('?');
  const params = [...new URLSearchParams(q < 0 ? '' : req.originalUrl.slice(q + 1))].filter(([k]) => k === 'page' || k === 'after' || k === 'before');
  if (params.length === 0) return { page: 1 };
  if (params.length > 1) return 'give one of page, after and before, once';
  const [name, value] = params[0]!;
  if (name === 'page') {
    if (value === 'last') return { page: 'last' };
    return /^[1-9]\d{0,8}$/.test(value) ? { page: Number(value) } : 'page must be a positive integer or last';
  }
  if (name === 'after' || name === 'before') {
    return /^[A-Za-z0-9._-]{1,200}$/.test(value) ? { [name]: value } as PagePosition : `${name} must be a record id`;
  }
  return `${name} must be page, after or before`;
}

const READ_METHODS = 'GET, HEAD, OPTIONS';
const OAI_METHODS = 'GET, HEAD, POST, OPTIONS';
const SITEMAP_PAGE = /^\/sitemap-(\d{1,9})\.xml$/;

/** OPTIONS: 204 with Allow, CORS and the preflight headers (the methods the route answers). */
function preflight(methods: string) {
  return (_req: Request, res: Response) => {
    res.writeHead(204, { Allow: methods, ...CORS_HEADERS, ...PREFLIGHT_HEADERS, 'Access-Control-Allow-Methods': methods });
    res.end();
  };
}

/** An address that matches the OAI-PMH emailType pattern (it needs a dot in the domain) for any base host. */
function defaultAdminEmail(host: string): string {
  return host.includes('.') ? `webmaster@${host}` : `webmaster@${host}.invalid`;
}

/** The server's negotiation: Turtle when nothing decides for VoID; HTML for browsers, `*\/*` and no Accept on /records. */
const pickRdf = negotiatorFor(rdfFormats());
const pickCollection = negotiatorFor(allFormats().filter((f) => ['turtle', 'jsonld', 'html'].includes(f.key)));
const voidBodies = new WeakMap<Catalog, Map<string, Promise<Prepared>>>();

/** A page computed per request, with the server's conditional requests and content codings. */
function sendText(req: Request, res: Response, mediaType: string, text: string, lastModified: Date): void | Promise<void> {
  return send(req, res, prepare({ body: text, mediaType, lastModified }));
}

async function sendXml(req: Request, res: Response, etag: string, lastModified: Date, write: (sink: ReturnType<typeof streamBody>) => Promise<void>) {
  const gzip = wantsGzip(req);
  res.setHeader('Content-Type', 'application/xml; charset=utf-8');
  res.vary('Accept-Encoding');
  if (notModified(req, res, gzip ? etag.replace(/"$/, '-gzip"') : etag, lastModified)) return;
  if (req.method === 'HEAD') {
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.end();
    return;
  }
  const sink = streamBody(res, gzip);
  await write(sink);
  await sink.end();
}
