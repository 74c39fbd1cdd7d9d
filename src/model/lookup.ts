// Tables looked up by strings from outside (a record's field, a query parameter, a command name): with no prototype,
// "constructor", "valueOf" or "__proto__" find nothing rather than an inherited function.
export function lookupTable<V>(entries: { readonly [key: string]: V }): { readonly [key: string]: V } {
  return Object.freeze(Object.assign(Object.create(null) as { [key: string]: V }, entries));
}
