import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
import { SessionCore } from '../session/core';
import { makeHeader } from '../session/header';
import { drillScript, orderedSteps, PRESET_SCRIPTS } from './script';

describe('drill scripts', () => {
  it.each(PRESET_SCRIPTS.map((s) => [s.name, s] as const))(
    'the preset "%s" is valid, and every game it starts exists with that config',
    (_name, script) => {
      expect(drillScript.safeParse(script).success).toBe(true);
      for (const step of script.steps) {
        if (step.do !== 'start') continue;
        const engine = GAMES.get(step.game)?.engine;
        expect(engine, `game ${step.game}`).toBeDefined();
        expect(engine!.config.safeParse(step.config ?? {}).success).toBe(true);
      }
    },
  );

  it('orders steps by time, keeping the written order for steps at the same second', () => {
    const steps = orderedSteps({
      name: 'x',
      steps: [
        { at: 5, do: 'stop' },
        { at: 0, do: 'drill', name: 'halves' },
        { at: 5, do: 'restart' },
      ],
    });
    expect(steps.map((s) => s.do)).toEqual(['drill', 'stop', 'restart']);
  });
});

describe('the pre-vote preset', () => {
  it('[E19] shows the difference: the cut-off follower unseats the leader without pre-vote, not with it', () => {
    const preset = PRESET_SCRIPTS.find((s) => s.name.startsWith('Disruptive return'))!;
    const core = SessionCore.create(makeHeader({ seed: 5 }), GAMES, () => {});
    core.addBots(0, 5);
    expect(core.startScript(0, preset)).toEqual({ ok: true, data: null });
    for (let at = core.nextWakeAt(); at !== null && at <= 240_000; at = core.nextWakeAt()) core.advance(at);
    core.endRound(240_000);
    const [without, withPreVote] = core.state.rounds.map((r) => r.result as { leadersPerTerm: { term: number }[]; terms: number });
    expect(without!.leadersPerTerm.length).toBeGreaterThan(1);
    expect(without!.terms).toBeGreaterThan(without!.leadersPerTerm[0]!.term + 2);
    expect(withPreVote!.leadersPerTerm).toHaveLength(1);
    expect(withPreVote!.terms).toBe(withPreVote!.leadersPerTerm[0]!.term);
  });
});
