// For a value whose absence would be a bug (an id the code itself put in a table, an index
// inside bounds it checked): say what is missing instead of asserting it with `!`. Where an
// absence can really happen (input from a phone, a recording from elsewhere), handle it.

export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
