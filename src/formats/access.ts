// Access rights as the open-access vocabularies name them: the Record's level, or the one its licence implies, as an
// info:eu-repo term (OpenAIRE Guidelines 3 and the data guidelines) and as a COAR Access Right concept (Guidelines 4).
import type { AccessRights, Record } from '../model/record.js';

/** Licences that make a work open access: Creative Commons (any), public domain marks, and SPDX open licences. */
const OPEN_LICENSE = /^https?:\/\/(creativecommons\.org\/(licenses|publicdomain)\/|spdx\.org\/licenses\/(CC-|MIT|Apache-|BSD-|GPL-|LGPL-|MPL-|CC0))/i;

/** The access level: the record's accessRights, else open for an open licence, else the configured default. */
export function accessRightsOf(record: Record, fallback?: AccessRights): AccessRights | undefined {
  return record.accessRights ?? (record.license && OPEN_LICENSE.test(record.license) ? 'open' : fallback);
}

/** The info:eu-repo access term of each level (`info:eu-repo/semantics/…`). */
export const EU_REPO_ACCESS: { readonly [A in AccessRights]: string } = {
  open: 'openAccess',
  embargoed: 'embargoedAccess',
  restricted: 'restrictedAccess',
  'metadata-only': 'closedAccess',
};

/** The COAR Access Right concept and its label (OpenAIRE Guidelines 4, "Access Rights"). */
export const COAR_ACCESS: { readonly [A in AccessRights]: { uri: string; label: string } } = {
  open: { uri: 'http://purl.org/coar/access_right/c_abf2', label: 'open access' },
  embargoed: { uri: 'http://purl.org/coar/access_right/c_f1cf', label: 'embargoed access' },
  restricted: { uri: 'http://purl.org/coar/access_right/c_16ec', label: 'restricted access' },
  'metadata-only': { uri: 'http://purl.org/coar/access_right/c_14cb', label: 'metadata only access' },
};
