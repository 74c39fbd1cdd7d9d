// Splits a catalog summary back into structured-abstract sections, whose headings the catalog glues to the sentence.
import { collapseSpaces } from '../../model/text.js';
import type { AbstractSection } from '../../model/record.js';

/** Structured-abstract headings (IMRaD, CONSORT, case reports; English, German, French, Spanish, Portuguese, Italian, Dutch), longest first so "Conclusions" wins over "Conclusion". */
const HEADINGS = [
  'Main outcome measures', 'Main outcomes and measures', 'Materials and methods', 'Methods and materials',
  'Methods and findings', 'Methods and results', 'Patients and methods', 'Subjects and methods', 'Study design',
  'Case presentation', 'Case description', 'Case report', 'Case summary', 'Clinical presentation',
  'Conclusions and relevance', 'Conclusions', 'Conclusion', 'Background and aims', 'Background and objectives',
  'Background', 'Objectives', 'Objective', 'Aims', 'Aim', 'Purpose', 'Introduction', 'Methodology', 'Methods',
  'Method', 'Results', 'Result', 'Discussion', 'Findings', 'Interpretation', 'Significance', 'Context', 'Design',
  'Setting', 'Participants', 'Patients', 'Interventions', 'Intervention', 'Measurements', 'Exposures', 'Outcomes',
  'Importance', 'Rationale', 'Limitations', 'Implications', 'Funding', 'Trial registration', 'Summary',
  'Highlights', 'Evidence acquisition', 'Evidence synthesis', 'Data sources', 'Study selection',
  'Data extraction', 'Hypothesis', 'Problem', 'Approach', 'Originality', 'Value', 'Keywords',
  // German
  'Hintergrund', 'Einleitung', 'Fragestellung', 'Zielsetzung', 'Ziele', 'Ziel', 'Material und Methoden',
  'Patienten und Methoden', 'Methoden', 'Methodik', 'Ergebnisse', 'Ergebnis', 'Resultate', 'Schlussfolgerungen',
  'Schlussfolgerung', 'Schlußfolgerung', 'Schlußfolgerungen', 'Fazit', 'Diskussion', 'Zusammenfassung',
  // French
  'Contexte', 'Objectifs', 'Objectif', 'Matériel et méthodes', 'Patients et méthodes', 'Méthodes', 'Méthode',
  'Méthodologie', 'Résultats', 'Résultat', 'Conclusions', 'Conclusion', 'Discussion',
  // Spanish
  'Antecedentes', 'Fundamento', 'Introducción', 'Objetivos', 'Objetivo', 'Material y métodos', 'Materiales y métodos',
  'Pacientes y métodos', 'Métodos', 'Método', 'Resultados', 'Conclusiones', 'Conclusión', 'Discusión',
  // Portuguese
  'Contexto', 'Introdução', 'Materiais e métodos', 'Conclusões', 'Conclusão', 'Discussão',
  // Italian
  'Premessa', 'Introduzione', 'Obiettivi', 'Obiettivo', 'Scopo', 'Materiali e metodi', 'Metodi', 'Risultati',
  'Conclusioni', 'Discussione',
  // Dutch
  'Achtergrond', 'Inleiding', 'Doelstelling', 'Doel', 'Resultaten', 'Conclusies', 'Conclusie', 'Discussie',
]
  .filter((h, i, all) => all.indexOf(h) === i)
  .sort((a, b) => b.length - a.length);

/** "Case presentation" → "[Cc]ase [Pp]resentation": each word's first letter in either case, the rest as listed. */
function headingPattern(heading: string): string {
  return heading
    .split(' ')
    .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0).toLowerCase()}]${w.slice(1)}`)
    .join(' ');
}

const ALTERNATION = HEADINGS.map(headingPattern).join('|');
const HEADING_WORDS: ReadonlySet<string> = new Set(HEADINGS.map((h) => h.toLowerCase()));

// A heading splits only at the start of the text or of a sentence (after . ! ? or a closing bracket and a space),
// and only when it is glued to a capitalised word ("BackgroundPrimary") or followed by a colon ("Methods: We").
// "Methods were…" or "…the Background of…" in prose never match.
const HEADING_AT_SENTENCE_START = new RegExp(
  `(^|[.!?…)\\]]\\s+)(${ALTERNATION})(?:(?=\\p{Lu})|\\s*:\\s*)`,
  'gu',
);

/** True for a structured-abstract heading such as "Methods" (any case). */
export function isAbstractHeading(text: string): boolean {
  return HEADING_WORDS.has(text.toLowerCase());
}

/** The summary as sections: one without heading when unstructured. */
export function splitAbstract(summary: string): AbstractSection[] {
  const text = collapseSpaces(summary).trim();
  if (text === '') return [];
  const sections: AbstractSection[] = [];
  let heading: string | undefined;
  let from = 0;
  for (const m of text.matchAll(HEADING_AT_SENTENCE_START)) {
    const at = m.index + (m[1] as string).length;
    const before = text.slice(from, at).trim();
    if (before !== '' || heading !== undefined) sections.push(section(heading, before));
    heading = m[2];
    from = m.index + m[0].length;
  }
  sections.push(section(heading, text.slice(from).trim()));
  return sections;
}

function section(heading: string | undefined, text: string): AbstractSection {
  return heading === undefined ? { text } : { heading, text };
}
