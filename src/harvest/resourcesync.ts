// ResourceSync (ANSI/NISO Z39.99-2017): a Source Description at /.well-known/resourcesync, a Capability List, a
// Resource List of every record and a Change List of every record's last change (deletions included where the
// store keeps tombstones for ever), all sitemaps with the rs: extension.
import type { Catalog } from '../catalog/catalog.js';
import { escapeText } from './oai/xml.js';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const RS_NS = 'http://www.openarchives.org/rs/terms/';

export const RS_PATHS = {
  description: '/.well-known/resourcesync',
  capabilityList: '/resourcesync/capabilitylist.xml',
  resourceList: '/resourcesync/resourcelist.xml',
  changeList: '/resourcesync/changelist.xml',
} as const;

/** What a list needs of a catalog entry; a deleted one is a tombstone. */
interface Listed {
  iri: string;
  lastModified: Date;
  deleted?: boolean;
}

function w3c(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function open(capability: string, attributes: string, up?: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:rs="${RS_NS}">\n` +
    `  <rs:md capability="${capability}"${attributes}/>\n` +
    (up ? `  <rs:ln rel="up" href="${escapeText(up)}"/>\n` : '')
  );
}

const CLOSE = '</urlset>\n';

/** The Source Description: this source has one Capability List. */
export function sourceDescription(base: string): string {
  return (
    open('description', '') +
    `  <rs:ln rel="describedby" href="${escapeText(`${base}/.well-known/void`)}"/>\n` +
    `  <url><loc>${escapeText(base + RS_PATHS.capabilityList)}</loc><rs:md capability="capabilitylist"/></url>\n` +
    CLOSE
  );
}

export function capabilityList(base: string): string {
  return (
    open('capabilitylist', '', base + RS_PATHS.description) +
    `  <url><loc>${escapeText(base + RS_PATHS.resourceList)}</loc><rs:md capability="resourcelist"/></url>\n` +
    `  <url><loc>${escapeText(base + RS_PATHS.changeList)}</loc><rs:md capability="changelist"/></url>\n` +
    CLOSE
  );
}

/** Every published record with its last modification; `at` is when the list's snapshot was taken. */
export function resourceList(catalog: Catalog, base: string): string {
  const lines = catalog.records.map((r) => `  <url><loc>${escapeText(r.iri)}</loc><lastmod>${w3c(r.lastModified)}</lastmod></url>\n`);
  return open('resourcelist', ` at="${w3c(catalog.lastModified)}"`, base + RS_PATHS.capabilityList) + lines.join('') + CLOSE;
}

/**
 * Each record's last change, oldest first (the order the specification asks for): `updated` for a published record
 * (ldpub cannot tell a creation from an update without a history), `deleted` for a tombstone.
 */
export function changeList(catalog: Catalog, base: string): string {
  // The store's entries: published records and tombstones (kept for ever, with the datestamp of the deletion).
  const entries: Listed[] = [...catalog.all].sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  const from = entries[0]?.lastModified ?? catalog.lastModified;
  const lines = entries.map(
    (e) => `  <url><loc>${escapeText(e.iri)}</loc><lastmod>${w3c(e.lastModified)}</lastmod><rs:md change="${e.deleted ? 'deleted' : 'updated'}" datetime="${w3c(e.lastModified)}"/></url>\n`,
  );
  return open('changelist', ` from="${w3c(from)}" until="${w3c(catalog.lastModified)}"`, base + RS_PATHS.capabilityList) + lines.join('') + CLOSE;
}
