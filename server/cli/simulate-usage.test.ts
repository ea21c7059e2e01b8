import { describe, expect, it } from 'vitest';
import type { SimFlags } from '../../shared/sim/plugin';
import { GAMES } from '../app';
import { faultsFromFlags } from '../../shared/sim/flags';
import { FAULT_FLAGS, GAME_FLAGS, simulateUsage, unknownFlags } from './simulate-usage';

/** Flags that records every key read from it (all unset, so every default is taken). */
function recordingFlags(): { flags: SimFlags; read: Set<string> } {
  const read = new Set<string>();
  const flags = new Proxy({} as SimFlags, {
    get: (_t, key) => {
      if (typeof key === 'string') read.add(key);
      return undefined;
    },
  });
  return { flags, read };
}

describe('simulate --help lists exactly the flags the simulator reads', () => {
  for (const { engine, sim } of GAMES.values()) {
    if (!sim) continue;
    it(`--game ${engine.id}: the usage names every flag its plug-in reads, and no other`, () => {
      const { flags, read } = recordingFlags();
      const config = sim.config(flags, Math.max(5, engine.minNodes));
      sim.maxTimeMs(engine.config.parse(config), flags, { lastStepAt: 0 });
      expect(new Set((GAME_FLAGS[engine.id] ?? []).map((f) => f.name))).toEqual(read);
    });
  }

  it('every game that can be simulated has a section, and the network flags are all listed', () => {
    expect(Object.keys(GAME_FLAGS).sort()).toEqual(
      [...GAMES.values()]
        .filter((g) => g.sim)
        .map((g) => g.engine.id)
        .sort(),
    );
    const { flags, read } = recordingFlags();
    faultsFromFlags(flags);
    for (const name of read) expect(FAULT_FLAGS.map((f) => f.name)).toContain(name);
    for (const name of Object.keys(GAME_FLAGS)) expect(simulateUsage()).toContain(`--game ${name}:`);
  });

  it('a flag of another game, or a typo, is unknown; --key=value is read by its key', () => {
    expect(unknownFlags(['--game', 'election', '--nodes', '5', '--timeout=150-300', '--json'])).toEqual([]);
    expect(unknownFlags(['--game', 'election', '--node', '5'])).toEqual(['node']);
    expect(unknownFlags(['--game=election', '--fanout', '2'])).toEqual(['fanout']);
    expect(unknownFlags(['--game', 'gossip', '--fanout', '2', '--loss', '0.1'])).toEqual([]);
    // Without a known game, any game's flag passes here; the game's own check reports the rest.
    expect(unknownFlags(['--fanout', '2', '--bogus'])).toEqual(['bogus']);
  });
});
