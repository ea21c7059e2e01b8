// The fast path plays the same trials as the session core: same seeds, same results, same
// message counts, for every game the simulator runs, with loss, duplicates, jitter, cuts,
// crashes, restarts and drills on the schedule. SIM_SEED picks other seeds.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
import { runFastTrial } from './fastTrial';
import { runTrial } from './runner';
import { simulate } from './simulate';

const SEED = Number(process.env.SIM_SEED ?? 3);

const cases: Record<string, string[][]> = {
  gossip: [
    ['--nodes', '40', '--fanout', '2', '--trials', '6'],
    [
      '--nodes',
      '30',
      '--mode',
      'push-pull',
      '--trials',
      '4',
      '--loss',
      '0.2',
      '--dup',
      '0.1',
      '--latency',
      '0-30',
      '--partition',
      '15,15@1500',
      '--heal',
      '@4000',
    ],
    ['--nodes', '25', '--mode', 'pull', '--trials', '4', '--crash', '3@1200', '--restart', '@3500', '--latency', '5-40'],
    ['--nodes', '20', '--mode', 'highest-card', '--trials', '3', '--loss', '0.1'],
    // Many bots due at the same moments, and some between them (the queue's buckets).
    ['--nodes', '300', '--fanout', '3', '--trials', '2', '--bot-jitter', '7', '--latency', '0-3'],
    // Big rooms (buckets, seat rules, the O(1) reach check) with each fanout, loss, cuts and crashes.
    ['--nodes', '2000', '--fanout', '1', '--trials', '2'],
    ['--nodes', '1500', '--fanout', '2', '--trials', '2', '--loss', '0.3'],
    ['--nodes', '1000', '--fanout', '4', '--trials', '2', '--dup', '0.2', '--latency', '0-20'],
    ['--nodes', '800', '--fanout', '5', '--mode', 'push-pull', '--trials', '2', '--partition', '400,400@1500', '--heal', '@5000'],
    ['--nodes', '600', '--fanout', '3', '--mode', 'pull', '--trials', '2', '--crash', '100@1200', '--restart', '@4000'],
    ['--nodes', '500', '--fanout', '2', '--trials', '2', '--loss', '0.1', '--drill-at', 'halves@2000', '--bot-jitter', '30'],
    ['--nodes', '400', '--mode', 'highest-card', '--trials', '2', '--fanout', '2'],
  ],
  election: [
    ['--nodes', '5', '--trials', '12'],
    // Moments run in one call up to the next step (nothing watches between them), at both paces.
    ['--nodes', '5', '--trials', '4', '--pace', 'class', '--duration', '20000'],
    // Class pace (bots that think for seconds, no processing time) with loss, crashes and cuts.
    [
      '--nodes',
      '5',
      '--trials',
      '4',
      '--pace',
      'class',
      '--loss',
      '0.15',
      '--latency',
      '50-400',
      '--crash',
      '2@20000',
      '--restart',
      '@45000',
      '--partition',
      '3,2@60000',
      '--heal',
      '@80000',
      '--duration',
      '100000',
    ],
    [
      '--nodes',
      '7',
      '--trials',
      '3',
      '--pace',
      'class',
      '--pre-vote',
      '--check-quorum',
      '--dup',
      '0.1',
      '--loss',
      '0.05',
      '--crash',
      'leader@30000',
      '--restart',
      '@50000',
      '--drill-at',
      'isolate-leader@70000',
      '--duration',
      '90000',
    ],
    ['--nodes', '5', '--trials', '4', '--pace', 'class', '--loss', '0.1', '--crash', 'leader@25000', '--until-new-leader'],
    // Fast pace with processing time, pre-vote and CheckQuorum under loss, duplicates and a cut.
    [
      '--nodes',
      '5',
      '--trials',
      '6',
      '--processing',
      '0-5',
      '--pre-vote',
      '--check-quorum',
      '--loss',
      '0.1',
      '--dup',
      '0.1',
      '--partition',
      '2,3@2000',
      '--heal',
      '@5000',
    ],
    ['--nodes', '9', '--trials', '4', '--loss', '0.2', '--latency', '0-15', '--crash', '2@3000'],
    ['--nodes', '5', '--trials', '8', '--crash', 'leader@1000', '--until-new-leader'],
    [
      '--nodes',
      '7',
      '--trials',
      '6',
      '--loss',
      '0.1',
      '--dup',
      '0.05',
      '--latency',
      '5-20',
      '--crash',
      'leader@1500',
      '--restart',
      '@3000',
    ],
    [
      '--nodes',
      '5',
      '--trials',
      '6',
      '--partition',
      '3,2@800',
      '--heal',
      '@2500',
      '--drill-at',
      'isolate-leader@4000',
      '--duration',
      '6000',
    ],
  ],
  byzantine: [
    ['--nodes', '7', '--trials', '6'],
    ['--nodes', '10', '--trials', '4', '--loss', '0.05', '--latency', '0-20', '--dup', '0.1'],
  ],
  cart: [
    [
      '--nodes',
      '5',
      '--trials',
      '4',
      '--mode',
      'lww',
      '--partition',
      '2,3@2000',
      '--heal',
      '@8000',
      '--shop-until',
      '8000',
      '--latency',
      '20-80',
    ],
    ['--nodes', '5', '--trials', '3', '--mode', 'crdt', '--loss', '0.1', '--dup', '0.1', '--crash', '1@3000', '--restart', '@6000'],
    ['--nodes', '5', '--trials', '3', '--mode', 'quorum', '--partition', '1,4@1500', '--heal', '@5000'],
  ],
  sandbox: [['--nodes', '8', '--trials', '3', '--loss', '0.1', '--dup', '0.2', '--latency', '10-60', '--drill-at', 'halves@500']],
};

describe('the fast path', () => {
  it('covers every game the simulator can run', () => {
    expect(Object.keys(cases).sort()).toEqual(
      [...GAMES.values()]
        .filter((g) => g.sim)
        .map((g) => g.engine.id)
        .sort(),
    );
  });

  for (const [game, lines] of Object.entries(cases)) {
    it(`${game}: every trial's result and message counts are the live path's (seed ${SEED})`, () => {
      for (const line of lines) {
        const argv = ['--game', game, '--seed', String(SEED), ...line];
        const live = simulate(argv, GAMES, [], { path: 'live' });
        const fast = simulate(argv, GAMES, [], { path: 'fast' });
        expect(fast.trials, argv.join(' ')).toEqual(live.trials);
        expect(fast.summary, argv.join(' ')).toEqual(live.summary);
      }
    });
  }

  // The seat rules keep some counts aside and write them back (settle): what the round leaves
  // behind must be the live path's state, field for field, not only what the results read.
  for (const game of ['gossip', 'election']) {
    it(`${game}: each round ends in the live path's engine state (seed ${SEED})`, () => {
      for (const line of cases[game] ?? []) {
        const argv = ['--game', game, '--seed', String(SEED), ...line];
        const specs = simulate(argv, GAMES, [], { specs: true }).specs ?? [];
        expect(specs.length).toBeGreaterThan(0);
        for (const spec of specs.slice(0, 2)) {
          const live = runTrial(spec, GAMES).state.lastRound?.engineState;
          const fast = runFastTrial(spec, GAMES).engineState;
          expect(live, argv.join(' ')).toBeDefined();
          expect(fast, argv.join(' ')).toEqual(live);
        }
      }
    });
  }
});
