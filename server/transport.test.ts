import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../shared/rng';
import { surelyWithin } from './transport';

/** A value as a socket.io payload may carry it: strings with escapes, numbers of every kind, nesting. */
function value(rng: Rng, depth: number): unknown {
  const chars = ['a', '"', '\\', '\n', '\u0001', 'é', '\ud800', '😀', ' '];
  const text = () => Array.from({ length: rng.int(40) }, () => chars[rng.int(chars.length)]).join('');
  switch (rng.int(depth > 3 ? 4 : 6)) {
    case 0:
      return text();
    case 1:
      return [0, -1.2345678901234567e-308, 1e21, Number.NaN, 12.5, -0.0000012345678901234567][rng.int(6)];
    case 2:
      return rng.chance(0.5);
    case 3:
      return rng.chance(0.5) ? null : undefined;
    case 4:
      return Array.from({ length: rng.int(8) }, () => value(rng, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: rng.int(6) }, () => [text(), value(rng, depth + 1)]));
  }
}

describe('the request size check', () => {
  it('never passes a payload longer than the limit as JSON, and passes the usual ones without writing them out', () => {
    const seed = Number(process.env.SEED ?? 1);
    const rng = createRng(seed);
    let passed = 0;
    for (let i = 0; i < 2000; i++) {
      const v = value(rng, 0);
      const max = rng.int(400);
      const length = JSON.stringify(v ?? null)?.length ?? 0;
      if (surelyWithin(v ?? null, max)) {
        passed++;
        expect(length, `seed ${seed}, case ${i}`).toBeLessThanOrEqual(max);
      }
    }
    expect(passed).toBeGreaterThan(100);
    const tap = { action: { type: 'send', to: ['n12'], text: '1733241234567.89~~~~' } };
    expect(surelyWithin(tap, 16 * 1024)).toBe(true);
    expect(surelyWithin({ nickname: 'y'.repeat(30_000) }, 16 * 1024)).toBe(false);
    // The longest a number writes (25 characters): 654 of them are 17,012 characters, not 16,384.
    expect(JSON.stringify(-0.0000012345678901234567)).toHaveLength(25);
    expect(surelyWithin({ xs: Array.from({ length: 654 }, () => -0.0000012345678901234567) }, 16 * 1024)).toBe(false);
    // Not plain data: measured exactly instead.
    expect(surelyWithin({ data: Buffer.from('hi') }, 16 * 1024)).toBe(false);
  });
});
