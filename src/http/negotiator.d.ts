// Types for negotiator's Accept parser (the module ships none): the header split into media ranges with their parameters.
declare module 'negotiator/lib/accept.js' {
  const parseAccept: (header: string) => { type: string; parameters: { [name: string]: string } }[];
  export default parseAccept;
}

// negotiator's Accept-Encoding ranking: the provided codings the header accepts (q > 0), best first; ties follow `preferred`.
declare module 'negotiator/lib/encoding.js' {
  const preferredEncodings: (accept: string, provided?: readonly string[], preferred?: readonly string[]) => string[];
  export default preferredEncodings;
}
