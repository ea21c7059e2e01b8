// How well bots-only push gossip follows the theory [G16], and the simulator's output [G17].

import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import { mean } from '../../sim/stats';
import { gossipConfig } from './config';
import { simulatedCurves } from '../../sim/gossipCurves';
import { runLockstep } from '../../../test/support/gossipLockstep';
import { PUSH_FORMULA, pushCurve, pushRounds } from './theory';
import { GAMES } from '../../../test/support/games';

const TRIALS = 200;
const LOW = 0.25;
const HIGH = 1.75;
const config = (fanout: number) => gossipConfig.parse({ fanout, roundMs: 1000, botDelayMs: 10, botJitterMs: 0 });

/** A formula as printed ("log_{k+1}(N) + ln(N)/k"), read back as arithmetic for one N and k. */
function evaluateFormula(formula: string, n: number, k: number): number {
  const js = formula
    .replace(/log_\{([^}]+)\}\(([^)]+)\)/g, '(Math.log($2) / Math.log($1))')
    .replace(/\bln\(([^)]+)\)/g, 'Math.log($1)')
    .replace(/\bN\b/g, `(${n})`)
    .replace(/\bk\b/g, `(${k})`);
  // Only numbers, Math.log and arithmetic may be left once the words are replaced.
  expect(js.replace(/Math\.log/g, '')).toMatch(/^[\d\s.+\-*/()]+$/);
  return Number(new Function(`return ${js};`)());
}

describe('gossip theory', () => {
  it('[G16] the push formula is log_{k+1}(N) + ln(N)/k', () => {
    // The words the console and the simulator print are the sum pushRounds computes.
    for (const n of [2, 10, 81, 300, 1024, 100_000]) {
      for (const k of [1, 2, 3, 5]) expect(evaluateFormula(PUSH_FORMULA, n, k), `N=${n} k=${k}`).toBeCloseTo(pushRounds(n, k), 9);
    }
    expect(pushRounds(1024, 1)).toBeCloseTo(10 + Math.log(1024), 9);
    expect(pushRounds(81, 2)).toBeCloseTo(4 + Math.log(81) / 2, 9);
    expect(pushRounds(1, 2)).toBe(0);
  });

  it('[G16] the mean-field curve starts at one node, only grows, and reaches N', () => {
    const c = pushCurve(1000, 2, 100);
    expect(c[0]).toBe(1);
    expect(c[1]).toBeCloseTo(3, 1);
    for (let i = 1; i < c.length; i++) expect(c[i]!).toBeGreaterThan(c[i - 1]!);
    expect(1000 - c.at(-1)!).toBeLessThanOrEqual(0.5);
    expect(c.length - 1).toBeGreaterThan(pushRounds(1000, 2) - 2);
    expect(c.length - 1).toBeLessThan(pushRounds(1000, 2) + 3);
  });

  it.each([64, 256, 1024])(
    `[G16] bots-only push, N=%i: over ${TRIALS} seeded trials the mean rounds is between the formula + ${LOW} and + ${HIGH}, for k = 1, 2, 3`,
    (n) => {
      for (const k of [1, 2, 3]) {
        const rounds: number[] = [];
        for (let i = 0; i < TRIALS; i++) {
          const r = runLockstep(config(k), n, 10_000 * n + 100 * k + i);
          expect(r.rounds, `trial ${i} did not inform everyone`).not.toBeNull();
          rounds.push(r.rounds!);
        }
        const m = mean(rounds)!;
        const theory = pushRounds(n, k);
        expect(m - theory, `N=${n} k=${k}: mean ${m.toFixed(2)}, formula ${theory.toFixed(2)}`).toBeGreaterThan(LOW);
        expect(m - theory, `N=${n} k=${k}: mean ${m.toFixed(2)}, formula ${theory.toFixed(2)}`).toBeLessThan(HIGH);
      }
    },
    30_000,
  );

  it('[G16] the lock-step driver agrees with the simulator on the same settings', () => {
    const out = simulate(['--game', 'gossip', '--nodes', '64', '--fanout', '2', '--trials', '150', '--seed', '3'], GAMES);
    const viaRunner = (out.summary as { rounds: { mean: number } }).rounds.mean;
    const lock = mean(Array.from({ length: 150 }, (_, i) => runLockstep(config(2), 64, 77 + i).rounds!))!;
    expect(Math.abs(viaRunner - lock)).toBeLessThan(0.35);
  });
});

describe('gossip simulator', () => {
  it('[G17] prints {game, trials, summary} with rounds, the infection curve, messages, redundant and drops', () => {
    const out = simulate(
      ['--game', 'gossip', '--nodes', '100', '--fanout', '2', '--mode', 'push', '--trials', '5', '--seed', '1', '--loss', '0.1'],
      GAMES,
    );
    expect(out.game).toBe('gossip');
    expect(out.trials).toHaveLength(5);
    for (const t of out.trials) {
      expect(t).toMatchObject({ rounds: expect.any(Number), messages: expect.any(Number), redundant: expect.any(Number), nodes: 100 });
      expect(t.informedPerRound).toEqual(expect.arrayContaining([1, 100]));
      expect(t.dropped).toMatchObject({ crashed: 0, partition: 0, loss: expect.any(Number) });
    }
    expect(out.summary).toMatchObject({
      nodes: 100,
      mode: 'push',
      fanout: 2,
      trials: 5,
      rounds: { mean: expect.any(Number), median: expect.any(Number), p95: expect.any(Number) },
      // Loss 0.1: the fanout that counts is 2 × 0.9 ([G16]).
      theory: { rounds: Math.round(pushRounds(100, 1.8) * 1000) / 1000, formula: PUSH_FORMULA, fanout: 1.8, lossAdjusted: true },
    });
    expect(simulate(['--game', 'gossip', '--nodes', '100', '--trials', '5', '--seed', '1', '--loss', '0.1'], GAMES)).toEqual(out);
  });

  it('[G17] rounds is null ("never") when a partition is never healed, and --max-rounds stops a game', () => {
    const cut = simulate(['--game', 'gossip', '--nodes', '10', '--trials', '2', '--partition', '5,5@0'], GAMES);
    expect(cut.trials.map((t) => t.rounds)).toEqual([null, null]);
    expect(cut.summary).toMatchObject({ never: 2, rounds: { mean: null } });
    expect((cut.trials[0]!.never as Record<string, number>).partition).toBe(5);
    const short = simulate(['--game', 'gossip', '--nodes', '500', '--fanout', '1', '--trials', '1', '--max-rounds', '3'], GAMES);
    expect(short.trials[0]).toMatchObject({ rounds: null, outcome: 'max-rounds', gossipRounds: 3 });
  });

  it('[G17] refuses a bad mode or fanout with a readable message', () => {
    expect(() => simulate(['--game', 'gossip', '--mode', 'shout'], GAMES)).toThrow(
      /--mode must be one of: push, pull, push-pull, highest-card/,
    );
    expect(() => simulate(['--game', 'gossip', '--fanout', '0'], GAMES)).toThrow(/--fanout must be a whole number from 1 to 16/);
  });

  it("[G16] simulated curves for the console, N = 300: from one node to all, in a little more than the formula's rounds", () => {
    const c = simulatedCurves({ nodes: 300, fanout: 2, trials: 24, seed: 4 });
    expect(c.trials).toHaveLength(24);
    expect(c.mean[0]).toBe(1);
    expect(c.mean.at(-1)).toBe(300);
    expect(c.meanRounds!).toBeGreaterThan(pushRounds(300, 2));
    expect(c.meanRounds!).toBeLessThan(pushRounds(300, 2) + 2);
  });
});
