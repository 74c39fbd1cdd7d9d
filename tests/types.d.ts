// Types for test-only packages that ship none.
declare module 'rdf-canonize' {
  const canonize: {
    canonize(input: unknown, options: { algorithm: string; format?: string }): Promise<string>;
    NQuads: { parse(text: string): unknown[] };
  };
  export default canonize;
}
