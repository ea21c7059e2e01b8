// Patches: what changed between two JSON values, so a screen that already has the first is
// sent only the difference. A phone's view changes a little with each message (an inbox item
// more, a counter up) and the console's picture a little every frame; sending them whole to
// 2,000 phones costs the server more than everything else it does.
//
// `diff(before, after)` gives a Delta, or null when nothing changed; `applyPatch(before, delta)`
// gives `after` again, as it would read after a JSON round trip (keys whose value is undefined
// are absent). Both sides apply the same deltas to the same starting value, so they hold the
// same value after every patch. `applyPatch` never changes its input: unchanged parts are shared.
//
// A Delta is one of:
//   { r: value }                      replace the whole value
//   { o: { key: Delta }, x?: [key] }  an object: change these keys (added ones are { r }), remove x
//   { a: n, i?: { index: Delta }, t?: [value] }
//                                     an array: drop its first n items, change the kept items at
//                                     these indexes (counted after the drop), append t
// The array form is made for lists that grow at the end and drop their oldest items (an inbox
// of the last 30 messages): one message more is { a: 1, t: [item] }.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Delta = { r: Json } | { o: Record<string, Delta>; x?: string[] } | { a: number; i?: Record<string, Delta>; t?: Json[] };

/** A phone's view or the console's picture, from `base` (the version the screen holds) to `version`. */
export interface Patch {
  base: number;
  version: number;
  delta: Delta;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Frozen values are JSON as they stand when they are plain objects and arrays, all the way
 * down, of strings, booleans, finite numbers and null: nothing can change them, so a copy
 * would only repeat them. A game that freezes what it keeps (the sandbox's inbox items) lets
 * the screen a room keeps for each phone share them instead of holding a copy of each.
 *
 * Only long arrays (a lecture hall's list of 1,999 peers) are remembered once found so: a
 * WeakSet entry for every item a room keeps cost more than the items' own fields (its table,
 * 2 MB for 600 phones' last 30 messages each, about 3.4 KB a phone), and an item of a few
 * fields is checked again in less time than the lookup takes.
 */
const frozenJson = new WeakSet<object>();
const REMEMBERED_FROM = 64;

function isFrozenJson(v: object): boolean {
  if (!Object.isFrozen(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) return false;
    const long = v.length >= REMEMBERED_FROM;
    if (long && frozenJson.has(v)) return true;
    for (let k = 0; k < v.length; k++) if (!isJsonLeafOrFrozen(v[k])) return false;
    if (long) frozenJson.add(v);
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in v) if (!isJsonLeafOrFrozen((v as Record<string, unknown>)[key])) return false;
  return true;
}

function isJsonLeafOrFrozen(x: unknown): boolean {
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(x);
    case 'object':
      return x === null || isFrozenJson(x);
    default:
      return false;
  }
}

/**
 * The value as JSON would carry it, without undefined keys, with non-finite numbers as null: a
 * deep copy, except that frozen parts already in that form are the same objects (they cannot
 * change, so sharing them is as good as a copy, and `diff` knows them unchanged at a glance).
 */
export function toJson(v: unknown): Json {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'string':
    case 'boolean':
      return v;
    case 'object': {
      if (isFrozenJson(v)) return v as Json;
      if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' ? null : toJson(x)));
      const out: Record<string, Json> = {};
      for (const key of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[key];
        if (x !== undefined && typeof x !== 'function') out[key] = toJson(x);
      }
      return out;
    }
    default:
      return null;
  }
}

/** Whether `live` (any plain data) reads as `json` once sent. */
export function same(json: Json, live: unknown): boolean {
  if (json === live) return true;
  if (live === undefined || live === null) return json === null;
  if (typeof live === 'number') return !Number.isFinite(live) && json === null;
  if (typeof live !== 'object' || json === null || typeof json !== 'object') return false;
  if (Array.isArray(live)) {
    if (!Array.isArray(json) || json.length !== live.length) return false;
    for (let k = 0; k < live.length; k++) if (!same(json[k] ?? null, live[k])) return false;
    return true;
  }
  if (Array.isArray(json)) return false;
  let keys = 0;
  for (const key in live) {
    const x = (live as Record<string, unknown>)[key];
    if (x === undefined || typeof x === 'function') continue;
    keys++;
    const y = json[key];
    if (y === undefined || !same(y, x)) return false;
  }
  return keys === Object.keys(json).length;
}

/**
 * What changed from `before` (as the screen holds it) to `after` (live data), or null. Each
 * part of `after` is compared once (this runs for every view sent, twice per message).
 */
export function diff(before: Json, after: unknown): Delta | null {
  // The screen holds this very value: a primitive, or a frozen part `toJson` shared.
  if (before === after) return null;
  if (isObject(before) && isObject(after)) {
    const o: Record<string, Delta> = {};
    const x: string[] = [];
    let keys = 0;
    let changed = false;
    for (const key in after) {
      const v = after[key];
      if (v === undefined || typeof v === 'function') continue;
      keys++;
      const was = before[key];
      const d = was === undefined ? { r: toJson(v) } : diff(was, v);
      if (d) {
        o[key] = d;
        changed = true;
      }
    }
    // A key the screen holds that `after` lacks (only possible when the counts differ or a key was added).
    if (changed || keys !== Object.keys(before).length) {
      for (const key of Object.keys(before)) {
        const v = after[key];
        if (v === undefined || typeof v === 'function') x.push(key);
      }
    }
    if (x.length) return { o, x };
    return changed ? { o } : null;
  }
  if (Array.isArray(before) && Array.isArray(after)) return arrayDiff(before, after);
  return same(before, after) ? null : { r: toJson(after) };
}

function arrayDiff(before: Json[], after: unknown[]): Delta | null {
  const p = before.length;
  const n = after.length;
  // The smallest drop from the front after which what is left is (mostly) the start of `after`.
  for (let s = Math.max(0, p - n); s < p; s++) {
    if (!same(before[s] ?? null, after[0])) continue;
    const kept = p - s;
    const changed: Record<string, Delta> = {};
    let count = 0;
    for (let k = 1; k < kept && count <= kept / 2; k++) {
      const was = before[s + k] ?? null;
      const now = after[k];
      if (was === now) continue;
      const d = diff(was, now);
      if (d) {
        changed[k] = d;
        count++;
      }
    }
    if (count > kept / 2) continue;
    if (s === 0 && count === 0 && n === p) return null;
    return arrayDelta(s, count ? changed : null, after.slice(kept));
  }
  if (p === 0 && n === 0) return null;
  if (p === n && p > 0) {
    const changed: Record<string, Delta> = {};
    for (let k = 0; k < n; k++) {
      const d = diff(before[k] ?? null, after[k]);
      if (d) changed[k] = d;
    }
    return arrayDelta(0, changed, []);
  }
  return { r: toJson(after) };
}

function arrayDelta(drop: number, changed: Record<string, Delta> | null, tail: unknown[]): Delta {
  const d: { a: number; i?: Record<string, Delta>; t?: Json[] } = { a: drop };
  if (changed) d.i = changed;
  if (tail.length) d.t = tail.map((v) => toJson(v));
  return d;
}

/** Why a delta cannot apply (it was made for another value): the screen should ask for the whole again. */
export class PatchError extends Error {}

/** `before` with `delta` applied; `before` itself is left as it was. */
export function applyPatch(before: Json, delta: Delta): Json {
  if ('r' in delta) return delta.r;
  if ('o' in delta) {
    if (!isObject(before)) throw new PatchError('an object patch on something that is not an object');
    const out: Record<string, Json> = { ...before };
    for (const key of Object.keys(delta.o)) {
      const d = delta.o[key] as Delta;
      const was = out[key];
      out[key] = was === undefined ? whole(d) : applyPatch(was, d);
    }
    for (const key of delta.x ?? []) delete out[key];
    return out;
  }
  if (!Array.isArray(before)) throw new PatchError('an array patch on something that is not an array');
  if (delta.a > before.length) throw new PatchError('an array patch drops more items than there are');
  const out = before.slice(delta.a);
  for (const key of Object.keys(delta.i ?? {})) {
    const k = Number(key);
    const was = out[k];
    if (was === undefined) throw new PatchError('an array patch changes an item that is not there');
    out[k] = applyPatch(was, (delta.i as Record<string, Delta>)[key] as Delta);
  }
  // `concat`, not `push`: the result is exactly as long as it needs to be, where a pushed-to
  // array keeps half as much room again (the room holds one such list per phone it serves).
  return delta.t ? out.concat(delta.t) : out;
}

/** `applyPatch` for a value of a known shape (a view, a snapshot): the delta was made from one. */
export function patched<T>(before: T, delta: Delta): T {
  return applyPatch(before as unknown as Json, delta) as unknown as T;
}

/**
 * What a screen holding `held` at `version` holds after `patch`, or null if the patch is not for
 * it (another base) or does not fit it: the screen then asks for the whole value again.
 */
export function patchedIfFits<T>(held: T | null, version: number, patch: Patch): T | null {
  if (held === null || patch.base !== version) return null;
  try {
    return patched(held, patch.delta);
  } catch {
    return null;
  }
}

function whole(d: Delta): Json {
  if ('r' in d) return d.r;
  throw new PatchError('a patch changes a key that is not there');
}
