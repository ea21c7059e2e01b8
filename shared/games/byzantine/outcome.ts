// Did the loyal generals agree? IC1, IC2 and the bound they are set against ([B9]).

import type { NodeId } from '../../protocol/ids';
import type { Value } from './config';
import { general, lieutenants, type ByzantineState, type Outcome } from './state';
import { notice } from '../../protocol/notice';

export interface Bound {
  n: number;
  f: number;
  m: number;
  signed: boolean;
  /** N ≥ 3f+1, the oral-messages bound. */
  om: { rule: 'N ≥ 3f+1'; holds: boolean };
  /** SM(m): N ≥ m+2 with at most m traitors; null for oral messages. */
  sm: { rule: 'N ≥ m+2, f ≤ m'; holds: boolean } | null;
  /** The algorithm as played promises IC1 and IC2 (OM: N ≥ 3f+1 and f ≤ m; SM: its bound), on a reliable network. */
  guaranteed: boolean;
}

export function bound(s: ByzantineState): Bound {
  const n = s.generals.length;
  const f = s.traitors.length;
  const m = s.m;
  const omHolds = n >= 3 * f + 1;
  const smHolds = n >= m + 2 && f <= m;
  const guaranteed = s.signed ? smHolds : omHolds && f <= m;
  return {
    n,
    f,
    m,
    signed: s.signed,
    om: { rule: 'N ≥ 3f+1', holds: omHolds },
    sm: s.signed ? { rule: 'N ≥ m+2, f ≤ m', holds: smHolds } : null,
    guaranteed,
  };
}

/** The order a loyal commander gave (the same to all, [B3]), or null: a traitor, or no order sent. */
export function loyalOrder(s: ByzantineState): Value | null {
  if (s.traitors.includes(s.commander)) return null;
  const sent = Object.values(general(s, s.commander).sentTo[s.commander] ?? {});
  return sent[0] ?? null;
}

/** Loyal lieutenants' decisions (those that decided). */
export function loyalDecisions(s: ByzantineState): Record<NodeId, Value> {
  const out: Record<NodeId, Value> = {};
  for (const l of lieutenants(s)) {
    const g = general(s, l);
    if (!g.traitor && g.decision !== null) out[l] = g.decision;
  }
  return out;
}

export function evaluate(s: ByzantineState): Outcome {
  const decisions = Object.values(loyalDecisions(s));
  const attack = decisions.filter((v) => v === 'attack').length;
  const retreat = decisions.length - attack;
  const ic1 = attack === 0 || retreat === 0;
  const commanderTraitor = s.traitors.includes(s.commander);
  const order = loyalOrder(s);
  const ic2 = commanderTraitor || order === null ? null : decisions.every((v) => v === order);
  const [first] = decisions;
  const what = first === undefined ? 'none' : ic1 ? 'agreed' : 'split';
  const why = commanderTraitor ? 'traitor' : order === null ? 'no_order' : ic2 ? 'followed' : 'disobeyed';
  const verdict = notice('byzantine.verdict', {
    what,
    count: decisions.length,
    value: first ?? null,
    attack,
    retreat,
    why,
    order,
  });
  return { ic1, ic2, verdict };
}
