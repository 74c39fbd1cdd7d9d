// People and organisations: authors, contributors by role, affiliations, ORCID and ROR as schema:sameAs IRIs.
import { DataFactory } from 'n3';
import type { NamedNode, Quad } from '@rdfjs/types';
import type { Agent, ContributorRole, Organization } from '../model/record.js';
import { displayName } from '../model/text.js';
import { bibo, dcterms, rdf, schema } from './namespaces.js';
import { isAbsoluteIri, node } from './iris.js';

const { namedNode, literal, quad } = DataFactory;

/**
 * An agent node. ORCID and ROR are `schema:sameAs` IRIs on the record's own hash node rather than the node's
 * `@id`: the same person is described differently by different records, and one dump must not merge them.
 */
export function mapAgent(agent: Agent, n: NamedNode, out: Quad[]): NamedNode {
  if (agent.kind === 'organization') {
    mapOrganization(agent, n, out);
    return n;
  }
  out.push(quad(n, rdf('type'), schema('Person')));
  if (agent.given) out.push(quad(n, schema('givenName'), literal(agent.given)));
  if (agent.family) out.push(quad(n, schema('familyName'), literal(agent.family)));
  if (agent.suffix) out.push(quad(n, schema('honorificSuffix'), literal(agent.suffix)));
  out.push(quad(n, schema('name'), literal(displayName(agent))));
  if (agent.orcid) out.push(quad(n, schema('sameAs'), namedNode(`https://orcid.org/${agent.orcid}`)));
  (agent.affiliations ?? []).forEach((org, i) => {
    const a = namedNode(node.affiliation(n.value, i + 1));
    out.push(quad(n, schema('affiliation'), a));
    mapOrganization(org, a, out);
  });
  return n;
}

/** An organisation node: its name, and its ROR id and any other identifier IRI as schema:sameAs. */
export function mapOrganization(org: Organization, n: NamedNode, out: Quad[]): NamedNode {
  out.push(quad(n, rdf('type'), schema('Organization')));
  out.push(quad(n, schema('name'), literal(org.name)));
  if (org.ror && isAbsoluteIri(org.ror)) out.push(quad(n, schema('sameAs'), namedNode(org.ror)));
  if (org.iri && isAbsoluteIri(org.iri)) out.push(quad(n, schema('sameAs'), namedNode(org.iri)));
  return n;
}

/** Roles with a schema.org property of their own; every other role goes through a schema:Role node. */
const ROLE_PROPERTY: { [role in ContributorRole]?: string } = { editor: 'editor', translator: 'translator' };

/**
 * Contributors: `schema:editor` + `bibo:editor` for editors, `schema:translator` + `bibo:translator` for
 * translators, `schema:contributor` for a plain contributor, and for any other role `schema:contributor` → a
 * `schema:Role` node with `schema:roleName` whose `schema:contributor` is the person (the schema.org Role
 * pattern). Every contributor is also `dcterms:contributor`.
 */
export function mapContributors(contributors: readonly Agent[], subject: NamedNode, iri: string, out: Quad[]): void {
  contributors.forEach((c, i) => {
    const n = mapAgent(c, namedNode(node.contributor(iri, i + 1)), out);
    const role = c.role ?? 'contributor';
    out.push(quad(subject, dcterms('contributor'), n));
    const property = ROLE_PROPERTY[role];
    if (property) {
      out.push(quad(subject, schema(property), n));
      out.push(quad(subject, bibo(property), n));
    } else if (role === 'contributor') {
      out.push(quad(subject, schema('contributor'), n));
    } else {
      const r = namedNode(node.role(n.value));
      out.push(quad(subject, schema('contributor'), r));
      out.push(quad(r, rdf('type'), schema('Role')));
      out.push(quad(r, schema('roleName'), literal(role)));
      out.push(quad(r, schema('contributor'), n));
    }
  });
}
