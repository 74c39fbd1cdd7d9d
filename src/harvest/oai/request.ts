// Reads an OAI-PMH request's arguments and checks them against the verb's rules (§3.1, §4): which are required, allowed, exclusive.
import { OaiError } from './errors.js';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type Verb = (typeof VERBS)[number];

interface VerbRule {
  required: readonly string[];
  optional: readonly string[];
  /** An argument that must be the only one besides the verb. */
  exclusive?: string;
}

const RULES: { [V in Verb]: VerbRule } = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

/** A request whose arguments are each given once, are all allowed for its verb, and include the required ones. */
export interface OaiRequest {
  verb: Verb;
  args: { [name: string]: string };
}

/** The arguments as given, in order, repeats kept. */
export type RawArguments = ReadonlyArray<readonly [string, string]>;

/** Checks `raw` against the protocol's rules; throws badVerb or badArgument. */
export function parseRequest(raw: RawArguments): OaiRequest {
  const verbs = raw.filter(([k]) => k === 'verb').map(([, v]) => v);
  if (verbs.length === 0) throw new OaiError('badVerb', 'the verb argument is missing');
  if (verbs.length > 1) throw new OaiError('badVerb', 'the verb argument is repeated');
  const verb = verbs[0]!;
  if (!(VERBS as readonly string[]).includes(verb)) throw new OaiError('badVerb', `"${verb}" is not an OAI-PMH verb`);
  const rule = RULES[verb as Verb];

  const args: { [name: string]: string } = {};
  for (const [name, value] of raw) {
    if (name === 'verb') continue;
    if (Object.hasOwn(args, name)) throw new OaiError('badArgument', `the argument ${name} is repeated`);
    if (!rule.required.includes(name) && !rule.optional.includes(name) && rule.exclusive !== name) {
      throw new OaiError('badArgument', `${verb} does not take the argument ${name}`);
    }
    if (value === '') throw new OaiError('badArgument', `the argument ${name} is empty`);
    args[name] = value;
  }
  if (rule.exclusive && args[rule.exclusive] !== undefined) {
    if (Object.keys(args).length > 1) throw new OaiError('badArgument', `${rule.exclusive} is an exclusive argument: give it alone with the verb`);
  } else {
    for (const name of rule.required) {
      if (args[name] === undefined) throw new OaiError('badArgument', `${verb} requires the argument ${name}`);
    }
  }
  return { verb: verb as Verb, args };
}
