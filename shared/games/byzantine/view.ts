// What a phone gets: its own role and the messages addressed to it, never another node's
// role or messages ([B2]). The console's view is in console.ts.

import type { NodeId } from '../../protocol/ids';
import { DEFAULT_VALUE, type Strategy, type Value } from './config';
import { choice, recipientsOf, smDue, smSignable } from './paths';
import { breakdown, reliable, type Breakdown } from './outcome';
import {
  decideStep,
  lieutenants,
  pathKey,
  phaseOf,
  phaseTimerKey,
  type ByzantineState,
  type General,
  type InboxStatus,
  type Phase,
  type Tally,
} from './state';

/** Messages a phone lists (the latest). */
export const VIEW_ITEMS = 30;

/**
 * SM: the one relay a lieutenant, loyal or traitor, sends at this level (the `relay` action:
 * [B4], [B5], [B11]); the same for both, so that neither the screen nor the wait tells them apart.
 */
export interface SignedRelay {
  level: number;
  /** Every other lieutenant, in seat order. */
  recipients: NodeId[];
  /**
   * Per recipient, what SM(m) passes on: each value you first accepted at the last level, unless
   * the recipient is on its chain. A loyal lieutenant's relay is exactly this (the server refuses
   * anything else); a traitor's rows start here.
   */
  due: Record<NodeId, Value[]>;
  /** Per recipient, the values you hold a signature chain for; anything else would be a forgery the receiver spots. */
  signable: Record<NodeId, Value[]>;
  /** What you passed on at this level, once your relay went out (your Send or the phase timer's); null until then. */
  sent: Record<NodeId, Value[]> | null;
}

/** A message addressed to this node. */
export interface ReceivedMessage {
  from: NodeId;
  value: Value;
  /** OM: who passed it on, commander first, sender last. SM: its signature chain. */
  path: NodeId[];
  /** Session time it arrived. */
  at: number;
  /** counted; late (after its phase: ignored); forged (SM: discarded). */
  status: InboxStatus;
}

/**
 * Messages a general still has to send, one entry per message it passes on: a traitor
 * commander's orders, a traitor OM lieutenant's ([B5]), and an OM loyal lieutenant's, which may
 * only carry `value` ([B4]). (SM relays are `SignedRelay`.)
 */
export interface PendingSend {
  /** OM: the path of the message passed on (send it back as the action's `path`); null for orders. */
  path: NodeId[] | null;
  /** The level of the messages to send (1: orders). */
  level: number;
  /** What you were told (your order, for a commander: the order you were advised to give). `flip` sends the opposite. */
  value: Value;
  /** Everyone this message goes to, in seat order. */
  recipients: NodeId[];
  /** Who you have told already, and what. */
  sent: Record<NodeId, Value>;
}

export interface ByzantineView {
  game: 'byzantine';
  you: NodeId;
  role: 'commander' | 'lieutenant' | 'observer';
  /** True only on a traitor's own phone: no view ever says whether another node is one. */
  traitor: boolean;
  /** Who commands (public: its loyalty is not). */
  commander: NodeId;
  /** Every general, commander included, in seat order (at most maxGenerals). */
  generals: NodeId[];
  m: number;
  signed: boolean;
  phase: Phase;
  /** The level whose messages travel now (1: orders; 2…m+1: relays), or null when deciding or done. */
  level: number | null;
  /** The phase timer fired: the last messages are on their way. */
  closing: boolean;
  /** The phase timer's key (round-wide timer) and when the engine set it to fire (session time). */
  phaseTimer: string | null;
  phaseEndsAt: number | null;
  /** Your lying strategy, shown beside the autopilot switch (traitors only). */
  strategy: Strategy | null;
  /** Traitors only, when the strategy is `collude`: the other traitors (colluders know each other, [B12]). */
  accomplices: NodeId[] | null;
  /** Commander only: the order a loyal commander is advised to give (its autopilot's choice). */
  suggestedOrder: Value | null;
  /** Commander only: the orders you gave, by lieutenant. */
  ordersSent: Record<NodeId, Value> | null;
  /** Commander only: you may still order (step 1, someone not ordered yet). */
  canOrder: boolean;
  /** Lieutenant: your order, once it arrived in time. */
  order: ReceivedMessage | null;
  /** Lieutenant: the orders phase ended without your order; it counts as Retreat. */
  orderMissing: boolean;
  /** Lieutenant: the latest other messages addressed to you (relays; late and forged ones marked). */
  relays: ReceivedMessage[];
  /** Messages received in time (all levels), late and forged. */
  received: number;
  late: number;
  forged: number;
  /** Loyal lieutenant: the first relay you sent, and when (null until one went out). */
  relayed: { value: Value; at: number } | null;
  /** SM lieutenant, during a relay phase: this level's relay ([B4], [B11]). */
  relay: SignedRelay | null;
  /** Lieutenant (OM), traitor commander: the messages you still owe, per recipient (a loyal one: only `value`). */
  pending: PendingSend[];
  /**
   * Lieutenant: your own order plus one value per other lieutenant (OM; for m > 1, after the
   * decision phase starts, what you conclude each one was told). SM: valid messages per value.
   */
  tally: Tally | null;
  /** SM: the values you accepted (decide by them: one value, or Retreat). */
  accepted: Value[] | null;
  /**
   * Your majority. Until the decision phase: of what has arrived so far (null while nothing has,
   * or on a tie; SM: your accepted value, Retreat if both). From the decision phase on: of the
   * frozen tally, where what never came counts as Retreat and a tie is Retreat ([B8]).
   */
  suggested: Value | null;
  /** Loyal lieutenant: you may decide now. */
  canDecide: boolean;
  decision: Value | null;
  decidedBy: 'node' | 'timeout' | null;
  /**
   * Once the round is decided: whether the loyal lieutenants agreed (IC1) and, if not, why
   * (`Breakdown`, about IC1 alone). Not IC2: whether it applies would tell whether the
   * commander was a traitor, and no view says anything of another node's role ([B2]).
   */
  ending: { ic1: boolean; cause: Breakdown['cause'] } | null;
}

function endingOf(s: ByzantineState): NonNullable<ByzantineView['ending']> {
  const ic1 = s.outcome?.ic1 ?? true;
  const b = breakdown(s);
  return { ic1, cause: ic1 ? null : b.algorithm.ic1 ? 'people' : reliable(s) ? 'traitors' : 'network' };
}

function toMessage(i: { from: NodeId; value: Value; path: NodeId[]; at: number; status: InboxStatus }): ReceivedMessage {
  return { from: i.from, value: i.value, path: [...i.path], at: i.at, status: i.status };
}

export function liveTally(s: ByzantineState, g: General): Tally {
  if (g.tally) return { ...g.tally };
  const { attack, retreat } = g.live;
  return { attack, retreat, missing: s.signed ? 0 : Math.max(0, s.generals.length - 1 - attack - retreat) };
}

export function liveSuggestion(s: ByzantineState, g: General): Value {
  if (g.suggested) return g.suggested;
  if (s.signed) return choice(g.accepted);
  return g.live.attack * 2 > s.generals.length - 1 ? 'attack' : DEFAULT_VALUE;
}

/**
 * What a phone shows as the majority ([B8]): until the tally freezes, the majority of what has
 * arrived (null while nothing has, or on a tie), since a message still to come may yet arrive;
 * from the decision phase on, the frozen majority, in which what never came counts as Retreat.
 */
export function majoritySoFar(s: ByzantineState, g: General): Value | null {
  if (g.suggested) return g.suggested;
  if (s.signed) return g.accepted.length === 0 ? null : choice(g.accepted);
  const { attack, retreat } = g.live;
  return attack > retreat ? 'attack' : retreat > attack ? 'retreat' : null;
}

function pendingFor(s: ByzantineState, node: NodeId, g: General): PendingSend[] {
  // A loyal OM lieutenant owes its relays too (its Send: [B4]); a loyal commander orders; SM relays are `relay`.
  if (s.step > s.m + 1 || (!g.traitor && node === s.commander) || (s.signed && node !== s.commander)) return [];
  const out: PendingSend[] = [];
  const add = (p: PendingSend) => {
    if (p.recipients.some((r) => p.sent[r] === undefined)) out.push(p);
  };
  if (node === s.commander) {
    if (s.step === 1) {
      add({
        path: null,
        level: 1,
        value: s.suggestedOrder,
        recipients: lieutenants(s),
        sent: { ...(g.sentTo[node] ?? {}) },
      });
    }
    return out;
  }
  for (const h of Object.values(g.held)) {
    if (h.path.length > s.m || s.step > h.path.length + 1) continue;
    const sendPath = [...h.path, node];
    add({
      path: [...h.path],
      level: sendPath.length,
      value: h.value,
      recipients: recipientsOf(s, sendPath),
      sent: { ...(g.sentTo[pathKey(sendPath)] ?? {}) },
    });
  }
  return out.sort((a, b) => a.level - b.level);
}

function signedRelay(s: ByzantineState, node: NodeId, g: General): SignedRelay | null {
  if (!s.signed || node === s.commander || s.step < 2 || s.step > s.m + 1) return null;
  const level = s.step;
  const sent = g.smRelayed[String(level)];
  return {
    level,
    recipients: lieutenants(s).filter((l) => l !== node),
    due: smDue(s, node, level),
    signable: smSignable(s, node, level),
    sent: sent ? Object.fromEntries(Object.entries(sent).map(([r, vs]) => [r, [...vs]])) : null,
  };
}

export function nodeView(s: ByzantineState, node: NodeId): ByzantineView {
  const g = s.nodes[node];
  const phase = phaseOf(s);
  const base = {
    game: 'byzantine' as const,
    you: node,
    commander: s.commander,
    generals: [...s.generals],
    m: s.m,
    signed: s.signed,
    phase,
    level: s.step <= s.m + 1 ? s.step : null,
    closing: s.closing,
    phaseTimer: s.step <= decideStep(s) ? phaseTimerKey(s.step) : null,
    phaseEndsAt: s.phaseEndsAt,
    ending: s.outcome ? endingOf(s) : null,
  };
  if (!g) {
    return {
      ...base,
      role: 'observer',
      traitor: false,
      strategy: null,
      accomplices: null,
      suggestedOrder: null,
      ordersSent: null,
      canOrder: false,
      order: null,
      orderMissing: false,
      relays: [],
      received: 0,
      late: 0,
      forged: 0,
      relayed: null,
      relay: null,
      pending: [],
      tally: null,
      accepted: null,
      suggested: null,
      canDecide: false,
      decision: null,
      decidedBy: null,
    };
  }
  const commander = node === s.commander;
  const ordersSent = commander ? { ...(g.sentTo[node] ?? {}) } : null;
  const ownOrder = commander ? undefined : Object.values(g.held).find((h) => h.path.length === 1 && !h.missing);
  const order: ReceivedMessage | null = ownOrder
    ? { from: s.commander, value: ownOrder.value, path: [s.commander], at: ownOrder.at, status: 'counted' }
    : null;
  return {
    ...base,
    role: commander ? 'commander' : 'lieutenant',
    traitor: g.traitor,
    strategy: g.traitor ? s.config.strategy : null,
    accomplices: g.traitor && s.config.strategy === 'collude' ? s.traitors.filter((t) => t !== node) : null,
    suggestedOrder: commander ? s.suggestedOrder : null,
    ordersSent,
    canOrder: commander && s.step === 1 && Object.keys(ordersSent ?? {}).length < s.generals.length - 1,
    order,
    orderMissing: !commander && s.step > 1 && !ownOrder,
    relays: commander
      ? []
      : g.inbox
          .filter((i) => !(i.path.length === 1 && i.status === 'counted'))
          .slice(-VIEW_ITEMS)
          .map(toMessage),
    received: g.received,
    late: g.late,
    forged: g.forged,
    relayed: g.relayed ? { ...g.relayed } : null,
    relay: signedRelay(s, node, g),
    pending: pendingFor(s, node, g),
    tally: commander ? null : liveTally(s, g),
    accepted: commander || !s.signed ? null : [...g.accepted],
    suggested: commander ? null : majoritySoFar(s, g),
    canDecide: !commander && !g.traitor && s.step === decideStep(s) && g.decision === null,
    decision: g.decision,
    decidedBy: g.decidedBy,
  };
}
