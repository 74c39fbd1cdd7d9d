// `ldpub export --static DIR`: the whole site as files, fetched from the app itself (so every body is the one
// `ldpub serve` sends), with Apache httpd type maps and rules that negotiate as the server does, and an nginx map.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { LiveCatalog } from '../catalog/live.js';
import type { Format } from '../formats/format.js';
import { allFormats, negotiableFormats, rdfFormats } from '../formats/registry.js';
import { LdpubError } from '../errors.js';
import { createApp } from '../server/app.js';
import { createLogger } from '../server/log.js';

/** The folder beside the site that holds the server configuration (denied to clients by the Apache rules). */
export const CONFIG_DIR = '_server';
/**
 * One step of server quality between formats. Apache reads q and qs to three decimals only, so this is the
 * smallest step; with ten formats a client q that differs by more than 0.01 still decides first.
 */
const QS_STEP = 0.001;
/** A txt RewriteMap line is at most 1024 bytes: a Link header is held in chunks of this many characters. */
const LINK_CHUNK = 900;
const LINK_CHUNKS = 10;

export interface StaticExportOptions {
  live: LiveCatalog;
  base: string;
  outDir: string;
  shapesDir?: string;
  progress?: (done: number, total: number) => void;
}

export interface StaticExportResult {
  records: number;
  tombstones: number;
  files: number;
}

/** A negotiated resource: its URL path, the file stem its variants share, and the formats in preference order. */
interface Negotiated {
  path: string;
  stem: string;
  formats: readonly Format[];
}

/** ldpub's preference when a client accepts everything equally: HTML first, then server quality, then registry order. */
export function preferenceOrder(formats: readonly Format[]): Format[] {
  return formats
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ah = a.f.kind === 'html' ? 1 : 0;
      const bh = b.f.kind === 'html' ? 1 : 0;
      if (ah !== bh) return bh - ah;
      if (a.f.quality !== b.f.quality) return b.f.quality - a.f.quality;
      return a.i - b.i;
    })
    .map((x) => x.f);
}

/**
 * An Apache type map: one variant per media type, qs falling in preference order. Aliases point at the same file
 * and rank below every main type, because ldpub never reaches an alias through a wildcard.
 */
export function typeMap(stem: string, formats: readonly Format[]): string {
  const ordered = preferenceOrder(formats);
  const entries: Array<[Format, string]> = [...ordered.map((f): [Format, string] => [f, f.mediaType]), ...ordered.flatMap((f) => f.aliases.map((a): [Format, string] => [f, a]))];
  return entries.map(([f, type], rank) => `URI: ${stem}.${f.extension}\nContent-Type: ${type}; qs=${(1 - rank * QS_STEP).toFixed(3)}\n`).join('\n');
}

const HOME_KEYS = ['html', 'turtle', 'jsonld'];
const SHAPES_KEYS = ['turtle', 'jsonld'];

function byKeys(keys: readonly string[]): Format[] {
  return allFormats().filter((f) => keys.includes(f.key));
}

/** The media type of every extension the site uses, for AddType (charset added by AddCharset). */
function extensionTypes(): Map<string, string> {
  const types = new Map<string, string>();
  for (const f of negotiableFormats()) types.set(f.extension, f.mediaType);
  return types;
}

export async function exportStatic(opts: StaticExportOptions): Promise<StaticExportResult> {
  const out = resolve(opts.outDir);
  const app = createApp({ live: opts.live, base: opts.base, logger: createLogger('silent'), ...(opts.shapesDir ? { shapesDir: opts.shapesDir } : {}) });
  const server = await new Promise<Server>((res, rej) => {
    const s = app.listen(0, '127.0.0.1', () => res(s));
    s.once('error', rej);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let files = 0;
  const save = async (path: string, body: Buffer | string) => {
    const file = join(out, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
    files++;
  };
  const get = async (path: string, accept?: string): Promise<{ status: number; type: string; body: Buffer; link: string | null }> => {
    const res = await fetch(`${origin}${path}`, { headers: accept ? { accept } : {} });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()), link: res.headers.get('link') };
  };
  const fetchTo = async (path: string, file: string, accept?: string) => {
    const r = await get(path, accept);
    if (r.status !== 200) throw new LdpubError('LDPUB_IO', `the server answered ${r.status} for ${path}`, { record: path });
    await save(file, r.body);
    return r;
  };
  try {
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const catalog = opts.live.current;
    const negotiated: Negotiated[] = [
      { path: '/', stem: 'index', formats: byKeys(HOME_KEYS) },
      { path: '/shapes', stem: 'shapes', formats: byKeys(SHAPES_KEYS) },
      { path: '/.well-known/void', stem: '.well-known/void', formats: rdfFormats() },
    ];
    for (const n of negotiated) {
      for (const f of n.formats) await fetchTo(n.path, `${n.stem}.${f.extension}`, f.mediaType);
      await save(`${n.stem}.var`, typeMap(n.stem.split('/').pop()!, n.formats));
    }
    await save('406.html', NOT_ACCEPTABLE);
    // Fixed resources: the type each is sent with is the one the server sends.
    const fixed: Array<{ path: string; type: string }> = [];
    for (const path of ['/sitemap.xml', '/dump.nt', '/dump.jsonld', '/robots.txt']) {
      const r = await get(path);
      if (r.status !== 200) continue;
      await save(path.slice(1), r.body);
      fixed.push({ path, type: r.type });
    }
    const sitemap = (await get('/sitemap.xml')).body.toString('utf8');
    for (const m of sitemap.matchAll(/\/sitemap-(\d+)\.xml</g)) {
      const path = `/sitemap-${m[1]}.xml`;
      const r = await fetchTo(path, path.slice(1));
      fixed.push({ path, type: r.type });
    }
    // Every record in every negotiable format, its type map and its Link header.
    const formats = negotiableFormats();
    const links: string[] = [];
    const nginxLinks = new Map<string, string>();
    const total = catalog.records.length;
    let done = 0;
    for (const entry of catalog.records) {
      let link: string | null = null;
      for (const f of formats) {
        const r = await fetchTo(`/record/${entry.id}.${f.extension}`, `record/${entry.id}.${f.extension}`);
        link ??= r.link;
      }
      await save(`record/${entry.id}.var`, typeMap(entry.id, formats));
      if (link) {
        const value = encodeLink(link);
        const chunks: string[] = [];
        for (let i = 0; i < value.length && chunks.length < LINK_CHUNKS; i += LINK_CHUNK) chunks.push(value.slice(i, i + LINK_CHUNK));
        for (const name of [entry.id, ...formats.map((f) => `${entry.id}.${f.extension}`)]) {
          chunks.forEach((c, i) => links.push(`${name}:${i} ${c}`));
          // nginx reads a $ in a map value as a variable: such a Link header is left out there.
          if (!link.includes('$')) nginxLinks.set(`/record/${name}`, link);
        }
      }
      opts.progress?.(++done, total);
    }
    const gone: string[] = [];
    for (const t of catalog.tombstones) {
      gone.push(`${t.id} 1`);
      for (const f of formats) gone.push(`${t.id}.${f.extension} 1`);
    }
    await save(`${CONFIG_DIR}/links.txt`, `${links.join('\n')}\n`);
    await save(`${CONFIG_DIR}/gone.txt`, `${gone.join('\n')}\n`);
    await save(`${CONFIG_DIR}/apache.conf`, apacheConfig(out, fixed, negotiated));
    const nginx = nginxConfig(out, fixed, nginxLinks, gone);
    await save(`${CONFIG_DIR}/nginx-map.conf`, nginx.map);
    await save(`${CONFIG_DIR}/nginx-site.conf`, nginx.site);
    return { records: catalog.records.length, tombstones: catalog.tombstones.length, files };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((res) => server.close(() => res()));
  }
}

const NOT_ACCEPTABLE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>406 Not Acceptable</title></head>
<body><h1>406 Not Acceptable</h1><p>None of the types in the Accept header is available. Each resource is also
available by extension: .html, .ttl, .jsonld, .nt, .rdf, .json (CSL-JSON), .bib, .ris, .txt (citation), .marcxml.</p></body></html>
`;

/** A txt RewriteMap value holds no space: the Link value is kept %-escaped and unescaped by int:unescape. */
function encodeLink(link: string): string {
  return link.replace(/%/g, '%25').replace(/ /g, '%20');
}

function apacheConfig(root: string, fixed: Array<{ path: string; type: string }>, negotiated: Negotiated[]): string {
  const types = extensionTypes();
  const lines = [
    '# ldpub static site: Apache httpd 2.4 rules that negotiate as `ldpub serve` does.',
    '# Include this file in the server config or in the <VirtualHost> that serves the site (RewriteMap is not',
    '# allowed in .htaccess). Needs mod_mime, mod_negotiation, mod_rewrite, mod_headers, mod_dir, mod_alias.',
    `# The site folder: ${root}`,
    `DocumentRoot "${root}"`,
    `<Directory "${root}">`,
    '  Options -MultiViews -Indexes',
    '  AllowOverride None',
    '  Require all granted',
    '  DirectoryIndex index.var',
    '</Directory>',
    `<Directory "${root}/${CONFIG_DIR}">`,
    '  Require all denied',
    '</Directory>',
    'AddHandler type-map .var',
    ...[...types].map(([ext, type]) => `AddType ${type} .${ext}`),
    `AddCharset utf-8 ${[...types.keys()].map((e) => `.${e}`).join(' ')} .nt .xml .txt`,
    'FileETag MTime Size',
    '',
    'RewriteEngine On',
    `RewriteMap ldpublinks "txt:${root}/${CONFIG_DIR}/links.txt"`,
    `RewriteMap ldpubgone "txt:${root}/${CONFIG_DIR}/gone.txt"`,
    'RewriteMap ldpubunescape int:unescape',
    '# Deleted records: 410 Gone, as the server answers.',
    'RewriteCond ${ldpubgone:$1|0} =1',
    'RewriteRule ^/?record/([^/]+)$ - [G]',
    "# A record's Link header (signposts and alternates), for /record/{id} and every /record/{id}.{ext}.",
    "# (A txt map line holds at most 1024 bytes, so the value is kept in chunks, %-escaped as the map holds no space.)",
    'RewriteCond ${ldpublinks:$1:0|-} !=-',
    `RewriteRule ^/?record/([^/]+)$ - [E=LDPUB_LINK:1,${Array.from({ length: LINK_CHUNKS }, (_, i) => `E=LDPUB_L${i}:\${ldpubunescape:\${ldpublinks:$1:${i}|}}`).join(',')}]`,
    '# /record/{id} names the record when a type map exists for it (the exact id wins over an extension).',
    `RewriteCond "${root}/record/$1.var" -f`,
    'RewriteRule ^/?record/([^/]+)$ /record/$1.var [L,E=LDPUB_NEGOTIATED:1]',
    ...negotiated
      .filter((n) => n.path !== '/')
      .map((n) => `RewriteRule ^${n.path.replace(/\./g, '\\.')}$ /${n.stem}.var [L,E=LDPUB_NEGOTIATED:1]`),
    'RewriteRule ^/$ /index.var [L,E=LDPUB_NEGOTIATED:1]',
    '',
    'Header always set Access-Control-Allow-Origin "*"',
    'Header always set Access-Control-Expose-Headers "Link, ETag, Content-Location, Last-Modified"',
    'Header set Cache-Control "public, max-age=300"',
    `Header set Link "${Array.from({ length: LINK_CHUNKS }, (_, i) => `%{LDPUB_L${i}}e`).join('')}" env=LDPUB_LINK`,
    '# mod_negotiation says "Vary: negotiate,accept" and sends TCN; the server says Vary: Accept.',
    'Header always edit* Vary "(?i)\\s*,?\\s*negotiate\\s*,?\\s*" ""',
    'Header always edit Vary "(?i)^accept$" "Accept"',
    'Header edit* Vary "(?i)\\s*,?\\s*negotiate\\s*,?\\s*" ""',
    'Header edit Vary "(?i)^accept$" "Accept"',
    'Header always unset TCN',
    'Header unset TCN',
    '# 406: the error document is a request of its own, so the headers above apply to it too.',
    'ErrorDocument 406 /406.html',
    '<Location "/406.html">',
    '  Header always set Vary Accept',
    '</Location>',
    '',
    ...fixed.map((f) => `<Location "${f.path}">\n  ForceType "${f.type}"\n</Location>`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** An nginx regex for a media range named with a q other than 0: `first` only as the Accept header's first. */
function nginxRange(type: string, first: boolean): string {
  const t = type.replace(/[.+*]/g, '\\$&');
  // The parameters before the next comma must not say q=0 (q=0, 0.0, 0.00, 0.000: "not acceptable").
  return `"~*${first ? '^\\s*' : '(^|,)\\s*'}${t}\\s*(,|$|;(?![^,]*\\bq\\s*=\\s*0(\\.0{0,3})?\\s*(,|;|$)))"`;
}

/**
 * nginx cannot weigh q-values: the map picks the first type the Accept header names (with a q other than 0),
 * else the first type it names anywhere in ldpub's preference order, else HTML under a wildcard, else 406.
 * nginx-map.conf goes in the http block; nginx-site.conf inside the server block that serves the site.
 */
function nginxConfig(root: string, fixed: Array<{ path: string; type: string }>, links: Map<string, string>, gone: string[]): { map: string; site: string } {
  const order = preferenceOrder(negotiableFormats());
  const first: string[] = [];
  const anywhere: string[] = [];
  for (const f of order) {
    for (const type of [f.mediaType, ...f.aliases]) {
      first.push(`    ${nginxRange(type, true)} ${f.extension};`);
      anywhere.push(`    ${nginxRange(type, false)} ${f.extension};`);
    }
  }
  const quoted = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const resource = (name: string, keys: readonly string[], html: string) =>
    `map $ldpub_ext $ldpub_${name} {\n    default 406;\n${allFormats()
      .filter((f) => keys.includes(f.key))
      .map((f) => `    ${f.extension} ${f.extension};`)
      .join('\n')}${keys.includes('html') ? '' : `\n    html ${html};`}\n}`;
  const map = `# ldpub static site for nginx, http block: include this file in \`http { }\`, and _server/nginx-site.conf in
# the \`server { }\` that serves the site. APPROXIMATE: nginx's map cannot weigh q-values, so the format is the
# first one the Accept header names (docs/scaling.md lists where this differs from \`ldpub serve\`).
# Remove the two map_hash lines if your http block sets them already.
map_hash_max_size 1048576;
map_hash_bucket_size 256;
map $http_accept $ldpub_ext {
    default 406;
    "" html;
    "~*^\\s*(text/html|application/xhtml\\+xml|\\*/\\*)\\s*(,|$|;(?![^,]*\\bq\\s*=\\s*0(\\.0{0,3})?\\s*(,|;|$)))" html;
    ${nginxRange('application/*', true)} jsonld;
    ${nginxRange('text/*', true)} ttl;
${first.join('\n')}
${anywhere.join('\n')}
    ${nginxRange('*/*', false)} html;
    ${nginxRange('application/*', false)} jsonld;
    ${nginxRange('text/*', false)} ttl;
}
${resource('home', HOME_KEYS, 'html')}
${resource('shapes', SHAPES_KEYS, 'ttl')}
${resource('void', rdfFormats().map((f) => f.key), 'ttl')}
# Deleted records: 410 Gone.
map $uri $ldpub_gone {
    default 0;
${gone.map((g) => `    /record/${g.split(' ')[0]} 1;`).join('\n')}
}
# Each record's Link header (signposts and alternates), for /record/{id} and every /record/{id}.{ext}.
map $uri $ldpub_link {
    default "";
${[...links].map(([path, link]) => `    ${path} ${quoted(link)};`).join('\n')}
}
`;
  const site = `# ldpub static site for nginx, server block: include this file inside the \`server { }\` that serves the site,
# after _server/nginx-map.conf in the http block.
root ${root};
charset utf-8;
charset_types *;
default_type application/octet-stream;
types {
${[...extensionTypes()].map(([ext, type]) => `    ${type} ${ext};`).join('\n')}
}
add_header Access-Control-Allow-Origin "*" always;
add_header Access-Control-Expose-Headers "Link, ETag, Content-Location, Last-Modified" always;
add_header Vary Accept always;
add_header Cache-Control "public, max-age=300";
add_header Link $ldpub_link;
error_page 406 /406.html;
location /${CONFIG_DIR}/ { deny all; }
location = / {
    if ($ldpub_home = 406) { return 406; }
    rewrite ^ /index.$ldpub_home last;
}
location = /shapes {
    if ($ldpub_shapes = 406) { return 406; }
    rewrite ^ /shapes.$ldpub_shapes last;
}
location = /.well-known/void {
    if ($ldpub_void = 406) { return 406; }
    rewrite ^ /.well-known/void.$ldpub_void last;
}
# /record/{id} names the record when its type map exists (the exact id wins over an extension).
location ~ ^/record/(?<ldpub_id>[^/]+)$ {
    if ($ldpub_gone) { return 410; }
    set $ldpub_pick "";
    if (-f $document_root/record/$ldpub_id.var) { set $ldpub_pick $ldpub_ext; }
    if ($ldpub_pick = 406) { return 406; }
    if ($ldpub_pick != "") { rewrite ^ /record/$ldpub_id.$ldpub_pick last; }
}
${fixed.map((f) => `location = ${f.path} { types { } default_type "${f.type.split(';')[0]!.trim()}"; }`).join('\n')}
`;
  return { map, site };
}
