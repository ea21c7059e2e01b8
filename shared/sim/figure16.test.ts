// Each of Figure 16's curves runs from its one command and reports its figures. A quick run
// (a few trials): it checks that the experiment runs, not the figures; the 1,000-trial curves
// are `npm run bench -- figure16`, and docs/FIDELITY.md sets them beside the paper's.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
import { curveArgs, curveCommand, RANDOMNESS_CURVES, runCurve, SCALE_CURVES } from './figure16';

describe('Raft Figure 16: every curve runs and reports', () => {
  it.each([...RANDOMNESS_CURVES, ...SCALE_CURVES].map((c) => [c]))('%s ms', (curve) => {
    const trials = curve === '150-150' ? 2 : 4;
    const f = runCurve(curve, GAMES, { trials, seed: 1 });
    expect(f).toMatchObject({ curve, trials, crashed: trials });
    expect(f.elected).toBeGreaterThan(0);
    expect(f.medianMs).toBeGreaterThan(0);
    expect(f.maxMs).toBeGreaterThanOrEqual(f.medianMs!);
    const ms = f.cdf.map(([x]) => x);
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
  });

  it('one command per curve: the heartbeat is half the minimum timeout, the crash spread over it', () => {
    expect(curveCommand('150-200', { trials: 1000, seed: 1 })).toBe(
      'npm run simulate -- --game election --nodes 5 --timeout 150-200 --heartbeat 75 --latency 3-4 --processing 0-1 --bot-delay 0 --crash leader@1000 --until-new-leader --duration 61000 --trials 1000 --seed 1 --json',
    );
    expect(curveArgs('25-50', { trials: 1, seed: 1 })).toContain('12');
    expect(() => curveArgs('fast', { trials: 1, seed: 1 })).toThrow(/timeout range/);
  });
});
