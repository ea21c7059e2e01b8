// What the projector gets: everything, roles included ([B2] applies to phones, not here).

import type { NodeId } from '../../protocol/ids';
import type { Notice } from '../../protocol/notice';
import type { Strategy, Value } from './config';
import { bound, type Bound } from './outcome';
import { waitingFor } from './phases';
import {
  general,
  decideStep,
  lieutenants,
  phaseOf,
  phaseTimerKey,
  type ByzantineState,
  type Counts,
  type MessageRecord,
  type Outcome,
  type Phase,
  type PhaseRecord,
  type Tally,
} from './state';
import { liveSuggestion, liveTally } from './view';

/** Messages the console's table lists (the latest). */
export const CONSOLE_MESSAGES = 500;

export interface ConsoleRow {
  node: NodeId;
  traitor: boolean;
  /** The order it holds: null while none came; `missing` once the orders phase ended without it. */
  order: { value: Value; missing: boolean } | null;
  /** First-hand relays it holds, by sender (OM: one per lieutenant; SM: the latest valid level-2 one). */
  relays: Record<NodeId, { value: Value; missing: boolean }>;
  /** SM: values it accepted. */
  accepted: Value[] | null;
  tally: Tally;
  suggested: Value;
  decision: Value | null;
  decidedBy: 'node' | 'timeout' | null;
  /** A loyal lieutenant that decided against its own majority (allowed: it is a lesson). */
  againstMajority: boolean;
  /** Down when the decision phase ended: it decided nothing. */
  crashed: boolean;
  received: number;
  late: number;
  forged: number;
  sent: number;
}

export interface ByzantineConsoleView {
  game: 'byzantine';
  phase: Phase;
  step: number;
  level: number | null;
  closing: boolean;
  phaseTimer: string | null;
  phaseEndsAt: number | null;
  phases: PhaseRecord[];
  m: number;
  signed: boolean;
  strategy: Strategy;
  commander: NodeId;
  commanderTraitor: boolean;
  traitors: NodeId[];
  generals: NodeId[];
  observers: number;
  /** The order a loyal commander is advised to give. */
  suggestedOrder: Value;
  /** The commander's orders as sent, by lieutenant. */
  orders: Record<NodeId, Value>;
  /** Who the phase still waits for (crashed nodes included; the engine itself does not wait for them). */
  waitingFor: NodeId[];
  /** The latest messages, oldest first, with where each one is. */
  messages: MessageRecord[];
  counts: Counts;
  travelling: number;
  rows: ConsoleRow[];
  bound: Bound;
  /** Set once the decision phase ended. */
  outcome: Outcome | null;
  notes: Notice[];
}

export function consoleRow(s: ByzantineState, node: NodeId): ConsoleRow {
  const g = general(s, node);
  const relays: ConsoleRow['relays'] = {};
  let order: ConsoleRow['order'] = null;
  for (const h of Object.values(g.held)) {
    const [, relayer, ...rest] = h.path;
    if (h.path.length === 1) order = { value: h.value, missing: h.missing };
    else if (relayer !== undefined && rest.length === 0) relays[relayer] = { value: h.value, missing: h.missing };
  }
  const suggested = liveSuggestion(s, g);
  return {
    node,
    traitor: g.traitor,
    order,
    relays,
    accepted: s.signed ? [...g.accepted] : null,
    tally: liveTally(s, g),
    suggested,
    decision: g.decision,
    decidedBy: g.decidedBy,
    againstMajority: !g.traitor && g.decidedBy === 'node' && g.decision !== null && g.decision !== suggested,
    crashed: g.crashed,
    received: g.received,
    late: g.late,
    forged: g.forged,
    sent: g.sentByLevel.reduce((a, b) => a + (b ?? 0), 0),
  };
}

export function consoleView(s: ByzantineState): ByzantineConsoleView {
  return {
    game: 'byzantine',
    phase: phaseOf(s),
    step: s.step,
    level: s.step <= s.m + 1 ? s.step : null,
    closing: s.closing,
    phaseTimer: s.step <= decideStep(s) ? phaseTimerKey(s.step) : null,
    phaseEndsAt: s.phaseEndsAt,
    phases: s.phases.map((p) => ({ ...p })),
    m: s.m,
    signed: s.signed,
    strategy: s.config.strategy,
    commander: s.commander,
    commanderTraitor: s.traitors.includes(s.commander),
    traitors: [...s.traitors],
    generals: [...s.generals],
    observers: s.observers,
    suggestedOrder: s.suggestedOrder,
    orders: { ...(general(s, s.commander).sentTo[s.commander] ?? {}) },
    waitingFor: waitingFor(s, () => false),
    messages: s.messages.slice(-CONSOLE_MESSAGES).map((m) => ({ ...m, path: [...m.path] })),
    counts: { ...s.counts },
    travelling: s.travelling.reduce((a, b) => a + (b ?? 0), 0),
    rows: lieutenants(s).map((l) => consoleRow(s, l)),
    bound: bound(s),
    outcome: s.outcome ? { ...s.outcome } : null,
    notes: [...s.notes],
  };
}
