// React keys for lists whose items have no id of their own (log lines, steps, requests).

/**
 * Each item with a key made from what it says, numbered where the same words repeat ("12:split",
 * "12:split#2"). Keys are numbered in the list's own order, so a row keeps its key when the list
 * grows at its end, is reversed or sliced for display; an index would move with every new row.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, item };
  });
}
