// Types for negotiator's Accept parser (the module ships none): the header split into media ranges with their parameters.
declare module 'negotiator/lib/accept.js' {
  const parseAccept: (header: string) => { type: string; parameters: { [name: string]: string } }[];
  export default parseAccept;
}
