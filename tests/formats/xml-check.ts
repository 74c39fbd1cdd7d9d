// Strict XML 1.0 well-formedness, by two parsers that are not the writers': saxes, and libxml2 (xmllint-wasm).
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';

/** The well-formedness errors saxes reports (namespaces checked too), or none. */
export function saxesErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

/** The errors libxml2 reports for each document (by index), or none: one xmllint run for all of them. */
export async function libxml2Errors(documents: readonly string[]): Promise<string[]> {
  if (documents.length === 0) return [];
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: `doc${i}.xml`, contents })),
    normalization: 'c14n',
    maxMemoryPages: 16 * 1024,
  });
  return result.errors.map((e) => e.rawMessage);
}
