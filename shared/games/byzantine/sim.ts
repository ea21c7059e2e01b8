// `npm run simulate -- --game byzantine --nodes 4 --traitors 1 --m 1 --strategy split
//   --trials 500 --seed 1 --json` (also --signed, --commander-traitor, --phase, --order,
// --bot-delay and the fault flags). Every node is a bot.

import type { Notice } from '../../protocol/notice';
import { intFlag, type SimFlags, type SimPlugin } from '../../sim/plugin';
import { mean, round } from '../../sim/stats';
import type { ByzantineResult } from './analysis';
import { lspBound } from './bound';
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
  // More traitors than leave one loyal lieutenant are capped by the round, with a note ([B1]).
  return {
    traitors,
    commanderTraitor,
    m,
    signed,
    phaseMs: intFlag(flags, 'phase', 1_000, 20, 600_000),
    strategy,
    botDelayMs: intFlag(flags, 'bot-delay', 10, 0, 60_000),
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
  /** The paper's conditions hold for this trial's N, f and m (bound.ts; the network aside). */
  withinBound: boolean;
  /** The algorithm as played promises IC1 and IC2 here: within its bound, and the network lost nothing. */
  guaranteed: boolean;
  /** No message dropped, lost or late, no general down at the end. */
  reliable: boolean;
  complete: boolean;
  /** Adjustments the round made to the settings, as notices (e.g. `byzantine.note.traitors_capped`). */
  notes: Notice[];
  /** `byLevel[k−1]`: messages sent at level k (1: the orders). */
  messages: { sent: number; late: number; forged: number; lost: number; dropped: number; byLevel: number[] };
};

/**
 * The paper's promise set against the trials: for each traitor count the trials had (a
 * commander that is a traitor by chance, or a capped count, changes f), whether the theorem
 * covers it; and `brokenPromises`, trials where it promised IC1 and IC2 (on a network that
 * lost nothing) and they failed. Anything but 0 is a bug.
 */
function boundSummary(trials: ByzantineTrial[], c: ByzantineConfig) {
  const n = trials[0]?.n ?? 0;
  const fs = [...new Set(trials.map((t) => t.f))].sort((a, b) => a - b);
  const head = lspBound(n, fs[0] ?? c.traitors, c.m, c.signed);
  const guaranteed = trials.filter((t) => t.guaranteed);
  return {
    algorithm: head.algorithm,
    rule: head.rule,
    source: head.source,
    cases: fs.map((f) => {
      const b = lspBound(n, f, c.m, c.signed);
      return {
        f,
        trials: trials.filter((t) => t.f === f).length,
        guaranteed: b.guaranteed,
        traitorsWithinM: b.traitorsWithinM,
        enoughGenerals: b.enoughGenerals,
        threeF: b.threeF,
      };
    }),
    guaranteedTrials: guaranteed.length,
    brokenPromises: guaranteed.filter((t) => !t.ic1 || t.ic2 === false).length,
  };
}

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
      withinBound: r.bound.guaranteed,
      guaranteed: r.bound.guaranteed && r.reliable,
      reliable: r.reliable,
      complete: r.complete,
      notes: r.notes,
      messages: {
        byLevel: r.messages.byLevel,
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
      bound: boundSummary(trials, c),
      messagesPerTrial: round(mean(trials.map((t) => t.messages.sent))),
      /** Mean messages sent per level (index 0: level 1, the orders). */
      messagesPerLevel: Array.from({ length: c.m + 1 }, (_, k) => round(mean(trials.map((t) => t.messages.byLevel[k] ?? 0)))),
      incomplete: trials.filter((t) => !t.complete).length,
    };
  },
};
