// The offline JSON-LD document loader: schema.org's context comes from a local copy, and nothing is ever fetched.
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { assetPath } from '../paths.js';

/** The context URL written into every JSON-LD document: the one every schema.org consumer knows. */
export const SCHEMA_CONTEXT_URL = 'https://schema.org';

const SCHEMA_CONTEXT_ALIASES = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
  'https://schema.org/docs/jsonldcontext.jsonld',
  'https://schema.org/docs/jsonldcontext.json',
]);

let schemaContext: unknown;

/** The schema.org JSON-LD context (release 30.0), parsed once. */
export function schemaOrgContext(): unknown {
  schemaContext ??= JSON.parse(readFileSync(assetPath('jsonld', 'schemaorg-context.jsonld'), 'utf8'));
  return schemaContext;
}

interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  if (SCHEMA_CONTEXT_ALIASES.has(url)) {
    return { contextUrl: null, documentUrl: url, document: schemaOrgContext() };
  }
  throw new Error(`ldpub never fetches JSON-LD documents; no local copy of ${url}`);
}

let installed = false;

/** Replaces jsonld.js's network loader for the whole process, so no code path can fetch. */
export function installOfflineLoader(): void {
  if (installed) return;
  (jsonld as unknown as { documentLoader: typeof offlineDocumentLoader }).documentLoader = offlineDocumentLoader;
  installed = true;
}

installOfflineLoader();
