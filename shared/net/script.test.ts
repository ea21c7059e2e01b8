import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
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
