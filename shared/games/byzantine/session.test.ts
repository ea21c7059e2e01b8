// A round played through the session core on virtual time by people and bots together; the
// fold of its recording must equal the live state ([B7], replay equals live).

import { describe, expect, it } from 'vitest';
import { Room } from '../../../test/support/byzantine';

function classroom(seed: number) {
  // n1…n4 are people, n5…n7 bots; loss, jitter and duplicates on the network.
  const r = new Room({
    humans: 4,
    bots: 3,
    seed,
    faults: [
      { op: 'latency', base: 30, jitter: 400 },
      { op: 'loss', rate: 0.05 },
      { op: 'dup', rate: 0.2 },
    ],
  });
  r.core.setAutopilot(0, 'n4', true);
  r.start({ commander: 'n1', traitorIds: ['n2', 'n6'], order: 'attack', phaseMs: 20_000, botDelayMs: 1_500 });
  r.run(2_000);
  r.act('n1', { type: 'order', value: 'attack' });
  r.run(3_000);
  // The human traitor lies to some and leaves the rest to its strategy at the timer.
  if (r.view('n2').pending.length) r.act('n2', { type: 'send', values: { n3: 'retreat', n5: 'attack' } });
  // n3 waits for its decision button, then goes against its phone's suggestion.
  while (r.running && !r.view('n3').canDecide && r.now < 200_000) r.run(1_000);
  r.run(4_000);
  if (r.running && r.view('n3').canDecide)
    r.act('n3', { type: 'decide', value: r.view('n3').suggested === 'attack' ? 'retreat' : 'attack' });
  r.run(120_000);
  return r;
}

describe('byzantine: a session', () => {
  it('[B7] people and bots play a round to its end, and the fold of the recording equals the live state', () => {
    const r = classroom(11);
    expect(r.running).toBe(false);
    const res = r.result();
    expect(res.complete).toBe(true);
    expect(res.traitors).toEqual(['n2', 'n6']);
    expect(res.lieutenants.n3).toMatchObject({ decidedBy: 'node', againstMajority: true });
    expect(res.lieutenants.n5!.decidedBy).toBe('node');
    expect(res.lieutenants.n4!.decidedBy).toBe('node');
    expect(res.lieutenants.n7!.decidedBy).toBe('node');
    expect(Object.keys(res.decisions).sort()).toEqual(['n3', 'n4', 'n5', 'n7']);
    expect(r.events.some((e) => e.type === 'mark' && e.notice?.code === 'byzantine.verdict')).toBe(true);
    expect(r.folded()).toEqual(r.core.state);
  });

  it('[B7] the same seed and inputs give the same recording', () => {
    expect(classroom(4).events).toEqual(classroom(4).events);
    expect(classroom(4).events).not.toEqual(classroom(5).events);
  });

  it('[B7] a round stopped early still gives a result, marked incomplete', () => {
    const r = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds: ['n3'] });
    r.act('n1', { type: 'order', value: 'retreat' });
    r.run(100);
    r.core.endRound(r.now, 'stopped by the instructor');
    expect(r.result()).toMatchObject({ complete: false, order: 'retreat', decisions: {}, ic1: true, ic2: true });
    expect(r.folded()).toEqual(r.core.state);
  });
});
