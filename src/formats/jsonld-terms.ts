// Term selection for ldpub's JSON-LD context, as JSON-LD 1.1 compaction does it, prepared once and memoised.
//
// This is the part of the JSON-LD compaction algorithm (IRI compaction, term selection, value compaction) that a
// context of simple terms needs: terms with `@id`, `@type` (`@id`, `@vocab` or a datatype), `@language` and a
// `@set` or `@list` container, prefixes and `@vocab`. A context with anything else (scoped contexts, reverse
// properties, index or language maps) is refused when the writer is built, so it can never compact wrongly.

type JsonValue = string | { [key: string]: unknown };

interface TermDefinition {
  id: string;
  type?: string;
  /** `null` means the term says "no language"; absent means it says nothing. */
  language?: string | null;
  container: '@set' | '@list' | '@none';
  /** May be used as the prefix of a compact IRI. */
  prefix: boolean;
}

/** What term selection needs to know of a value. */
export type ValueShape =
  | { kind: 'node'; id: string }
  | { kind: 'value'; type?: string; language?: string }
  | { kind: 'list'; items: readonly ValueShape[] };

const KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@list', '@set', '@context', '@vocab', '@graph', '@none', '@base', '@index', '@reverse', '@json', '@direction', '@nest', '@included', '@version', '@protected', '@prefix', '@propagate', '@import']);
const GEN_DELIM_END = /[:/?#[\]@]$/;
/** Memo entries kept at most: predicates × value shapes, and vocabulary IRIs, are few; this only bounds the unforeseen. */
const MEMO_LIMIT = 10_000;

type Inverse = Map<string, Map<string, { language: Map<string, string>; type: Map<string, string>; any: Map<string, string> }>>;

/** Shortest first, then lexicographically least: the order JSON-LD prefers terms in. */
function shortestLeast(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class CompactionContext {
  readonly terms = new Map<string, TermDefinition>();
  private readonly aliases = new Map<string, string>();
  private readonly vocab: string | undefined;
  private readonly defaultLanguage: string | undefined;
  private readonly inverse: Inverse = new Map();
  private readonly prefixes: [string, string][] = [];
  private readonly termMemo = new Map<string, string>();
  private readonly iriMemo = new Map<string, string>();
  private readonly hasVocabTerms: boolean;

  constructor(context: { readonly [key: string]: unknown }) {
    const raw = context as { [key: string]: unknown };
    this.vocab = typeof raw['@vocab'] === 'string' ? (raw['@vocab'] as string) : undefined;
    this.defaultLanguage = typeof raw['@language'] === 'string' ? (raw['@language'] as string) : undefined;
    for (const key of Object.keys(raw)) {
      if (key.startsWith('@')) {
        if (!['@vocab', '@language', '@version'].includes(key)) throw new Error(`JSON-LD context: ${key} is not supported by the direct writer`);
        continue;
      }
      this.define(key, raw);
    }
    this.buildInverse();
    this.hasVocabTerms = [...this.terms.values()].some((d) => d.type === '@vocab');
  }

  private expand(value: string, raw: { [key: string]: unknown }, seen: Set<string>): string {
    if (KEYWORDS.has(value)) return value;
    const colon = value.indexOf(':');
    if (colon > 0) {
      const prefix = value.slice(0, colon);
      const suffix = value.slice(colon + 1);
      if (!suffix.startsWith('//') && prefix in raw && !seen.has(prefix)) return this.definitionId(prefix, raw, new Set([...seen, prefix])) + suffix;
      return value;
    }
    if (value in raw && !seen.has(value)) return this.definitionId(value, raw, new Set([...seen, value]));
    if (this.vocab === undefined) throw new Error(`JSON-LD context: "${value}" has no IRI`);
    return this.vocab + value;
  }

  private definitionId(term: string, raw: { [key: string]: unknown }, seen: Set<string>): string {
    const def = raw[term];
    if (typeof def === 'string') return this.expand(def, raw, seen);
    const d = def as { '@id'?: string };
    if (d && typeof d['@id'] === 'string') return this.expand(d['@id'], raw, seen);
    return term.includes(':') ? this.expand(term, raw, new Set([...seen, term])) : `${this.vocab ?? ''}${term}`;
  }

  private define(term: string, raw: { [key: string]: unknown }): void {
    const def = raw[term];
    const id = this.definitionId(term, raw, new Set([term]));
    if (KEYWORDS.has(id)) {
      this.aliases.set(id, this.aliases.has(id) && shortestLeast(this.aliases.get(id)!, term) < 0 ? this.aliases.get(id)! : term);
      return;
    }
    if (typeof def === 'string') {
      this.terms.set(term, { id, container: '@none', prefix: !term.includes(':') && GEN_DELIM_END.test(id) });
      return;
    }
    const d = (def ?? {}) as { [key: string]: unknown };
    for (const k of Object.keys(d)) {
      if (!['@id', '@type', '@container', '@language', '@prefix', '@protected'].includes(k)) {
        throw new Error(`JSON-LD context: "${term}" uses ${k}, which the direct writer does not support`);
      }
    }
    const containers = d['@container'] === undefined ? [] : ([] as unknown[]).concat(d['@container']);
    if (containers.length > 1 || (containers.length === 1 && containers[0] !== '@set' && containers[0] !== '@list')) {
      throw new Error(`JSON-LD context: "${term}" has container ${JSON.stringify(d['@container'])}; only @set and @list are supported`);
    }
    const type = typeof d['@type'] === 'string' ? (d['@type'] as string) : undefined;
    if (type === '@none' || type === '@json') throw new Error(`JSON-LD context: "${term}" has @type ${type}, which the direct writer does not support`);
    const definition: TermDefinition = {
      id,
      container: (containers[0] as '@set' | '@list' | undefined) ?? '@none',
      prefix: d['@prefix'] === true,
    };
    if (type !== undefined) definition.type = type === '@id' || type === '@vocab' ? type : this.expand(type, raw, new Set());
    if ('@language' in d) definition.language = d['@language'] as string | null;
    this.terms.set(term, definition);
  }

  private buildInverse(): void {
    const defaultLanguage = (this.defaultLanguage ?? '@none').toLowerCase();
    for (const term of [...this.terms.keys()].sort(shortestLeast)) {
      const def = this.terms.get(term)!;
      let byContainer = this.inverse.get(def.id);
      if (!byContainer) this.inverse.set(def.id, (byContainer = new Map()));
      let entry = byContainer.get(def.container);
      if (!entry) byContainer.set(def.container, (entry = { language: new Map(), type: new Map(), any: new Map() }));
      const add = (map: Map<string, string>, key: string) => {
        if (!map.has(key)) map.set(key, term);
      };
      add(entry.any, '@none');
      if (def.type !== undefined) add(entry.type, def.type);
      else if (def.language !== undefined) add(entry.language, (def.language ?? '@null').toLowerCase());
      else {
        add(entry.language, defaultLanguage);
        add(entry.language, '@none');
        add(entry.type, '@none');
      }
      if (def.prefix) this.prefixes.push([term, def.id]);
    }
  }

  /** The alias of a keyword (`@id`, `@type`, `@value`…), or the keyword itself. */
  keyword(keyword: string): string {
    return this.aliases.get(keyword) ?? keyword;
  }

  definition(term: string): TermDefinition | undefined {
    return this.terms.get(term);
  }

  /** A node IRI, a datatype or a type, compacted (vocabulary-relative when `vocab`). Vocabulary IRIs are memoised. */
  compactIri(iri: string, vocab: boolean): string {
    // Node IRIs differ for every record: memoising them would only grow the memo.
    if (!vocab) return this.compact(iri, false, null);
    let out = this.iriMemo.get(iri);
    if (out === undefined) {
      out = this.compact(iri, true, null);
      if (this.iriMemo.size >= MEMO_LIMIT) this.iriMemo.clear();
      this.iriMemo.set(iri, out);
    }
    return out;
  }

  /** The key a property's value is written under: a term, a vocabulary-relative name, a compact IRI or the IRI. Memoised per value shape. */
  propertyKey(iri: string, value: ValueShape): string {
    const key = `${iri}\u0000${this.shapeKey(value)}`;
    let out = this.termMemo.get(key);
    if (out === undefined) {
      out = this.compact(iri, true, value);
      if (this.termMemo.size >= MEMO_LIMIT) this.termMemo.clear();
      this.termMemo.set(key, out);
    }
    return out;
  }

  private shapeKey(value: ValueShape): string {
    switch (value.kind) {
      case 'node':
        return `n${this.prefersVocab(value.id) ? 'v' : 'i'}`;
      case 'value':
        return value.language !== undefined ? `l${value.language}` : value.type !== undefined ? `t${value.type}` : 'p';
      case 'list': {
        const [typeOrLanguage, typeOrLanguageValue] = this.listSelection(value.items);
        return `L${typeOrLanguage}${typeOrLanguageValue}`;
      }
    }
  }

  /** Whether a node's IRI compacts to a term that names it, so terms typed `@vocab` are preferred for it. */
  private prefersVocab(id: string): boolean {
    // Only a term typed @vocab makes the answer matter; without one, no record's node IRIs need looking at.
    if (!this.hasVocabTerms) return false;
    const term = this.compact(id, true, null);
    return this.terms.get(term)?.id === id;
  }

  private listSelection(items: readonly ValueShape[]): [string, string] {
    if (items.length === 0) return ['@any', '@none'];
    let commonLanguage: string | null = null;
    let commonType: string | null = null;
    for (const item of items) {
      let itemLanguage = '@none';
      let itemType = '@none';
      if (item.kind === 'value') {
        if (item.language !== undefined) itemLanguage = item.language.toLowerCase();
        else if (item.type !== undefined) itemType = item.type;
        else itemLanguage = '@null';
      } else itemType = '@id';
      if (commonLanguage === null) commonLanguage = itemLanguage;
      else if (itemLanguage !== commonLanguage && item.kind === 'value') commonLanguage = '@none';
      if (commonType === null) commonType = itemType;
      else if (itemType !== commonType) commonType = '@none';
      if (commonLanguage === '@none' && commonType === '@none') break;
    }
    if (commonType !== null && commonType !== '@none') return ['@type', commonType];
    return ['@language', commonLanguage ?? '@none'];
  }

  private compact(iri: string, vocab: boolean, value: ValueShape | null): string {
    if (KEYWORDS.has(iri)) return this.keyword(iri);
    if (vocab && this.inverse.has(iri)) {
      const term = this.selectTerm(iri, value);
      if (term !== null) return term;
    }
    if (vocab && this.vocab !== undefined && iri.startsWith(this.vocab) && iri !== this.vocab) {
      const suffix = iri.slice(this.vocab.length);
      if (!this.terms.has(suffix)) return suffix;
    }
    let choice: string | null = null;
    for (const [term, prefixIri] of this.prefixes) {
      if (iri.length <= prefixIri.length || !iri.startsWith(prefixIri)) continue;
      const curie = `${term}:${iri.slice(prefixIri.length)}`;
      const usable = !this.terms.has(curie) || (value === null && this.terms.get(curie)!.id === iri);
      if (usable && (choice === null || shortestLeast(curie, choice) < 0)) choice = curie;
    }
    if (choice !== null) return choice;
    for (const [term] of this.prefixes) {
      if (iri.startsWith(`${term}:`)) throw new Error(`JSON-LD: the IRI ${iri} would read as a compact IRI with the prefix "${term}"`);
    }
    return iri;
  }

  private selectTerm(iri: string, value: ValueShape | null): string | null {
    const containers: string[] = [];
    let typeOrLanguage = '@language';
    let typeOrLanguageValue = '@null';
    if (value?.kind === 'node') containers.push('@id', '@id@set', '@type', '@set@type');
    if (value?.kind === 'list') {
      containers.push('@list');
      [typeOrLanguage, typeOrLanguageValue] = this.listSelection(value.items);
    } else {
      if (value?.kind === 'value') {
        if (value.language !== undefined) {
          containers.push('@language', '@language@set');
          typeOrLanguageValue = value.language;
        } else if (value.type !== undefined) {
          typeOrLanguage = '@type';
          typeOrLanguageValue = value.type;
        }
      } else {
        typeOrLanguage = '@type';
        typeOrLanguageValue = '@id';
      }
      containers.push('@set');
    }
    containers.push('@none');
    if (value !== null) containers.push('@index', '@index@set');
    if (value?.kind === 'value' && value.language === undefined && value.type === undefined) containers.push('@language', '@language@set');

    const prefs: string[] = [];
    if (typeOrLanguageValue === '@id' && value?.kind === 'node') {
      prefs.push(...(this.prefersVocab(value.id) ? ['@vocab', '@id'] : ['@id', '@vocab']));
    } else prefs.push(typeOrLanguageValue);
    prefs.push('@none');

    const byContainer = this.inverse.get(iri)!;
    for (const container of containers) {
      const entry = byContainer.get(container);
      if (!entry) continue;
      const map = typeOrLanguage === '@type' ? entry.type : typeOrLanguage === '@language' ? entry.language : entry.any;
      for (const pref of prefs) {
        const term = map.get(pref);
        if (term !== undefined) return term;
      }
    }
    return null;
  }

  /**
   * A literal under the term it was selected for: the bare string when the term's type or language says it all,
   * else `{"@type": …, "@value": …}` or `{"@language": …, "@value": …}`.
   */
  compactLiteral(term: string, value: string, type: string | undefined, language: string | undefined): JsonValue {
    const def = this.terms.get(term);
    const termLanguage = def && def.language !== undefined ? def.language : this.defaultLanguage;
    if (type !== undefined && type === def?.type) return value;
    if (language !== undefined && language === termLanguage) return value;
    if (type === undefined && language === undefined && (this.defaultLanguage === undefined || def?.language === null)) return value;
    if (type !== undefined) return { [this.keyword('@type')]: this.compactIri(type, true), [this.keyword('@value')]: value };
    if (language !== undefined) return { [this.keyword('@language')]: language, [this.keyword('@value')]: value };
    return { [this.keyword('@value')]: value };
  }

  /** A reference to a node (its IRI only) under the term it was selected for. */
  compactReference(term: string, id: string): JsonValue {
    const type = this.terms.get(term)?.type;
    if (type === '@id') return this.compactIri(id, false);
    if (type === '@vocab') return this.compactIri(id, true);
    return { [this.keyword('@id')]: this.compactIri(id, false) };
  }
}
