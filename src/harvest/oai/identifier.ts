// oai-identifier (the OAI identifier guidelines): `oai:{repositoryIdentifier}:{localIdentifier}`, where the
// repository identifier is a dotted domain name and the local part uses only the characters the syntax allows.
import { LdpubError } from '../../errors.js';
import { OaiError } from './errors.js';

/** The guidelines' repositoryIdentifier: domain labels that start with a letter, at least two of them. */
export const REPOSITORY_IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;
/** Characters a local identifier may carry unescaped (`%` introduces an escape). */
const LOCAL_CHAR = /[a-zA-Z0-9\-_.!~*'();/?:@&=+$,]/;

/**
 * The repository identifier for a base host: the host itself when it is a valid one (`data.example.org`);
 * otherwise (`localhost`, an IP address, a label that starts with a digit) the host made into labels that start
 * with a letter, under `.localdomain`: `localhost` → `localhost.localdomain`, `127.0.0.1` → `ip-127-0-0-1.localdomain`.
 * Configure a real one (`LDPUB_OAI_REPOSITORY_ID`) for a repository harvesters are to register.
 */
export function repositoryIdentifierFor(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (REPOSITORY_IDENTIFIER.test(bare)) return bare;
  const label = bare.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'host';
  return `${/^[a-zA-Z]/.test(label) ? label : `ip-${label}`}.localdomain`;
}

/** Checks a configured repository identifier (LDPUB_USAGE when it breaks the syntax). */
export function checkRepositoryIdentifier(id: string): string {
  if (!REPOSITORY_IDENTIFIER.test(id)) {
    throw new LdpubError('LDPUB_USAGE', 'an OAI repository identifier is a domain name of labels that start with a letter, with at least one dot', {
      field: 'LDPUB_OAI_REPOSITORY_ID',
      value: id,
    });
  }
  return id;
}

/** A record id as an oai-identifier local part: characters outside the allowed set are percent-encoded (UTF-8). */
export function encodeLocal(id: string): string {
  let out = '';
  for (const ch of id) {
    if (LOCAL_CHAR.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The record id of a local part, or undefined when the local part is not well formed. */
export function decodeLocal(local: string): string | undefined {
  if (local === '' || /%(?![0-9A-Fa-f]{2})/.test(local)) return undefined;
  try {
    return decodeURIComponent(local);
  } catch {
    return undefined;
  }
}

export function oaiIdentifierOf(repositoryId: string, id: string): string {
  return `oai:${repositoryId}:${encodeLocal(id)}`;
}

/** The record id an identifier of this repository names; idDoesNotExist for any other. */
export function localIdOf(repositoryId: string, identifier: string): string {
  const prefix = `oai:${repositoryId}:`;
  const id = identifier.startsWith(prefix) ? decodeLocal(identifier.slice(prefix.length)) : undefined;
  if (id === undefined) throw new OaiError('idDoesNotExist', `no record has the identifier ${identifier}`);
  return id;
}
