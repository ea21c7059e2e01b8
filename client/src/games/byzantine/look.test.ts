// The map's look and the results line, from real rounds played by bots on virtual time.

import { describe, expect, it } from 'vitest';
import { Room } from '../../../../test/support/byzantine';
import en from '../../i18n/messages/en';
import { createTranslator } from '../../i18n/translate';
import { decorate, FILLS, KIND_STYLES, summary } from './look';

function play(bots: number) {
  const room = new Room({ bots, seed: 7 }).start({
    commander: 'n1',
    traitorIds: ['n2'],
    order: 'attack',
    strategy: 'flip',
    phaseMs: 2_000,
    botDelayMs: 10,
  });
  // The console's view at its last moment live (the decisions are in, the round about to end).
  let live = room.console();
  while (room.running && room.now < 60_000) {
    live = room.console();
    room.run(5);
  }
  return { room, live };
}

/** The words as an English reader sees them. */
const t = createTranslator('en', en);

describe('byzantine: map and summary', () => {
  it('[B9] 3 generals with a flipping traitor: IC2 fails, and the summary line says so beside the bound', () => {
    const { room } = play(3);
    const r = room.result();
    expect(r.ic2).toBe(false);
    expect(summary(r, t)).toBe('IC1 ✓ · IC2 ✗ · OM(1), N = 3, f = 1: not guaranteed');
  });

  it('[B9] 4 generals with the same traitor: both hold', () => {
    const { room } = play(4);
    expect(summary(room.result(), t)).toBe('IC1 ✓ · IC2 ✓ · OM(1), N = 4, f = 1: guaranteed');
  });

  it('marks the traitor by colour and by the word TRAITOR, the commander by its letter, and what each one holds', () => {
    const { live } = play(4);
    const look = decorate(live, t);
    expect(look.n2).toMatchObject({ short: 'L', fill: FILLS.traitor });
    expect(look.n2!.badge).toContain('TRAITOR');
    expect(look.n1).toMatchObject({ short: 'C', fill: FILLS.commander });
    expect(look.n1!.badge).toBe('commander · ordered Attack');
    for (const n of ['n1', 'n3', 'n4']) expect(look[n]!.badge).not.toContain('TRAITOR');
    expect(look.n3!.badge).toMatch(/^(got|decided) Attack$/);
    expect(Object.keys(KIND_STYLES).sort()).toEqual(['byzantine:order', 'byzantine:relay']);
  });
});
