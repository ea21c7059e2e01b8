// Did the loyal generals agree? IC1, IC2 and the bound they are set against ([B9]).

import type { NodeId } from '../../protocol/ids';
import { DEFAULT_VALUE, type Value } from './config';
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
