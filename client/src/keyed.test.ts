import { describe, expect, it } from 'vitest';
import { keyed } from './keyed';

describe('keys for lists without ids', () => {
  it('keys each item by its words, numbering repeats in list order', () => {
    const log = [
      { t: 1, text: 'split' },
      { t: 2, text: 'heal' },
      { t: 1, text: 'split' },
    ];
    expect(keyed(log, (e) => `${e.t}:${e.text}`).map((k) => k.key)).toEqual(['1:split', '2:heal', '1:split#2']);
  });

  it('keeps every old row its key when the list grows and is shown newest first', () => {
    const keyOf = (s: string) => s;
    const before = keyed(['a', 'b', 'a'], keyOf).reverse();
    const after = keyed(['a', 'b', 'a', 'c', 'a'], keyOf).reverse();
    expect(after.slice(2)).toEqual(before);
    expect(new Set(after.map((k) => k.key)).size).toBe(after.length);
  });
});
