// The round's result, recorded when it ends and shown on the projector ([B9]).

import type { NodeId } from '../../protocol/ids';
import type { NetStats } from '../types';
import type { Strategy, Value } from './config';
import { notice, nodeParam, type Notice } from '../../protocol/notice';
import { bound, breakdown, evaluate, loyalDecisions, loyalOrder, reliable, type Bound, type Breakdown } from './outcome';
import { general, doneStep, lieutenants, type ByzantineState, type PhaseRecord, type Tally } from './state';
import { consoleRow } from './console';

export interface LieutenantResult {
  traitor: boolean;
  /** The order it held, or null when none came in time (it counted as Retreat). */
  order: Value | null;
  /** First-hand relays by sender; "missing" counted as Retreat. */
  relays: Record<NodeId, Value | 'missing'>;
  /** SM: the values it accepted. */
  accepted: Value[] | null;
  tally: Tally;
  /** Its majority (SM: its choice), what the phone suggested. */
  majority: Value;
  decision: Value | null;
  decidedBy: 'node' | 'timeout' | null;
  againstMajority: boolean;
  crashed: boolean;
  received: number;
  late: number;
  forged: number;
}

export interface ByzantineResult {
  game: 'byzantine';
  /** False when the round was stopped before the decision phase ended (figures as they stood). */
  complete: boolean;
  n: number;
  f: number;
  m: number;
  signed: boolean;
  strategy: Strategy;
  commander: NodeId;
  commanderLoyal: boolean;
  traitors: NodeId[];
  /** The loyal commander's order, or null (a traitor, or no order given). */
  order: Value | null;
  /** What the commander sent each lieutenant. */
  orders: Record<NodeId, Value>;
  lieutenants: Record<NodeId, LieutenantResult>;
  /** Loyal lieutenants' decisions. */
  decisions: Record<NodeId, Value>;
  ic1: boolean;
  /** Null when the commander is a traitor (or gave no order). */
  ic2: boolean | null;
  verdict: Notice;
  bound: Bound;
  /** No message was dropped, lost or late and no general was down at the end: the bound's promise applies. */
  reliable: boolean;
  /** Why the verdict is what it is: the algorithm's own outcome, and who decided against their majority. */
  breakdown: Breakdown;
  /**
   * Things worth a word in class, as notices the client words with nicknames:
   * `byzantine.flag.against` {node, decision, majority}, `byzantine.flag.crashed` {node},
   * `byzantine.flag.lost` {count}, `byzantine.flag.late` {count}.
   */
  flags: Notice[];
  messages: {
    sent: number;
    delivered: number;
    duplicated: number;
    dropped: NetStats['dropped'];
    /** Arrived after their phase ended: ignored. */
    late: number;
    /** SM: forged chains, discarded. */
    forged: number;
    /** Never arrived before their phase ended. */
    lost: number;
    /** Sent per level: index 0 is level 1 (the orders), index k−1 level k. OM(m) sends (N−1)(N−2)…(N−k) at level k. */
    byLevel: number[];
  };
  phases: PhaseRecord[];
  notes: Notice[];
}

/** Messages the generals sent at each level (index 0: level 1), dropped ones included. */
export function sentByLevel(s: ByzantineState): number[] {
  const out = Array.from({ length: s.m + 1 }, () => 0);
  for (const rec of s.messages) out[rec.level - 1] = (out[rec.level - 1] ?? 0) + 1;
  return out;
}

export function analyse(s: ByzantineState, net: NetStats): ByzantineResult {
  const outcome = s.outcome ?? evaluate(s);
  const rows: Record<NodeId, LieutenantResult> = {};
  const flags: Notice[] = [];
  for (const l of lieutenants(s)) {
    const row = consoleRow(s, l);
    const relays: LieutenantResult['relays'] = {};
    for (const [from, r] of Object.entries(row.relays)) relays[from] = r.missing ? 'missing' : r.value;
    rows[l] = {
      traitor: row.traitor,
      order: row.order && !row.order.missing ? row.order.value : null,
      relays,
      accepted: row.accepted,
      tally: row.tally,
      majority: row.suggested,
      decision: row.decision,
      decidedBy: row.decidedBy,
      againstMajority: row.againstMajority,
      crashed: row.crashed,
      received: row.received,
      late: row.late,
      forged: row.forged,
    };
    if (row.againstMajority && row.decision)
      flags.push(notice('byzantine.flag.against', { node: nodeParam(l), decision: row.decision, majority: row.suggested }));
    if (row.crashed) flags.push(notice('byzantine.flag.crashed', { node: nodeParam(l) }));
  }
  const lost = s.counts.lost + s.counts.dropped;
  if (lost > 0) flags.push(notice('byzantine.flag.lost', { count: lost }));
  if (s.counts.late > 0) flags.push(notice('byzantine.flag.late', { count: s.counts.late }));
  return {
    game: 'byzantine',
    complete: s.step >= doneStep(s),
    n: s.generals.length,
    f: s.traitors.length,
    m: s.m,
    signed: s.signed,
    strategy: s.config.strategy,
    commander: s.commander,
    commanderLoyal: !s.traitors.includes(s.commander),
    traitors: [...s.traitors],
    order: loyalOrder(s),
    orders: { ...(general(s, s.commander).sentTo[s.commander] ?? {}) },
    lieutenants: rows,
    decisions: loyalDecisions(s),
    ic1: outcome.ic1,
    ic2: outcome.ic2,
    verdict: outcome.verdict,
    bound: bound(s),
    reliable: reliable(s),
    breakdown: breakdown(s),
    flags,
    messages: {
      sent: net.sent,
      delivered: net.delivered,
      duplicated: net.duplicated,
      dropped: { ...net.dropped },
      late: s.counts.late,
      forged: s.counts.forged,
      lost: s.counts.lost,
      byLevel: sentByLevel(s),
    },
    phases: s.phases.map((p) => ({ ...p })),
    notes: [...s.notes],
  };
}
