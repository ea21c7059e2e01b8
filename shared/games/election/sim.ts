// How the headless simulator runs the election: bots on virtual time, fast pace by default.
// `npm run simulate -- --game election --nodes 5 --trials 500 --timeout 150-300 --latency 5-10 --seed 1 --json`

import { median, p95, mean, quantile, round } from '../../sim/stats';
import { intFlag, rangeFlag, type SimFlags, type SimPlugin } from '../../sim/plugin';
import type { ElectionResult } from './analysis';
import { PACES, type ElectionConfig, type Pace } from './config';
import type { ElectionState, Violation } from './state';

export type ElectionTrial = {
  seed: number;
  endedAt: number;
  firstLeaderMs: number | null;
  terms: number;
  elections: number;
  splitVotes: number;
  maxLeadersPerTerm: number;
  /** Committed values in commit order. */
  committed: string[];
  leaderIds: string[];
  staleLeaders: number;
  staleMs: number;
  /** Safety violations as codes and params (a correct engine has none). */
  violations: Violation[];
  messages: ElectionResult['messages'];
  /** When the leader was crashed (`--crash leader@MS`), or null. */
  leaderCrashedAt: number | null;
  /** From that crash until some node led again (ms): Raft's Figure 16 "time without leader"; null if none did. */
  downtimeMs: number | null;
};

/** A bare `--pre-vote` is on; `--pre-vote false` is off. */
function switchFlag(flags: SimFlags, key: string): boolean {
  const raw = flags[key];
  if (raw === undefined || raw === false || raw === 'false') return false;
  if (raw === true || raw === 'true') return true;
  throw new Error(`--${key} takes no value (or true/false).`);
}

function paceFlag(flags: SimFlags): Pace {
  const raw = flags.pace ?? 'fast';
  if (raw !== 'fast' && raw !== 'class') throw new Error('--pace must be "fast" or "class".');
  return raw;
}

function downtimeSummary(t: ElectionTrial[]) {
  const xs = t.map((x) => x.downtimeMs).filter((x): x is number => x !== null);
  return {
    /** Trials whose leader was crashed (a trial that never had a leader has nobody to crash). */
    crashed: t.filter((x) => x.leaderCrashedAt !== null).length,
    n: xs.length,
    /** Trials whose leader was crashed and in which nobody led again before the trial ended. */
    none: t.filter((x) => x.leaderCrashedAt !== null && x.downtimeMs === null).length,
    mean: round(mean(xs)),
    median: round(median(xs)),
    p99: round(quantile(xs, 0.99)),
    max: xs.length ? round(Math.max(...xs)) : null,
  };
}

export const electionSim: SimPlugin<ElectionConfig, ElectionState, ElectionResult, ElectionTrial> = {
  config(flags) {
    const pace = paceFlag(flags);
    const preset = PACES[pace];
    return {
      pace,
      timeoutMs: rangeFlag(flags, 'timeout', [...preset.timeoutMs]),
      heartbeatMs: rangeFlag(flags, 'heartbeat', [...preset.heartbeatMs]),
      botDelayMs: rangeFlag(flags, 'bot-delay', [...preset.botDelayMs]),
      processingMs: rangeFlag(flags, 'processing', [...preset.processingMs]),
      ...(switchFlag(flags, 'pre-vote') ? { preVote: true } : {}),
      ...(switchFlag(flags, 'check-quorum') ? { checkQuorum: true } : {}),
    };
  },

  // Figure 16 crashed the leader uniformly within its heartbeat interval.
  crashWindowMs: (config) => (config.heartbeatMs ?? PACES[config.pace].heartbeatMs)[1],

  // Long enough for the fault schedule to play out and the cluster to settle after it.
  maxTimeMs: (config, flags, { lastStepAt }) =>
    intFlag(
      flags,
      'duration',
      config.pace === 'fast' ? Math.max(10_000, lastStepAt + 4_000) : Math.max(180_000, lastStepAt + 60_000),
      1,
      86_400_000,
    ),

  trial(r, info) {
    return {
      seed: info.seed,
      endedAt: info.endedAt,
      firstLeaderMs: r.firstLeaderMs,
      terms: r.terms,
      elections: r.elections,
      splitVotes: r.splitVotes,
      maxLeadersPerTerm: r.maxLeadersPerTerm,
      committed: r.committedValues,
      leaderIds: r.leaderIds,
      staleLeaders: r.stale.count,
      staleMs: r.stale.totalMs,
      violations: r.safety.violations,
      messages: r.messages,
      leaderCrashedAt: info.leaderCrashedAt,
      downtimeMs: info.leaderCrashedAt !== null && info.newLeaderAt !== null ? round(info.newLeaderAt - info.leaderCrashedAt) : null,
    };
  },

  summary(t) {
    const firsts = t.map((x) => x.firstLeaderMs).filter((x): x is number => x !== null);
    const stat = (xs: number[]) => ({ mean: round(mean(xs)), median: median(xs), p95: p95(xs), max: xs.length ? Math.max(...xs) : null });
    const sum = (f: (x: ElectionTrial) => number) => t.reduce((a, x) => a + f(x), 0);
    return {
      trials: t.length,
      firstLeaderMs: {
        median: median(firsts),
        p95: p95(firsts),
        mean: round(mean(firsts)),
        max: firsts.length ? Math.max(...firsts) : null,
      },
      /** Trials in which nobody ever became leader. */
      noLeader: t.length - firsts.length,
      maxLeadersPerTerm: t.reduce((a, x) => Math.max(a, x.maxLeadersPerTerm), 0),
      terms: stat(t.map((x) => x.terms)),
      elections: stat(t.map((x) => x.elections)),
      splitVotes: {
        ...stat(t.map((x) => x.splitVotes)),
        total: sum((x) => x.splitVotes),
        trialsWithSplit: t.filter((x) => x.splitVotes > 0).length,
      },
      committed: { trialsWithCommit: t.filter((x) => x.committed.length > 0).length, values: stat(t.map((x) => x.committed.length)) },
      staleLeaders: { total: sum((x) => x.staleLeaders), ms: stat(t.map((x) => x.staleMs)) },
      safetyViolations: sum((x) => x.violations.length),
      /** Leader crash to the next leader, over the trials where the leader was crashed and someone led again. */
      downtimeMs: downtimeSummary(t),
      messages: {
        sent: sum((x) => x.messages.sent),
        delivered: sum((x) => x.messages.delivered),
        duplicated: sum((x) => x.messages.duplicated),
        dropped: {
          crashed: sum((x) => x.messages.dropped.crashed),
          partition: sum((x) => x.messages.dropped.partition),
          loss: sum((x) => x.messages.dropped.loss),
        },
      },
    };
  },
};
