// [B9] The guarantee as Lamport, Shostak and Pease (1982) prove it, checked over a table of
// rounds: N ∈ {3, 4, 5, 7, 10}, f ∈ {1, 2, 3}, m ∈ {1, 2, 3}, oral and signed messages,
// every traitor strategy, a loyal and a traitor commander. The paper's conditions are written
// out here, apart from bound.ts: OM(m) promises IC1 and IC2 when f ≤ m and N > 2f + m
// (Theorem 1, Lemma 1); SM(m) when f ≤ m (Theorem 2; with N ≥ m + 2 generals). Trials the
// conditions cover must agree; trials they do not cover must say "not guaranteed".

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../../test/support/games';
import { simulate } from '../../sim/simulate';
import { lspBound } from './bound';
import { STRATEGIES } from './config';
import type { ByzantineTrial } from './sim';

const paperPromises = (n: number, f: number, m: number, signed: boolean): boolean =>
  signed ? f <= m && n >= m + 2 : f <= m && n > 2 * f + m;

const SEED = Number(process.env.BYZANTINE_SEED ?? 1);

function cell(n: number, f: number, m: number, signed: boolean, strategy: string, commanderTraitor: boolean) {
  const args = [
    '--game',
    'byzantine',
    '--nodes',
    String(n),
    '--traitors',
    String(f),
    '--m',
    String(m),
    '--strategy',
    strategy,
    '--trials',
    '1',
    '--seed',
    String(SEED),
    '--phase',
    '500',
    ...(signed ? ['--signed'] : []),
    ...(commanderTraitor ? ['--commander-traitor'] : []),
  ];
  const out = simulate(args, GAMES);
  return { args: args.join(' '), trials: out.trials as ByzantineTrial[], summary: out.summary as { bound: { brokenPromises: number } } };
}

describe('byzantine: the bound as the paper proves it', () => {
  it('[B9] the rule, its source and its figures', () => {
    expect(lspBound(4, 1, 1, false)).toMatchObject({ rule: 'N > 2f + m, f ≤ m', guaranteed: true, threeF: true, minGenerals: 4 });
    // N ≥ 3f+1 holds, yet OM(2) with one traitor among 4 is not covered (Lemma 1 needs N > 4).
    expect(lspBound(4, 1, 2, false)).toMatchObject({ guaranteed: false, threeF: true, enoughGenerals: false });
    expect(lspBound(5, 1, 2, false)).toMatchObject({ guaranteed: true });
    expect(lspBound(7, 3, 2, false)).toMatchObject({ guaranteed: false, traitorsWithinM: false });
    expect(lspBound(3, 2, 2, true)).toMatchObject({ rule: 'N ≥ m + 2, f ≤ m', guaranteed: false, enoughGenerals: false });
    expect(lspBound(4, 2, 2, true)).toMatchObject({ guaranteed: true, threeF: false });
  });

  // One test per N, so that no single test holds a loaded machine for long.
  it.each([3, 4, 5, 7, 10].map((n) => [n]))(
    '[B9] [B1] N = %i, over f × m × OM/SM × strategy × commander: no broken promise, and every cell outside the theorem says so',
    (n) => {
      const problems: string[] = [];
      let covered = 0;
      let uncovered = 0;
      for (const f of [1, 2, 3])
        for (const m of [1, 2, 3])
          for (const signed of [false, true])
            for (const strategy of STRATEGIES)
              for (const commanderTraitor of [false, true]) {
                const { args, trials, summary } = cell(n, f, m, signed, strategy, commanderTraitor);
                if (summary.bound.brokenPromises !== 0) problems.push(`${args}: brokenPromises ${summary.bound.brokenPromises}`);
                for (const t of trials) {
                  // The round keeps one lieutenant loyal: f is capped at N − 2 lieutenants (+ the commander).
                  const expectedF = Math.min(f, n - 2 + (commanderTraitor ? 1 : 0));
                  if (t.f !== expectedF) problems.push(`${args}: f is ${t.f}, expected ${expectedF}`);
                  if (expectedF < f && !t.notes.some((x) => x.code === 'byzantine.note.traitors_capped'))
                    problems.push(`${args}: capped without a note`);
                  const promised = paperPromises(t.n, t.f, m, signed);
                  if (t.withinBound !== promised) problems.push(`${args}: withinBound ${t.withinBound}, the paper says ${promised}`);
                  if (promised) covered++;
                  else {
                    uncovered++;
                    if (t.guaranteed) problems.push(`${args}: reported guaranteed outside the theorem`);
                  }
                  if (promised && t.reliable && (!t.ic1 || t.ic2 === false))
                    problems.push(`${args}: the theorem covers it and IC1 ${t.ic1}, IC2 ${t.ic2} (seed ${t.seed})`);
                }
              }
      expect(problems).toEqual([]);
      // Every N has cells outside the theorem (f = 3 > m = 1, at least); from N = 4 on, some inside it.
      expect(uncovered).toBeGreaterThan(0);
      if (n >= 4) expect(covered).toBeGreaterThan(0);
    },
  );
});
