// Did the loyal generals agree? IC1, IC2 and the bound they are set against ([B9]).

import type { NodeId } from '../../protocol/ids';
import type { Value } from './config';
import { general, lieutenants, type ByzantineState, type Outcome } from './state';

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
  text: string;
}

export function bound(s: ByzantineState): Bound {
  const n = s.generals.length;
  const f = s.traitors.length;
  const m = s.m;
  const omHolds = n >= 3 * f + 1;
  const smHolds = n >= m + 2 && f <= m;
  const guaranteed = s.signed ? smHolds : omHolds && f <= m;
  const alg = `${s.signed ? 'SM' : 'OM'}(${m})`;
  let text = `N = ${n}, f = ${f}: N ≥ 3f+1 ${omHolds ? 'holds' : 'fails'} (${n} ${omHolds ? '≥' : '<'} ${3 * f + 1})`;
  if (s.signed) text += `; ${alg} needs N ≥ m+2 and f ≤ m: ${smHolds ? 'met' : 'not met'}`;
  else if (f > m) text += `; ${alg} only copes with ${m} traitor${m === 1 ? '' : 's'}`;
  return {
    n,
    f,
    m,
    signed: s.signed,
    om: { rule: 'N ≥ 3f+1', holds: omHolds },
    sm: s.signed ? { rule: 'N ≥ m+2, f ≤ m', holds: smHolds } : null,
    guaranteed,
    text,
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

const label = (v: Value): string => (v === 'attack' ? 'Attack' : 'Retreat');

export function evaluate(s: ByzantineState): Outcome {
  const decisions = Object.values(loyalDecisions(s));
  const attack = decisions.filter((v) => v === 'attack').length;
  const retreat = decisions.length - attack;
  const ic1 = attack === 0 || retreat === 0;
  const commanderTraitor = s.traitors.includes(s.commander);
  const order = loyalOrder(s);
  const ic2 = commanderTraitor || order === null ? null : decisions.every((v) => v === order);
  const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? '✓' : '✗');

  let what: string;
  const [first] = decisions;
  if (first === undefined) what = 'no loyal lieutenant decided';
  else if (ic1)
    what = `${decisions.length === 1 ? 'the one loyal lieutenant' : `all ${decisions.length} loyal lieutenants`} chose ${label(first)}`;
  else what = `the loyal lieutenants split: ${attack} Attack, ${retreat} Retreat`;
  let why: string;
  if (commanderTraitor) why = 'the commander was a traitor';
  else if (order === null) why = 'the loyal commander gave no order';
  else if (ic2) why = `as the loyal commander ordered`;
  else why = `but the loyal commander ordered ${label(order)}`;
  const verdict = `IC1 ${mark(ic1)} · IC2 ${mark(ic2)} — ${what}, ${why}. ${bound(s).text}.`;
  return { ic1, ic2, verdict };
}
