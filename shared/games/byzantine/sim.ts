// `npm run simulate -- --game byzantine --nodes 4 --traitors 1 --m 1 --strategy split
//   --trials 500 --seed 1 --json` (also --signed, --commander-traitor, --phase, --order,
// --bot-delay, --relay-delay and the fault flags). Every node is a bot.

import { intFlag, type SimFlags, type SimPlugin } from '../../sim/plugin';
import { mean, round } from '../../sim/stats';
import type { ByzantineResult } from './analysis';
import { GENERALS_MAX, M_MAX, MESSAGES_MAX, omMessages, STRATEGIES, VALUES, type ByzantineConfig, type Value } from './config';
import type { ByzantineState } from './state';

function boolFlag(flags: SimFlags, key: string): boolean {
  const raw = flags[key];
  if (raw === undefined || raw === false || raw === 'false') return false;
  if (raw === true || raw === 'true') return true;
  throw new Error(`--${key} takes no value (or true/false).`);
}

/** Bare `--commander-traitor` is true; `--commander-traitor 0.25` is a chance. */
function commanderTraitorFlag(flags: SimFlags): boolean | number {
  const raw = flags['commander-traitor'];
  if (raw === undefined || raw === false || raw === 'false') return false;
  if (raw === true || raw === 'true') return true;
  const p = Number(raw);
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error('--commander-traitor takes no value, or a chance between 0 and 1.');
  return p;
}

function config(flags: SimFlags, nodes: number): ByzantineConfig {
  if (nodes < 3) throw new Error('The Byzantine generals need at least 3 nodes.');
  if (nodes > GENERALS_MAX) throw new Error(`At most ${GENERALS_MAX} generals; --nodes ${nodes} is too many.`);
  const traitors = intFlag(flags, 'traitors', 1, 0, nodes);
  const m = intFlag(flags, 'm', 1, 1, M_MAX);
  const signed = boolFlag(flags, 'signed');
  const commanderTraitor = commanderTraitorFlag(flags);
  const strategy = STRATEGIES.find((s) => s === String(flags.strategy ?? 'flip'));
  if (!strategy) throw new Error(`--strategy must be one of: ${STRATEGIES.join(', ')}.`);
  const order = flags.order === undefined ? undefined : VALUES.find((v) => v === String(flags.order));
  if (flags.order !== undefined && !order) throw new Error('--order must be attack or retreat.');
  if (!signed && omMessages(nodes, m) > MESSAGES_MAX) {
    throw new Error(
      `OM(${m}) among ${nodes} generals sends ${omMessages(nodes, m)} messages; the limit is ${MESSAGES_MAX}: use fewer nodes or a smaller --m.`,
    );
  }
  if (commanderTraitor === true && traitors === 0) throw new Error('--commander-traitor needs --traitors 1 or more.');
  const maxTraitors = nodes - 2 + (commanderTraitor === true ? 1 : 0);
  if (traitors > maxTraitors) throw new Error(`With ${nodes} nodes at most ${maxTraitors} traitors leave one loyal lieutenant.`);
  return {
    traitors,
    commanderTraitor,
    m,
    signed,
    phaseMs: intFlag(flags, 'phase', 1_000, 20, 600_000),
    strategy,
    botDelayMs: intFlag(flags, 'bot-delay', 10, 0, 60_000),
    relayDelayMs: intFlag(flags, 'relay-delay', 0, 0, 60_000),
    maxGenerals: Math.max(3, nodes),
    ...(order ? { order } : {}),
  };
}

export type ByzantineTrial = {
  seed: number;
  endedAt: number;
  n: number;
  f: number;
  commander: string;
  commanderLoyal: boolean;
  traitors: string[];
  order: Value | null;
  decisions: Record<string, Value>;
  ic1: boolean;
  ic2: boolean | null;
  /** The algorithm as played promises IC1 and IC2 here: within its bound, and the network lost nothing. */
  guaranteed: boolean;
  /** No message dropped, lost or late, no general down at the end. */
  reliable: boolean;
  complete: boolean;
  messages: { sent: number; late: number; forged: number; lost: number; dropped: number };
};

const rate = (hits: number, of: number): number | null => (of === 0 ? null : round(hits / of, 4));

export const byzantineSim: SimPlugin<ByzantineConfig, ByzantineState, ByzantineResult, ByzantineTrial> = {
  config,
  // Each phase lasts at most its timer plus a grace for the last messages; the round ends itself.
  maxTimeMs: (c) => (c.m + 2) * (c.phaseMs + 60_000) + 10_000,
  trial(r, info) {
    const d = r.messages.dropped;
    return {
      seed: info.seed,
      endedAt: info.endedAt,
      n: r.n,
      f: r.f,
      commander: r.commander,
      commanderLoyal: r.commanderLoyal,
      traitors: r.traitors,
      order: r.order,
      decisions: r.decisions,
      ic1: r.ic1,
      ic2: r.ic2,
      guaranteed: r.bound.guaranteed && r.reliable,
      reliable: r.reliable,
      complete: r.complete,
      messages: {
        sent: r.messages.sent,
        late: r.messages.late,
        forged: r.messages.forged,
        lost: r.messages.lost,
        dropped: d.crashed + d.partition + d.loss,
      },
    };
  },
  summary(trials, c) {
    const ic2Trials = trials.filter((t) => t.ic2 !== null);
    const first = trials[0];
    const n = first?.n ?? 0;
    const f = first?.f ?? c.traitors;
    const guaranteed = trials.filter((t) => t.guaranteed);
    return {
      trials: trials.length,
      n,
      f,
      m: c.m,
      signed: c.signed,
      strategy: c.strategy,
      /** Share of trials where all loyal lieutenants agreed. */
      ic1: rate(trials.filter((t) => t.ic1).length, trials.length),
      /** Share, among trials with a loyal commander that gave an order, where they all followed it. */
      ic2: rate(ic2Trials.filter((t) => t.ic2).length, ic2Trials.length),
      ic1Failures: trials.filter((t) => !t.ic1).length,
      ic2Failures: ic2Trials.filter((t) => !t.ic2).length,
      ic2Trials: ic2Trials.length,
      commanderTraitorTrials: trials.filter((t) => !t.commanderLoyal).length,
      bound: {
        rule: c.signed ? 'N ≥ m+2, f ≤ m' : 'N ≥ 3f+1',
        omHolds: n >= 3 * f + 1,
        guaranteedTrials: guaranteed.length,
        /** Trials where the theory promised agreement (within the bound, nothing lost) and it failed: always 0. */
        brokenPromises: guaranteed.filter((t) => !t.ic1 || t.ic2 === false).length,
      },
      messagesPerTrial: round(mean(trials.map((t) => t.messages.sent))),
      incomplete: trials.filter((t) => !t.complete).length,
    };
  },
};
