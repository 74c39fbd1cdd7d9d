// What answering an OAI-PMH request needs: the catalog snapshot taken for the request and the repository's settings.
import type { Catalog } from '../../catalog/catalog.js';
import type { CatalogEntry } from '../../catalog/catalog.js';
import type { TokenCodec } from './token.js';
import { OaiError } from './errors.js';

export interface OaiContext {
  catalog: Catalog;
  /** The configured base, without a trailing slash; never taken from the Host header. */
  base: string;
  /** The base's host name: the namespace part of `oai:{host}:{id}`. */
  host: string;
  repositoryName: string;
  adminEmail: string;
  pageSize: number;
  tokens: TokenCodec;
  now: () => Date;
}

export function baseUrl(ctx: OaiContext): string {
  return `${ctx.base}/oai`;
}

export function oaiIdentifier(ctx: OaiContext, id: string): string {
  return `oai:${ctx.host}:${id}`;
}

/** The record (or tombstone) an `oai:{host}:{id}` identifier names; idDoesNotExist for any other. */
export function resolveIdentifier(ctx: OaiContext, identifier: string): CatalogEntry {
  const prefix = `oai:${ctx.host}:`;
  const record = identifier.startsWith(prefix) ? ctx.catalog.entry(identifier.slice(prefix.length)) : undefined;
  if (!record) throw new OaiError('idDoesNotExist', `no record has the identifier ${identifier}`);
  return record;
}
