// Derived plain-text views of a Record that several writers share (names, abstract, pages).
import type { AbstractSection, Agent, Locator } from './record.js';

/** "Given Family" for a person, the name for an organisation. */
export function displayName(agent: Agent): string {
  if (agent.kind === 'organization') return agent.name;
  return agent.given ? `${agent.given} ${agent.family}` : agent.family;
}

/** "Background: text Case presentation: text", or the text alone when unstructured. */
export function abstractText(sections: readonly AbstractSection[]): string {
  return sections
    .map((s) => (s.heading ? `${s.heading}: ${s.text}` : s.text))
    .join(' ');
}

/** "12-19", "e0229874" or "11795476231171891": never a range whose ends are equal. */
export function paginationText(locator: Locator): string {
  if (locator.kind === 'article-number') return locator.value;
  return locator.last && locator.last !== locator.first ? `${locator.first}-${locator.last}` : locator.first;
}
