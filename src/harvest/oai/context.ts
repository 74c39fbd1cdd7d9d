// What answering an OAI-PMH request needs: the catalog snapshot taken for the request and the repository's settings.
import type { Catalog } from '../../catalog/catalog.js';
import type { CatalogEntry } from '../../catalog/catalog.js';
import type { TokenCodec } from './token.js';
import { OaiError } from './errors.js';
import type { SetsConfig } from './sets.js';
import type { DcOptions } from './dc.js';
import { localIdOf, oaiIdentifierOf } from './identifier.js';

export interface OaiContext {
  catalog: Catalog;
  /** The configured base, without a trailing slash; never taken from the Host header. */
  base: string;
  /** The oai-identifier repositoryIdentifier: the namespace part of `oai:{repositoryId}:{id}`. */
  repositoryId: string;
  repositoryName: string;
  adminEmail: string;
  pageSize: number;
  /** How oai_dc fills in what a record does not say (the default access level). */
  dc: DcOptions;
  /** Which set families to derive, and configured set names. */
  sets: SetsConfig;
  tokens: TokenCodec;
  now: () => Date;
}

export function baseUrl(ctx: OaiContext): string {
  return `${ctx.base}/oai`;
}

export function oaiIdentifier(ctx: OaiContext, id: string): string {
  return oaiIdentifierOf(ctx.repositoryId, id);
}

/** The record (or tombstone) an `oai:{repositoryId}:{id}` identifier names; idDoesNotExist for any other. */
export function resolveIdentifier(ctx: OaiContext, identifier: string): CatalogEntry {
  const record = ctx.catalog.entry(localIdOf(ctx.repositoryId, identifier));
  if (!record) throw new OaiError('idDoesNotExist', `no record has the identifier ${identifier}`);
  return record;
}
