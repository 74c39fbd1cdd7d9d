// Result messages: the shape's sh:message when it has one, else the component's default, with {$param} filled in.
import type { Literal, Term } from '@rdfjs/types';
import type { ShapesReader } from './shapes-reader.js';
import { RDF_FIRST, SH } from './terms.js';

/** Prefers an English (or untagged) literal among several, as the typed report does. */
export function pickMessage(terms: readonly Term[]): string | undefined {
  const literals = terms.filter((t): t is Literal => t.termType === 'Literal');
  return (literals.find((t) => t.language === 'en') ?? literals.find((t) => t.language === '') ?? literals[0])?.value;
}

function paramLabel(reader: ShapesReader, t: Term): string {
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'BlankNode') {
    if (reader.objects(t, RDF_FIRST).length > 0) {
      try {
        const members = reader.list(t, 'a list');
        const shown = members.slice(0, 3).map((m) => m.value).join(', ');
        return members.length > 3 ? `${shown} ... (and ${members.length - 3} more)` : shown;
      } catch {
        return `Blank node ${t.value}`;
      }
    }
    return `Blank node ${t.value}`;
  }
  return t.value;
}

/** Fills `{$name}` and `{?name}` with the constraint's parameter values. */
export function substitute(reader: ShapesReader, message: string, params: { [name: string]: Term | undefined }): string {
  let out = message;
  for (const [name, value] of Object.entries(params)) {
    const text = value ? paramLabel(reader, value) : 'NULL';
    out = out.replace(`{$${name}}`, text).replace(`{?${name}}`, text);
  }
  return out;
}

/** The message of one compiled constraint, or undefined for the typed report's generic wording. */
export function constraintMessage(
  reader: ShapesReader,
  shape: Term,
  template: string | undefined,
  params: { [name: string]: Term | undefined },
  componentNode?: Term,
): string | undefined {
  const own = pickMessage(reader.objects(shape, `${SH}message`));
  const chosen = own ?? template ?? (componentNode ? pickMessage(reader.objects(componentNode, `${SH}message`)) : undefined);
  return chosen === undefined ? undefined : substitute(reader, chosen, params);
}
