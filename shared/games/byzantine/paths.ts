// The oral-messages algorithm's bookkeeping: which relay paths exist, and how a lieutenant
// folds everything it holds into one value ([B10]). Signed messages' checks are here too ([B11]).

import type { NodeId } from '../../protocol/ids';
import { DEFAULT_VALUE, majority, perms, VALUES, type Value } from './config';
import { general, lieutenants, pathKey, sigKey, type ByzantineState } from './state';

/**
 * Every path of length `len` a message can take to reach `to`: the commander first, then
 * len−1 distinct lieutenants other than `to`. There are P(N−2, len−1) of them.
 */
export function pathsTo(s: ByzantineState, len: number, to: NodeId): NodeId[][] {
  const others = lieutenants(s).filter((l) => l !== to);
  const out: NodeId[][] = [];
  const grow = (path: NodeId[]): void => {
    if (path.length === len) {
      out.push(path);
      return;
    }
    for (const l of others) if (!path.includes(l)) grow([...path, l]);
  };
  grow([s.commander]);
  return out;
}

/** Who a message with this path is passed on to: every general not already on it. */
export function recipientsOf(s: ByzantineState, path: readonly NodeId[]): NodeId[] {
  return s.generals.filter((g) => !path.includes(g));
}

/** How many level-k messages a lieutenant sends in OM(m): one per held path of length k−1, to N−k recipients. */
export function omSendsAt(s: ByzantineState, level: number): number {
  const n = s.generals.length;
  return perms(n - 2, level - 2) * (n - level);
}

/**
 * Lieutenant `i`'s value for the sub-round that `path` names: what it holds for `path`, and
 * at the deepest level just that; above it, the majority of that and of its values for each
 * extension of `path` by another lieutenant (Lamport's OM(m), step 3).
 */
export function estimate(s: ByzantineState, i: NodeId, path: NodeId[]): Value {
  const own = s.nodes[i]?.held[pathKey(path)]?.value ?? DEFAULT_VALUE;
  if (path.length >= s.m + 1) return own;
  const votes = [own];
  for (const j of s.generals) if (j !== i && !path.includes(j)) votes.push(estimate(s, i, [...path, j]));
  return majority(votes);
}

/**
 * The values lieutenant `i` decides on, one per general that speaks to it: its own order,
 * and for each other lieutenant j what i concludes j was told (OM(1): j's relay).
 */
export function omVotes(s: ByzantineState, i: NodeId): { from: NodeId; value: Value; missing: boolean }[] {
  const g = general(s, i);
  const own = g.held[pathKey([s.commander])];
  const out = [{ from: s.commander, value: own?.value ?? DEFAULT_VALUE, missing: !own || own.missing }];
  for (const j of lieutenants(s)) {
    if (j === i) continue;
    const path = [s.commander, j];
    const direct = g.held[pathKey(path)];
    out.push({ from: j, value: estimate(s, i, path), missing: s.m === 1 && (!direct || direct.missing) });
  }
  return out;
}

/** SM's choice(V): the one value accepted, or Retreat when none or both ([B11]). */
export function choice(accepted: readonly Value[]): Value {
  const [only, other] = accepted;
  return only !== undefined && other === undefined ? only : DEFAULT_VALUE;
}

/** SM: a chain is genuine when everyone on it really signed this value in this order. */
export function genuine(s: ByzantineState, value: Value, chain: readonly NodeId[]): boolean {
  if (chain[0] !== s.commander || new Set(chain).size !== chain.length) return false;
  return s.sigs[sigKey(value, chain)] === true;
}

/**
 * SM: a chain of length level−1 that traitor `t` holds for `value` and that `to` is not on,
 * so that `t` can sign it on to `to`; null when it holds none (anything it sends is forged).
 */
export function signable(s: ByzantineState, t: NodeId, value: Value, level: number, to: NodeId): NodeId[] | null {
  for (const h of Object.values(general(s, t).held)) {
    if (h.value === value && h.path.length === level - 1 && !h.path.includes(to) && !h.path.includes(t)) return h.path;
  }
  return null;
}

/** SM: the chain a forger claims: the commander, other lieutenants to make up the level, then itself. */
export function forgedChain(s: ByzantineState, t: NodeId, level: number, to: NodeId): NodeId[] {
  const fill = lieutenants(s)
    .filter((l) => l !== t && l !== to)
    .slice(0, Math.max(0, level - 2));
  return [s.commander, ...fill, t];
}

/**
 * SM: what loyal lieutenant `i` passes on at `level` ([B4], [B11]): every value it first accepted
 * on a chain of length level − 1 (while that is at most m long), signed on to each lieutenant not
 * on the chain. Per other lieutenant in seat order, the values (Attack first); [] for none.
 */
export function smDue(s: ByzantineState, i: NodeId, level: number): Record<NodeId, Value[]> {
  const g = general(s, i);
  const out: Record<NodeId, Value[]> = {};
  for (const r of lieutenants(s)) if (r !== i) out[r] = [];
  if (level < 2 || level > s.m + 1) return out;
  for (const v of VALUES) {
    const chain = g.firstChain[v];
    if (!chain || chain.length !== level - 1) continue;
    for (const r of recipientsOf(s, [...chain, i])) out[r]?.push(v);
  }
  return out;
}

/** SM: per other lieutenant, the values `t` holds a chain for that it can sign on to it at `level`. */
export function smSignable(s: ByzantineState, t: NodeId, level: number): Record<NodeId, Value[]> {
  const out: Record<NodeId, Value[]> = {};
  for (const r of lieutenants(s)) if (r !== t) out[r] = VALUES.filter((v) => signable(s, t, v, level, r) !== null);
  return out;
}
