import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import { GAMES } from '../../../test/support/games';

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
    expect(out.summary).toMatchObject({ trials: 20, ic1: 1, ic2: 1, bound: { rule: 'N ≥ 3f+1', omHolds: true, brokenPromises: 0 } });
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
    expect(() => sim('--nodes 4 --traitors 3')).toThrow(/at most 2 traitors/);
    expect(() => sim('--nodes 4 --traitors 0 --commander-traitor')).toThrow(/--traitors 1 or more/);
    expect(() => sim('--nodes 4 --commander-traitor 2')).toThrow(/chance between 0 and 1/);
    expect(() => sim('--nodes 4 --m 4')).toThrow(/--m must be/);
  });

  it('[B12] the same seed gives the same trials', () => {
    const a = sim('--nodes 5 --traitors 1 --strategy random --commander-traitor 0.5 --trials 10 --seed 9');
    expect(sim('--nodes 5 --traitors 1 --strategy random --commander-traitor 0.5 --trials 10 --seed 9')).toEqual(a);
    expect(sim('--nodes 5 --traitors 1 --strategy random --commander-traitor 0.5 --trials 10 --seed 10')).not.toEqual(a);
  });
});
