// The part of shacl-engine (no typings of its own) that the SHACL-SPARQL interoperability test uses.
declare module 'shacl-engine' {
  import type { DatasetCore, Term } from '@rdfjs/types';
  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: unknown; validations?: Map<Term, unknown> });
    validate(data: { dataset: DatasetCore }): Promise<{ conforms: boolean; results: any[] }>;
  }
}
