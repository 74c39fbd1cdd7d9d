// Parses the catalog's author lists ("Family, Given, Family, Given, …") into persons and organisations, in order.
import { collapseSpaces } from '../../model/text.js';
import type { Agent } from '../../model/record.js';

// How a list is read (the catalog flattens "Family, Given" pairs into one comma-separated list):
// - the value's lines are joined, and the list is split on commas (or on semicolons, when it uses them between names);
// - a token that looks like an organisation stands alone: it has four or more words (no family or given name
//   has that many: "van der Berg" and "de la Cruz" have three), or it has two or more words one of which is
//   such as Consortium, Group, University, Institute, Panel, Committee (one word alone may be a surname);
// - any other token is a family name, and the token after it its given names, unless that token is an organisation;
// - a token left without a partner (the last of an odd count, or one before an organisation) is a name with
//   no comma pair: a person known by one name ("Plato") when it is one word that is not an acronym or an
//   organisation word, otherwise an organisation.
const ORGANISATION_WORD =
  /\b(?:consortium|collaboration|group|groups|university|universit[äé]t?|institute|institut|instituto|panel|committee|association|society|network|team|council|foundation|center|centre|project|initiative|organi[sz]ation|agency|laboratory|laboratories|ministry|department|authority|commission|investigators|programme|alliance|federation|inc|ltd|gmbh|corporation|company|hospital|college|academy)\b/i;
const SPACE = /\s+/;
const COMMA = /\s*,\s*/;
const SEMICOLON = /\s*;\s*/;

export function looksLikeOrganisation(token: string): boolean {
  const words = token.split(SPACE).length;
  return words >= 4 || (words >= 2 && ORGANISATION_WORD.test(token));
}

/** An acronym such as "WHO", "NASA" or "CERN": evidence of an organisation when a name is one word. */
const ACRONYM = /^\p{Lu}[\p{Lu}\d&.-]+$/u;

/**
 * A lone name with no given part: one word that is neither an acronym nor an organisation word ("Plato",
 * "Aristotle", "Confucius") is a person known by one name, kept as the family name; anything else is an organisation.
 */
export function loneNameIsPerson(token: string): boolean {
  const t = token.trim();
  return t !== '' && !SPACE.test(t) && !ACRONYM.test(t) && !ORGANISATION_WORD.test(t) && /\p{L}/u.test(t);
}

function lone(token: string): Agent {
  return loneNameIsPerson(token) ? { kind: 'person', family: token.trim() } : organisation(token);
}

function organisation(name: string): Agent {
  return { kind: 'organization', name };
}

/** One "Family, Given" pair (or a lone name) to an Agent. */
function fromPair(pair: string): Agent | undefined {
  const tokens = pair.split(COMMA).filter((t) => t !== '');
  const family = tokens[0];
  if (family === undefined) return undefined;
  if (tokens.length === 1) return lone(family);
  if (looksLikeOrganisation(pair)) return organisation(tokens.join(', '));
  return { kind: 'person', family, given: tokens.slice(1).join(', ') };
}

/** "Kanda, Yutaro, Kakiuchi, Yuji, GTEx Consortium" → persons and organisations in order. */
export function parseNameList(lines: readonly string[]): Agent[] {
  const text = collapseSpaces(lines.join(', ')).trim();
  if (text === '') return [];
  if (text.includes(';')) {
    return text.split(SEMICOLON).map(fromPair).filter((a): a is Agent => a !== undefined);
  }
  const tokens = text.split(COMMA).filter((t) => t !== '');
  const agents: Agent[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const next = tokens[i + 1];
    if (looksLikeOrganisation(token)) agents.push(organisation(token));
    else if (next === undefined || looksLikeOrganisation(next)) agents.push(lone(token));
    else {
      agents.push({ kind: 'person', family: token, given: next });
      i++;
    }
  }
  return agents;
}

/** `Corporate Author:` values: one organisation per line, commas kept ("University of California, Berkeley"). */
export function parseOrganisations(lines: readonly string[]): Agent[] {
  return lines.map((l) => collapseSpaces(l).trim()).filter((l) => l !== '').map(organisation);
}
