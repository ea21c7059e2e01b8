// For lookups that cannot miss unless the code has a bug (a row inside the message table, an
// element the page itself renders): the value, or an Error that names what was missing, in
// place of a `!` that would let `undefined` travel on and fail somewhere unrelated.

export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Human Cluster bug: ${what} is missing.`);
  return value;
}
