// A plain formatted citation built from the Record (Vancouver-like): the fallback when citeproc cannot format a record.
import type { Agent, Record } from '../model/record.js';
import { paginationText } from '../model/text.js';
import { yearOf } from './record-text.js';

const MAX_AUTHORS = 6;

/** "Kanda Y", "van der Berg SAA", "Jean-Pierre Dupont" → "Dupont JP"; an organisation as named. */
export function vancouverName(agent: Agent): string {
  if (agent.kind === 'organization') return agent.name;
  const initials = (agent.given ?? '')
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
  return initials ? `${agent.family} ${initials}` : agent.family;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.?!]$/.test(t) ? t : `${t}.`;
}

/**
 * "Kanda Y, Kakiuchi Y, …, et al. Title. Journal. 2023;16(3):12-19. doi:10.…"
 * Up to six authors, then "et al."; parts the record lacks are left out.
 */
export function plainCitation(record: Record): string {
  const parts: string[] = [];
  if (record.authors.length) {
    const names = record.authors.slice(0, MAX_AUTHORS).map(vancouverName);
    if (record.authors.length > MAX_AUTHORS) names.push('et al');
    parts.push(sentence(names.join(', ')));
  }
  if (record.title) parts.push(sentence(record.title));
  const c = record.container;
  if (c?.title) parts.push(sentence(c.title));
  let where = yearOf(record.date) ?? record.date ?? '';
  if (c?.volume) where += `;${c.volume}`;
  if (c?.issue) where += `(${c.issue})`;
  if (record.locator) where += `:${paginationText(record.locator)}`;
  if (where) parts.push(sentence(where.replace(/^;/, '')));
  if (record.doi) parts.push(`doi:${record.doi}`);
  return parts.join(' ');
}
