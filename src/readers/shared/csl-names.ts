// Maps CSL name objects to Record agents: persons keep particles in the family name, literals become organisations.
import type { Agent } from '../../model/record.js';
import { isObject } from './csl-item.js';
import { bareOrcid } from './identifiers.js';
import { loneNameIsPerson } from '../catalog/names.js';
import { plainText } from './markup.js';

export interface NameOptions {
  /** A family-only name with a space in it ("{The Consortium}" in BibTeX) is an organisation. */
  familyOnlyWithSpaceIsOrganization?: boolean;
  /** A literal "Fanning E." or "Smith AB" (RIS without the comma) is a person, family then initials. */
  literalWithInitialsIsPerson?: boolean;
}

const FAMILY_THEN_INITIALS = /^(\p{Lu}[\p{L}'-]+) ((?:\p{Lu}\.? ?){1,3})$/u;

function text(value: unknown): string {
  return typeof value === 'string' ? plainText(value) : '';
}

export function cslAgent(name: unknown, options: NameOptions = {}): Agent | undefined {
  if (!isObject(name)) return undefined;
  const literal = text(name.literal) || text(name.name);
  const family = [text(name['dropping-particle']), text(name['non-dropping-particle']), text(name.family)]
    .filter(Boolean)
    .join(' ');
  const given = text(name.given);
  if (!family) {
    const initials = options.literalWithInitialsIsPerson ? FAMILY_THEN_INITIALS.exec(literal) : null;
    if (initials?.[1] && initials[2]) return { kind: 'person', family: initials[1], given: initials[2].trim() };
    if (!literal) return undefined;
    return loneNameIsPerson(literal) ? { kind: 'person', family: literal } : { kind: 'organization', name: literal };
  }
  if (!given && options.familyOnlyWithSpaceIsOrganization && /\s/.test(family)) {
    return { kind: 'organization', name: family };
  }
  const orcid = bareOrcid(name.ORCID ?? name.orcid ?? name._orcid);
  return { kind: 'person', family, ...(given ? { given } : {}), ...(orcid ? { orcid } : {}) };
}

export function cslAgents(names: unknown, options: NameOptions = {}): Agent[] {
  if (!Array.isArray(names)) return [];
  return names.map((n) => cslAgent(n, options)).filter((a): a is Agent => a !== undefined);
}
