// Helpers for tests that corrupt a record graph directly: parse the hand-written seed, then drop, add or replace triples.
import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';

const { namedNode, literal, quad } = DataFactory;

export const R = 'http://localhost:3000/record/000_dbb0811b20e3e0e2';
export const S = 'http://schema.org/';
export const DCT = 'http://purl.org/dc/terms/';
export const BIBO = 'http://purl.org/ontology/bibo/';
export const SH = 'http://www.w3.org/ns/shacl#';
export const LDPUB = 'https://w3id.org/ldpub/shapes#';

export function seedQuads(): Quad[] {
  return new Parser().parse(readFileSync(new URL('../fixtures/validate/seed.ttl', import.meta.url), 'utf8')) as Quad[];
}

export type Edit = (quads: Quad[]) => Quad[];

/** Removes every triple with this predicate (optionally only on this subject). */
export const drop = (predicate: string, subject?: string): Edit => (qs) =>
  qs.filter((q) => !(q.predicate.value === predicate && (subject === undefined || q.subject.value === subject)));

export const add = (subject: string, predicate: string, value: string): Edit => (qs) => [
  ...qs,
  quad(namedNode(subject), namedNode(predicate), literal(value)),
];

/** Replaces the literal objects of `predicate` on `subject` with `value`. */
export const set = (subject: string, predicate: string, value: string): Edit => (qs) =>
  add(subject, predicate, value)(drop(predicate, subject)(qs));

/** Adds `subject a type`. */
export const addType = (subject: string, type: string): Edit => (qs) => [
  ...qs,
  quad(namedNode(subject), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), namedNode(type)),
];

/** Replaces one IRI object (such as a class) everywhere. */
export const replaceObject = (from: string, to: string): Edit => (qs) =>
  qs.map((q) => (q.object.termType === 'NamedNode' && q.object.value === from ? quad(q.subject, q.predicate, namedNode(to), q.graph) : q));

export const edits = (...all: Edit[]): Edit => (qs) => all.reduce((acc, e) => e(acc), qs);
