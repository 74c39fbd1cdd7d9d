// The one map from SHACL parameter to the function that compiles it into a check, as in shacl-engine's compile step.
import { CUSTOM_COMPONENTS } from '../custom-components.js';
import type { ComponentEntry } from './types.js';
import type { ShapesReader } from './shapes-reader.js';
import { RDF_TYPE, SH } from './terms.js';
import { maxCountEntry, minCountEntry } from './components/cardinality.js';
import { customEntry } from './components/custom.js';
import { andEntry, notEntry, orEntry, xoneEntry } from './components/logical.js';
import { closedEntry, hasValueEntry, inEntry } from './components/other.js';
import { disjointEntry, equalsEntry, lessThanEntry, lessThanOrEqualsEntry } from './components/pair.js';
import { maxExclusiveEntry, maxInclusiveEntry, minExclusiveEntry, minInclusiveEntry } from './components/range.js';
import { nodeEntry, propertyEntry, qualifiedEntry } from './components/shape-based.js';
import { languageInEntry, maxLengthEntry, minLengthEntry, patternEntry, uniqueLangEntry } from './components/string.js';
import { classEntry, datatypeEntry, nodeKindEntry } from './components/value-type.js';

/** Read by another parameter's compiler: sh:flags by sh:pattern, the counts by sh:qualifiedValueShape… */
const companion = (component: string): ComponentEntry => ({ component, compile: null });

export const CORE: ReadonlyMap<string, ComponentEntry> = new Map(
  Object.entries({
    class: classEntry,
    datatype: datatypeEntry,
    nodeKind: nodeKindEntry,
    minCount: minCountEntry,
    maxCount: maxCountEntry,
    minExclusive: minExclusiveEntry,
    minInclusive: minInclusiveEntry,
    maxExclusive: maxExclusiveEntry,
    maxInclusive: maxInclusiveEntry,
    minLength: minLengthEntry,
    maxLength: maxLengthEntry,
    pattern: patternEntry,
    flags: companion(`${SH}PatternConstraintComponent`),
    languageIn: languageInEntry,
    uniqueLang: uniqueLangEntry,
    equals: equalsEntry,
    disjoint: disjointEntry,
    lessThan: lessThanEntry,
    lessThanOrEquals: lessThanOrEqualsEntry,
    not: notEntry,
    and: andEntry,
    or: orEntry,
    xone: xoneEntry,
    node: nodeEntry,
    property: propertyEntry,
    qualifiedValueShape: qualifiedEntry,
    qualifiedMinCount: companion(`${SH}QualifiedMinCountConstraintComponent`),
    qualifiedMaxCount: companion(`${SH}QualifiedMaxCountConstraintComponent`),
    qualifiedValueShapesDisjoint: companion(`${SH}QualifiedMinCountConstraintComponent`),
    closed: closedEntry,
    ignoredProperties: companion(`${SH}ClosedConstraintComponent`),
    hasValue: hasValueEntry,
    in: inEntry,
  }).map(([local, entry]) => [SH + local, entry]),
);

/** SHACL Core plus each ldpub component that the shapes graph declares (`a sh:ConstraintComponent`). */
export function registryFor(reader: ShapesReader): Map<string, ComponentEntry> {
  const registry = new Map(CORE);
  for (const c of CUSTOM_COMPONENTS) {
    const declared = reader.withPredicate(RDF_TYPE).some((q) => q.subject.value === c.iri && q.object.value === `${SH}ConstraintComponent`);
    if (!declared) continue;
    const entry = customEntry(c);
    const [first, ...rest] = c.parameters;
    if (first) registry.set(first, entry);
    for (const p of rest) registry.set(p, companion(c.iri));
  }
  return registry;
}
