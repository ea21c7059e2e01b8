// Did the loyal generals agree? IC1, IC2 and the bound they are set against ([B9]).

import type { NodeId } from '../../protocol/ids';
import type { Value } from './config';
import { lspBound, type Bound } from './bound';
import { general, lieutenants, type ByzantineState, type Outcome } from './state';
import { notice } from '../../protocol/notice';

export type { Bound };

/** The round's figures set against what the paper proves ([B9]; see bound.ts). */
export function bound(s: ByzantineState): Bound {
  return lspBound(s.generals.length, s.traitors.length, s.m, s.signed);
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
