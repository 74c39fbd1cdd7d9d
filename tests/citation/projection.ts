// The fields every round trip compares: what a citation needs to find the same work again.
import type { Agent, Record } from '../../src/model/record.js';
import { paginationText } from '../../src/model/text.js';

export interface Projection {
  title?: string;
  authors: string[];
  journal?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
}

function agentName(a: Agent): string {
  return a.kind === 'organization' ? a.name : a.given ? `${a.family}, ${a.given}` : a.family;
}

export function project(r: Record): Projection {
  const p: Projection = { authors: r.authors.map(agentName) };
  if (r.title) p.title = r.title;
  if (r.container?.title) p.journal = r.container.title;
  if (r.container?.volume) p.volume = r.container.volume;
  if (r.container?.issue) p.issue = r.container.issue;
  if (r.locator) p.pages = paginationText(r.locator);
  if (r.doi) p.doi = r.doi;
  return p;
}
