// Did the loyal generals agree? IC1, IC2 and the bound they are set against ([B9]).

import type { NodeId } from '../../protocol/ids';
import { DEFAULT_VALUE, type Value } from './config';
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

/** Nothing was dropped, lost or late and no general was down: the bound's promise applies ([B9]). */
export function reliable(s: ByzantineState): boolean {
  return s.counts.lost + s.counts.dropped === 0 && s.counts.late === 0 && !lieutenants(s).some((l) => general(s, l).crashed);
}

/** A loyal lieutenant that decided against its own majority ([B8]). */
export interface AgainstMajority {
  node: NodeId;
  decision: Value;
  majority: Value;
}

/**
 * Why the verdict is what it is ([B9]), so that a person not following the algorithm is not
 * reported as the algorithm failing. `algorithm`: IC1 and IC2 as they would be had every loyal
 * lieutenant that decided taken its own majority (what OM(m) and SM(m) prescribe). `cause`:
 * null when IC1 and IC2 hold; `people` when they fail only because loyal lieutenants decided
 * against their majority (`against`); otherwise `network` (messages lost, late, or a general
 * down: the bound assumes a reliable network) or `traitors` (a reliable network: the traitors
 * broke it, which the bound allows only outside N ≥ 3f+1, f ≤ m).
 */
export interface Breakdown {
  algorithm: { ic1: boolean; ic2: boolean | null };
  against: AgainstMajority[];
  cause: 'people' | 'network' | 'traitors' | null;
}

function agreement(s: ByzantineState, decisions: readonly Value[]): { ic1: boolean; ic2: boolean | null } {
  const attack = decisions.filter((v) => v === 'attack').length;
  const ic1 = attack === 0 || attack === decisions.length;
  const order = loyalOrder(s);
  const ic2 = s.traitors.includes(s.commander) || order === null ? null : decisions.every((v) => v === order);
  return { ic1, ic2 };
}

export function breakdown(s: ByzantineState): Breakdown {
  const against: AgainstMajority[] = [];
  const majorities: Value[] = [];
  for (const l of lieutenants(s)) {
    const g = general(s, l);
    if (g.traitor || g.decision === null) continue;
    const majority = g.suggested ?? DEFAULT_VALUE;
    majorities.push(majority);
    if (g.decidedBy === 'node' && g.decision !== majority) against.push({ node: l, decision: g.decision, majority });
  }
  const actual = agreement(s, Object.values(loyalDecisions(s)));
  const algorithm = agreement(s, majorities);
  const held = (r: { ic1: boolean; ic2: boolean | null }) => r.ic1 && r.ic2 !== false;
  const cause = held(actual) ? null : held(algorithm) ? 'people' : reliable(s) ? 'traitors' : 'network';
  return { algorithm, against, cause };
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
