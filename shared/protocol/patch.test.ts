import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { applyPatch, diff, type Json, PatchError, patchedIfFits, toJson } from './patch';

const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as Json;

/** The property every patch must have: applied to what the screen holds, it gives what JSON would carry of `after`. */
function check(before: unknown, after: unknown) {
  const held = roundTrip(before);
  const d = diff(held, after);
  const result = d ? applyPatch(held, roundTrip(d) as never) : held;
  expect(result).toEqual(roundTrip(after));
  return d;
}

describe('patches', () => {
  it('nothing changed: no patch, undefined keys and non-finite numbers read as JSON has them', () => {
    expect(diff(roundTrip({ a: 1, b: [1, 2], c: null }), { a: 1, b: [1, 2], c: Number.NaN, d: undefined })).toBeNull();
    expect(toJson({ a: undefined, b: [undefined, Infinity], c: { d: 1 } })).toEqual({ b: [null, null], c: { d: 1 } });
  });

  it('an inbox of the last 3 items that took one more: drop one, append one', () => {
    const before = { inbox: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }], received: 3 };
    const after = { inbox: [{ id: 'm2' }, { id: 'm3' }, { id: 'm4' }], received: 4 };
    expect(check(before, after)).toEqual({ o: { inbox: { a: 1, t: [{ id: 'm4' }] }, received: { r: 4 } } });
  });

  it('a kept item that changed (a message answered) is patched in place', () => {
    const before = {
      inbox: [
        { id: 'm1', replied: false },
        { id: 'm2', replied: false },
        { id: 'm3', replied: false },
      ],
    };
    const after = {
      inbox: [
        { id: 'm1', replied: false },
        { id: 'm2', replied: true },
        { id: 'm3', replied: false },
        { id: 'm4', replied: false },
      ],
    };
    expect(check(before, after)).toEqual({
      o: { inbox: { a: 0, i: { 1: { o: { replied: { r: true } } } }, t: [{ id: 'm4', replied: false }] } },
    });
  });

  it('keys added and removed, arrays that shrink or change wholesale, types that change', () => {
    check({ a: 1, b: 2 }, { a: 1, c: 3 });
    check({ list: [1, 2, 3, 4] }, { list: [1, 2] });
    check({ list: [1, 2, 3] }, { list: [7, 8, 9] });
    check({ v: { x: 1 } }, { v: [1] });
    check({ v: null }, { v: { x: 1 } });
    check([], [1]);
    check([1], []);
  });

  it('never changes what it is applied to', () => {
    const held = roundTrip({ a: { b: [1, 2] }, c: 1 });
    const copy = structuredClone(held);
    const d = diff(held, { a: { b: [2, 3] }, c: 2 });
    expect(d).not.toBeNull();
    if (d) applyPatch(held, d);
    expect(held).toEqual(copy);
  });

  it('refuses a patch made for another value', () => {
    expect(() => applyPatch([1], { a: 2 })).toThrow(PatchError);
    expect(() => applyPatch(1, { o: { a: { r: 1 } } })).toThrow(PatchError);
    expect(() => applyPatch({}, { o: { a: { a: 0 } } })).toThrow(PatchError);
  });

  it('frozen parts in JSON form are shared with the screen, not copied; a replaced one is patched', () => {
    const m1 = Object.freeze({ id: 'm1', replied: false });
    const m2 = Object.freeze({ id: 'm2', replied: false, to: Object.freeze(['n2']) });
    const held = toJson({ inbox: [m1, m2], n: 2 }) as { inbox: Json[] };
    expect(held.inbox[0]).toBe(m1);
    expect(held.inbox[1]).toBe(m2);
    // Unfrozen, or not JSON as it stands (an undefined key, a NaN, a Map): copied as JSON has it.
    const open = { id: 'm3' };
    expect(toJson([open])).toEqual([open]);
    expect((toJson([open]) as Json[])[0]).not.toBe(open);
    expect(toJson(Object.freeze({ a: undefined, b: Number.NaN }))).toEqual({ b: null });
    expect(toJson(Object.freeze({ a: Object.freeze(new Map()) }))).toEqual({ a: {} });
    // m2 answered (a new frozen item in its place), m4 arrived.
    const m2r = Object.freeze({ ...m2, replied: true });
    const m4 = Object.freeze({ id: 'm4', replied: false });
    const after = { inbox: [m2r, m4], n: 3 };
    const d = diff(held as Json, after);
    expect(d).not.toBeNull();
    expect(applyPatch(held as Json, d!)).toEqual(roundTrip(after));
    expect(diff(applyPatch(held as Json, d!), after)).toBeNull();
  });

  for (const frozen of [false, true])
    it(`random views${frozen ? ', parts of them frozen' : ''}: every patch applied in turn keeps the screen equal to the server (seeded; SEED to repeat)`, () => {
      randomViews(Number(process.env.SEED ?? 12345), frozen);
    });
});

function randomViews(seed: number, frozen: boolean): void {
  const rng = createRng(seed);
  const value = (depth: number): unknown => {
    const v = made(depth);
    return frozen && v && typeof v === 'object' && rng.next() < 0.5 ? Object.freeze(v) : v;
  };
  const made = (depth: number): unknown => {
    const k = rng.int(depth > 2 ? 3 : 6);
    if (k === 0) return rng.int(5);
    if (k === 1) return rng.pick(['a', 'b', 'c']);
    if (k === 2) return rng.next() < 0.5 ? null : true;
    if (k === 3) return undefined;
    if (k === 4) return Array.from({ length: rng.int(5) }, () => value(depth + 1));
    const o: Record<string, unknown> = {};
    for (const key of rng.sample(['p', 'q', 'r', 's'], rng.int(5))) o[key] = value(depth + 1);
    return o;
  };
  const mutate = (v: unknown, depth: number): unknown => {
    if (rng.next() < 0.2) return value(depth);
    if (Array.isArray(v)) {
      const out = v.slice(rng.next() < 0.4 ? rng.int(v.length + 1) : 0).map((x) => (rng.next() < 0.2 ? mutate(x, depth + 1) : x));
      for (let n = rng.int(3); n > 0; n--) out.push(value(depth + 1));
      return out;
    }
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      for (const key of ['p', 'q', 'r', 's'])
        if (rng.next() < 0.3) o[key] = key in o && rng.next() < 0.5 ? mutate(o[key], depth + 1) : value(depth + 1);
      return o;
    }
    return value(depth);
  };
  for (let trial = 0; trial < 300; trial++) {
    let live: unknown = { inbox: [value(1), value(1)], n: 1 };
    // As the room holds it: frozen parts shared (toJson), the rest copied.
    let held = frozen ? toJson(live) : roundTrip(live);
    // Each step's copy, as it read then: a copy must never change afterwards (it shares only frozen parts).
    const copies: [Json, string][] = [];
    for (let step = 0; step < 20; step++) {
      live = mutate(live, 0);
      const d = diff(held, live);
      if (d) held = applyPatch(held, frozen ? d : (roundTrip(d) as never));
      expect(held, `seed ${seed}, trial ${trial}, step ${step}`).toEqual(roundTrip(live === undefined ? null : live));
      expect(diff(held, live), `seed ${seed}, trial ${trial}, step ${step}`).toBeNull();
      copies.push([held, JSON.stringify(held)]);
    }
    for (const [copy, text] of copies) expect(JSON.stringify(copy), `seed ${seed}, trial ${trial}`).toBe(text);
  }
}

describe('patchedIfFits', () => {
  it('applies a patch made for the value held, and gives null for one made for another version or that does not fit', () => {
    const held = { a: 1, list: [1, 2] };
    const delta = diff(held, { a: 2, list: [1, 2, 3] });
    if (!delta) throw new Error('no delta');
    expect(patchedIfFits(held, 4, { base: 4, version: 5, delta })).toEqual({ a: 2, list: [1, 2, 3] });
    expect(patchedIfFits(held, 3, { base: 4, version: 5, delta })).toBeNull();
    expect(patchedIfFits(null, 4, { base: 4, version: 5, delta })).toBeNull();
    expect(patchedIfFits({ list: [] }, 4, { base: 4, version: 5, delta: { o: { list: { a: 3 } } } })).toBeNull();
  });
});
