// [G16] Theory for every mode, checked against the papers' own conditions on simulated runs:
// pull's end phase is quadratic (Karp, Schindelhauer, Shenker & Vöcking 2000: a node that asks
// one other stays uninformed with probability u, so u becomes u²), and loss p turns push's
// fanout k into k(1 − p). The summary's `theory` names the formula of the mode that ran.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../../test/support/games';
import { simulate } from '../../sim/simulate';
import { FORMULAS, gossipTheory, modeCurve, modeRounds, pushRounds } from './theory';

const sim = (args: string) => simulate(['--game', 'gossip', ...args.split(' ')], GAMES);
const meanRounds = (args: string) => (sim(args).summary as { rounds: { mean: number } }).rounds.mean;

describe('gossip: theory for the mode that ran', () => {
  it('[G16] the summary shows the formula, its source and its rounds for push, pull and push-pull', () => {
    for (const mode of ['push', 'pull', 'push-pull'] as const) {
      const out = sim(`--nodes 64 --fanout 2 --mode ${mode} --trials 2 --seed 1`);
      expect(out.summary.theory).toMatchObject({ mode, formula: FORMULAS[mode], fanout: 2, lossAdjusted: false });
      expect((out.summary.theory as { rounds: number }).rounds).toBeCloseTo(modeRounds(mode, 64, 2), 2);
    }
    // The formulas, evaluated by hand: N = 81, k = 2.
    expect(modeRounds('push', 81, 2)).toBeCloseTo(4 + Math.log(81) / 2, 9);
    expect(modeRounds('pull', 81, 2)).toBeCloseTo(4 + Math.log(Math.log2(81)) / Math.log(3), 9);
    expect(modeRounds('push-pull', 125, 2)).toBeCloseTo(3 + Math.log(Math.log2(125)) / Math.log(3), 9);
  });

  it('[G16] under loss p, push theory uses the fanout k(1 − p)', () => {
    expect(gossipTheory('push', 256, 2, 0.5)).toMatchObject({ fanout: 1, lossAdjusted: true, rounds: pushRounds(256, 1) });
    expect(gossipTheory('pull', 256, 2, 0.5)).toMatchObject({ fanout: 2, lossAdjusted: false });
    const out = sim('--nodes 64 --fanout 2 --loss 0.25 --trials 2 --seed 1');
    expect(out.summary.theory).toMatchObject({ fanout: 1.5, lossAdjusted: true });
  });

  it('[G16] pull: once half know, the uninformed share squares each round (the quadratic end phase)', () => {
    const n = 500;
    const out = sim(`--nodes ${n} --fanout 1 --mode pull --trials 12 --seed 3`);
    let before = 0;
    let after = 0;
    for (const t of out.trials) {
      const c = t.informedPerRound as number[];
      for (let i = 0; i + 1 < c.length; i++) {
        const u = 1 - c[i]! / n;
        if (u > 0.5 || u < 0.05) continue;
        before += u * u;
        after += 1 - c[i + 1]! / n;
      }
    }
    expect(before).toBeGreaterThan(0.5);
    expect(after / before).toBeGreaterThan(0.85);
    expect(after / before).toBeLessThan(1.2);
  });

  it('[G16] loss as an effective fanout: push with k = 2 and 50% loss takes as long as k = 1 without loss', () => {
    const lossy = meanRounds('--nodes 128 --fanout 2 --loss 0.5 --trials 40 --seed 5');
    const one = meanRounds('--nodes 128 --fanout 1 --trials 40 --seed 6');
    const two = meanRounds('--nodes 128 --fanout 2 --trials 40 --seed 7');
    expect(Math.abs(lossy - one)).toBeLessThan(1);
    expect(two).toBeLessThan(lossy - 2);
  });

  it('[G16] the mean-field curves: push-pull reaches everyone first, and every curve ends at N', () => {
    const len = (mode: 'push' | 'pull' | 'push-pull') => modeCurve(mode, 1000, 1, 200).length;
    expect(len('push-pull')).toBeLessThan(len('pull'));
    expect(len('pull')).toBeLessThan(len('push'));
    for (const mode of ['push', 'pull', 'push-pull'] as const) expect(modeCurve(mode, 1000, 1, 200).at(-1)!).toBeGreaterThan(999.4);
  });
});
