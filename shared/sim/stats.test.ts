import { describe, expect, it } from 'vitest';
import { maximum, quantile } from './stats';

describe('stats', () => {
  it('maximum: the largest, null for none, and a list too long to spread into Math.max', () => {
    expect(maximum([])).toBeNull();
    expect(maximum([3, -1, 7, 2])).toBe(7);
    const long = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
    expect(maximum(long)).toBe(299_999);
    expect(quantile(long, 1)).toBe(299_999);
  });
});
