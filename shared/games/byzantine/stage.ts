// What the projector stage shows of a Byzantine round while roles are secret ([B2]: only a
// traitor's own phone says "traitor"): the phase and its clock, who commands, N, f and the
// bound, how many messages fly, and at the end whether the loyal lieutenants agreed (IC1).
// Everything that would single out a traitor stays off: message values (a traitor commander's
// mixed orders), who still has to act or decide (traitors do not decide), how many loyal
// lieutenants decided, and IC2 (undefined exactly when the commander lies). Once the
// instructor reveals, the stage also gets the traitors, IC2 and every decision.

import type { NodeId } from '../../protocol/ids';
import type { Strategy, Value } from './config';
import { bound } from './outcome';
import { decideStep, general, lieutenants, phaseOf, phaseTimerKey, type ByzantineState, type Phase } from './state';

export interface ByzantineStageView {
  game: 'byzantine';
  phase: Phase;
  level: number | null;
  closing: boolean;
  phaseTimer: string | null;
  phaseEndsAt: number | null;
  m: number;
  signed: boolean;
  commander: NodeId;
  generals: NodeId[];
  /** N (generals) and f (how many traitors, not who). */
  n: number;
  f: number;
  /** The algorithm played ("OM(1)"), the condition the paper proves it under, and whether it holds here (bound.ts). */
  algorithm: string;
  rule: string;
  guaranteed: boolean;
  messages: { sent: number; arrived: number; travelling: number };
  /** Set once the round is decided: did the loyal lieutenants all agree (IC1)? */
  ic1: boolean | null;
  /** Only once revealed. */
  secret: {
    traitors: NodeId[];
    commanderTraitor: boolean;
    strategy: Strategy;
    ic2: boolean | null;
    decisions: Record<NodeId, Value | null>;
  } | null;
}

export function stageView(s: ByzantineState, revealed: boolean): ByzantineStageView {
  const b = bound(s);
  const decisions: Record<NodeId, Value | null> = {};
  if (revealed) for (const l of lieutenants(s)) decisions[l] = general(s, l).decision;
  return {
    game: 'byzantine',
    phase: phaseOf(s),
    level: s.step <= s.m + 1 ? s.step : null,
    closing: s.closing,
    phaseTimer: s.step <= decideStep(s) ? phaseTimerKey(s.step) : null,
    phaseEndsAt: s.phaseEndsAt,
    m: s.m,
    signed: s.signed,
    commander: s.commander,
    generals: [...s.generals],
    n: b.n,
    f: b.f,
    algorithm: b.algorithm,
    rule: b.rule,
    guaranteed: b.guaranteed,
    messages: {
      sent: s.counts.sent,
      arrived: s.counts.arrived,
      travelling: s.travelling.reduce((a, x) => a + (x ?? 0), 0),
    },
    ic1: s.outcome ? s.outcome.ic1 : null,
    secret: revealed
      ? {
          traitors: [...s.traitors],
          commanderTraitor: s.traitors.includes(s.commander),
          strategy: s.config.strategy,
          ic2: s.outcome ? s.outcome.ic2 : null,
          decisions,
        }
      : null,
  };
}
