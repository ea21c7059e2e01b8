import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import { GAMES } from '../../../test/support/games';
import type { ByzantineTrial } from './sim';

const sim = (args: string) => simulate(['--game', 'byzantine', ...args.split(' ')], GAMES);

describe('byzantine: simulator', () => {
  it('[B9] prints the trials and the rates of IC1 and IC2, as the issue asks', () => {
    const out = sim('--nodes 4 --traitors 1 --m 1 --strategy split --trials 20 --seed 1');
    expect(out.game).toBe('byzantine');
    expect(out.trials).toHaveLength(20);
    for (const t of out.trials) {
      expect(t).toMatchObject({ commanderLoyal: true, ic1: true, ic2: true });
      expect(t.traitors).toHaveLength(1);
      expect(Object.keys(t.decisions as object)).toHaveLength(2);
    }
    expect(out.summary).toMatchObject({
      trials: 20,
      ic1: 1,
      ic2: 1,
      bound: { rule: 'N > 2f + m, f ≤ m', cases: [{ f: 1, guaranteed: true, threeF: true }], guaranteedTrials: 20, brokenPromises: 0 },
    });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('[B9] --commander-traitor makes IC2 null; --signed plays SM(m)', () => {
    const ct = sim('--nodes 4 --traitors 1 --commander-traitor --trials 5 --seed 2');
    for (const t of ct.trials) expect(t).toMatchObject({ commanderLoyal: false, ic2: null });
    expect(ct.summary).toMatchObject({ ic2: null, ic2Trials: 0, commanderTraitorTrials: 5 });
    const sm = sim('--nodes 3 --traitors 1 --signed --strategy flip --trials 10 --seed 2');
    expect(sm.summary).toMatchObject({ signed: true, ic1: 1, ic2: 1 });
  });

  it('[B6] fault flags apply: lost messages count as Retreat and may break agreement', () => {
    const out = sim('--nodes 4 --traitors 1 --trials 30 --seed 3 --loss 0.3');
    expect(out.trials.some((t) => (t.messages as { lost: number }).lost > 0)).toBe(true);
    expect(out.summary.ic1 as number).toBeLessThan(1);
  });

  it('[B13] refuses settings it cannot play, with a readable reason', () => {
    expect(() => sim('--nodes 20 --m 3')).toThrow(/limit is 20000/);
    expect(() => sim('--nodes 4 --strategy lie')).toThrow(/--strategy must be one of/);
    expect(() => sim('--nodes 4 --traitors 0 --commander-traitor')).toThrow(/--traitors 1 or more/);
    expect(() => sim('--nodes 4 --commander-traitor 2')).toThrow(/chance between 0 and 1/);
    expect(() => sim('--nodes 4 --m 4')).toThrow(/--m must be/);
  });

  it('[B1] more traitors than leave a loyal lieutenant are capped, with a note (as the rules say)', () => {
    const out = sim('--nodes 4 --traitors 3 --trials 2 --seed 1');
    for (const t of out.trials as ByzantineTrial[]) {
      expect(t.f).toBe(2);
      expect(t.notes).toContainEqual({ code: 'byzantine.note.traitors_capped', params: { asked: 3, generals: 4, max: 2 } });
    }
    const three = sim('--nodes 3 --traitors 2 --trials 1 --seed 1').trials[0] as ByzantineTrial;
    expect(three.f).toBe(1);
  });

  it("[B9] the issue's counter-example: OM(2), N = 4, one traitor is outside Lemma 1, so its failures break no promise", () => {
    const out = sim('--nodes 4 --traitors 1 --m 2 --strategy flip --trials 20 --seed 1');
    expect(out.summary.ic2 as number).toBeLessThan(1);
    expect(out.summary).toMatchObject({ bound: { rule: 'N > 2f + m, f ≤ m', guaranteedTrials: 0, brokenPromises: 0 } });
  });

  it('[B10] OM(m) sends (N−1)(N−2)…(N−k) messages at level k, as LSP count them', () => {
    for (const [n, m] of [
      [4, 1],
      [5, 2],
      [7, 3],
    ] as const) {
      const out = sim(`--nodes ${n} --traitors 1 --m ${m} --strategy random --commander-traitor 0.5 --trials 3 --seed 4`);
      const expected: number[] = [];
      let p = 1;
      for (let k = 1; k <= m + 1; k++) {
        p *= n - k;
        expected.push(p);
      }
      for (const t of out.trials as ByzantineTrial[]) expect(t.messages.byLevel).toEqual(expected);
      expect(out.summary.messagesPerLevel).toEqual(expected);
    }
  });

  it('[B12] collude: SM(m) with m + 1 traitors, the commander among them, breaks IC1; with m traitors it holds', () => {
    for (const m of [1, 2, 3]) {
      const beyond = sim(`--nodes 7 --traitors ${m + 1} --m ${m} --signed --commander-traitor --strategy collude --trials 3 --seed 5`);
      expect(beyond.summary).toMatchObject({ ic1: 0, bound: { guaranteedTrials: 0, brokenPromises: 0 } });
      const within = sim(`--nodes 7 --traitors ${m} --m ${m} --signed --commander-traitor --strategy collude --trials 3 --seed 5`);
      expect(within.summary).toMatchObject({ ic1: 1, bound: { guaranteedTrials: 3, brokenPromises: 0 } });
    }
  });

  it('[B12] the same seed gives the same trials', () => {
    const a = sim('--nodes 5 --traitors 1 --strategy random --commander-traitor 0.5 --trials 10 --seed 9');
    expect(sim('--nodes 5 --traitors 1 --strategy random --commander-traitor 0.5 --trials 10 --seed 9')).toEqual(a);
    expect(sim('--nodes 5 --traitors 1 --strategy random --commander-traitor 0.5 --trials 10 --seed 10')).not.toEqual(a);
  });
});
