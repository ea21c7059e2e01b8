// Leader crashes and downtime, as Raft's Figure 16 measures them (Ongaro & Ousterhout 2014,
// section 9.3): the simulator's `--crash leader@MS` crashes the node that leads at MS (or the
// next one to lead), at a moment spread over one heartbeat interval, and each trial reports the
// time until a node leads again. The checks read the recording (who was marked leader, when the
// crash was applied), not the figures the simulator prints. Processing time is rule [E18].

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../../test/support/games';
import { defaultFaults } from '../../net/faults';
import type { SessionEvent } from '../../protocol/recordingFormat';
import { deriveSeed } from '../../rng';
import { runTrial } from '../../sim/runner';
import { simulate } from '../../sim/simulate';
import { electionConfig } from './config';

interface Seen {
  leaders: { at: number; node: string }[];
  crashes: { at: number; nodes: string[] }[];
}

function trial(
  seed: number,
  crashAt: number,
  opts: { windowMs?: number; config?: Record<string, unknown>; untilNewLeader?: boolean } = {},
) {
  const seen: Seen = { leaders: [], crashes: [] };
  const record = (e: SessionEvent) => {
    if (e.type === 'mark' && (e.data as { event?: string } | undefined)?.event === 'leader' && e.node)
      seen.leaders.push({ at: e.t, node: e.node });
    if (e.type === 'fault:changed' && e.op.op === 'crash') seen.crashes.push({ at: e.t, nodes: e.op.nodes });
  };
  const outcome = runTrial(
    {
      game: 'election',
      nodes: 5,
      seed,
      config: electionConfig.parse({ pace: 'fast', heartbeatMs: [75, 75], timeoutMs: [150, 300], botDelayMs: [0, 0], ...opts.config }),
      faults: defaultFaults({ base: 3, jitter: 1 }),
      schedule: [{ at: crashAt, action: { do: 'crash', who: 'leader' } }],
      maxTimeMs: 5_000,
      crashWindowMs: opts.windowMs ?? 75,
      untilNewLeader: opts.untilNewLeader ?? true,
    },
    GAMES,
    record,
  );
  return { outcome, seen };
}

/** Who leads at `t` by the recording: the latest leader mark at or before t whose node is not crashed by then. */
function leaderAt(seen: Seen, t: number): string | null {
  const down = new Set(seen.crashes.filter((c) => c.at <= t).flatMap((c) => c.nodes));
  const marks = seen.leaders.filter((l) => l.at <= t && !down.has(l.node));
  return marks.at(-1)?.node ?? null;
}

describe('election: leader crashes and downtime (Figure 16)', () => {
  it('crashes the node that leads at MS, at a moment within one heartbeat interval after MS', () => {
    const offsets: number[] = [];
    for (let i = 0; i < 40; i++) {
      const { outcome, seen } = trial(deriveSeed(7, `t${i}`), 1_000);
      const crash = outcome.leaderCrash!;
      expect(seen.crashes).toEqual([{ at: crash.at, nodes: [crash.node] }]);
      expect(leaderAt(seen, 1_000)).toBe(crash.node);
      offsets.push(crash.at - 1_000);
    }
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(75);
    // Spread over the window, not bunched at its start (40 uniform draws).
    expect(Math.min(...offsets)).toBeLessThan(20);
    expect(Math.max(...offsets)).toBeGreaterThan(55);
  });

  it('with nobody leading at MS, crashes the next node to become leader, within a heartbeat of its election', () => {
    for (let i = 0; i < 10; i++) {
      const { outcome, seen } = trial(deriveSeed(8, `t${i}`), 0);
      const first = seen.leaders[0]!;
      expect(first.at).toBeGreaterThanOrEqual(150);
      expect(outcome.leaderCrash).toMatchObject({ node: first.node });
      expect(outcome.leaderCrash!.at - first.at).toBeGreaterThanOrEqual(0);
      expect(outcome.leaderCrash!.at - first.at).toBeLessThan(75);
    }
  });

  it('downtime is the time from the crash to the next leader mark; --until-new-leader ends the trial there', () => {
    for (let i = 0; i < 10; i++) {
      const { outcome, seen } = trial(deriveSeed(9, `t${i}`), 1_000, { untilNewLeader: true });
      const crash = outcome.leaderCrash!;
      const next = seen.leaders.find((l) => l.at >= crash.at)!;
      expect(next.node).not.toBe(crash.node);
      expect(outcome.newLeaderAt).toBe(next.at);
      expect(outcome.endedBy).toBe('new-leader');
      expect(outcome.endedAt).toBe(next.at);
      // At least the rest of a minimum election timeout, less the heartbeat the crash may follow.
      expect(next.at - crash.at).toBeGreaterThan(150 - 75);
    }
  });

  it('the trial JSON gives leaderCrashedAt and downtimeMs; the summary gives n, mean, median, p99, max', () => {
    const args =
      '--game election --nodes 5 --timeout 150-300 --heartbeat 75 --latency 3-4 --bot-delay 0 --crash leader@1000 --until-new-leader --trials 8 --seed 3';
    const out = simulate(args.split(' '), GAMES);
    for (const t of out.trials) {
      expect(t.leaderCrashedAt).toBeGreaterThanOrEqual(1_000);
      expect(t.leaderCrashedAt).toBeLessThan(1_075);
      expect(t.downtimeMs).toBeCloseTo((t.endedAt as number) - (t.leaderCrashedAt as number), 3);
    }
    const downs = out.trials.map((t) => t.downtimeMs as number).sort((a, b) => a - b);
    expect(out.summary.downtimeMs).toMatchObject({
      crashed: 8,
      n: 8,
      none: 0,
      max: downs.at(-1),
      median: downs[3],
      p99: downs.at(-1),
    });
    const none = simulate('--game election --nodes 5 --trials 2 --seed 3'.split(' '), GAMES);
    expect(none.trials[0]).toMatchObject({ leaderCrashedAt: null, downtimeMs: null });
  });

  it('[E18] 150–150 ms timeouts elect a leader within 30 s in most trials once processing time varies; never without it', () => {
    const run = (processing: string, trials: number) =>
      simulate(
        `--game election --nodes 5 --timeout 150-150 --heartbeat 75 --latency 3-4 --bot-delay 0 --processing ${processing} --duration 30000 --trials ${trials} --seed 1`.split(
          ' ',
        ),
        GAMES,
      ).trials.map((t) => t.firstLeaderMs);
    const varied = run('0-1', 12);
    expect(varied.filter((x) => x !== null).length).toBeGreaterThan(6);
    // Nothing varies: every node times out at the same instant, every term is a split vote.
    expect(run('0-0', 2)).toEqual([null, null]);
  });
});
