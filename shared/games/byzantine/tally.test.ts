// The tally a loyal lieutenant's phone shows, when it may decide, and how the result tells a
// person who did not follow the algorithm apart from the algorithm failing ([B6], [B8], [B9]).

import { describe, expect, it } from 'vitest';
import { Room } from '../../../test/support/byzantine';
import { byzantine } from './engine';
import type { ByzantineState } from './state';

/** Humans n1…n{humans}; n1 commands and orders Attack; phases 10 s, latency 10 ms, relays at once. */
const room = (humans: number, config: Record<string, unknown> = {}) =>
  new Room({ humans, passOn: true }).start({
    commander: 'n1',
    traitorIds: [],
    order: 'attack',
    phaseMs: 10_000,
    botDelayMs: 100,

    ...config,
  });

/** Every message from `from` to `to` is lost on the way (it travels until its phase ends). */
const cutOff = (to: string, from: string[]) => from.map((f) => ({ op: 'linkLoss' as const, from: f, to, rate: 1 }));

/** A node's view of the round that just ended (what its phone shows between rounds). */
function lastView(r: Room, node: string) {
  const last = r.core.state.lastRound;
  if (!last) throw new Error('no round has ended');
  return byzantine.view(last.engineState as ByzantineState, node);
}

describe('byzantine: the tally on a phone', () => {
  it('[B8] while relays are still to come, the majority is of what arrived: "not yet" relays are not Retreats', () => {
    // 7 generals, a human traitor n7 who has not sent yet: n2 holds its order (Attack) and the relays of n3…n6.
    const r = room(7, { traitorIds: ['n7'] });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(15);
    const early = r.view('n2');
    expect(early).toMatchObject({ phase: 'relays', tally: { attack: 1, retreat: 0, missing: 5 }, suggested: 'attack', canDecide: false });
    r.run(5_000);
    // Every loyal relay is in; the traitor's is not yet: still not a Retreat.
    expect(r.view('n2')).toMatchObject({
      phase: 'relays',
      tally: { attack: 5, retreat: 0, missing: 1 },
      suggested: 'attack',
      canDecide: false,
    });
  });

  it('[B8] nothing arrived, or a tie so far: no majority is shown yet (the tie rule applies only when the tally freezes)', () => {
    // n3's relay to n2 is lost on the way: it travels until the phase ends.
    const r = new Room({ humans: 4, passOn: true, faults: cutOff('n2', ['n3']) }).start({
      commander: 'n1',
      traitorIds: ['n4'],
      order: 'attack',
      phaseMs: 10_000,
    });
    expect(r.view('n2')).toMatchObject({ tally: { attack: 0, retreat: 0, missing: 3 }, suggested: null });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    r.act('n4', { type: 'send', values: { n2: 'retreat', n3: 'retreat' } });
    r.run(20);
    // n2: its order Attack and n4's Retreat in, n3's relay (Attack) not yet.
    const v = r.view('n2');
    expect(v.tally).toMatchObject({ attack: 1, retreat: 1 });
    expect(v.suggested).toBeNull();
    expect(v.canDecide).toBe(false);
  });

  it('[B7][B8] Decide is offered once every relay is in, not before', () => {
    const r = room(4, { traitorIds: ['n4'] });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    expect(r.view('n2').canDecide).toBe(false);
    // The loyal relays are in; the traitor's are not sent.
    r.run(20);
    expect(r.view('n2')).toMatchObject({ phase: 'relays', canDecide: false });
    expect(r.act('n2', { type: 'decide', value: 'attack' })).toMatchObject({ ok: false, error: { code: 'too_early' } });
    r.act('n4', { type: 'send', values: { n2: 'retreat', n3: 'retreat' } });
    r.run(5);
    expect(r.view('n2')).toMatchObject({ phase: 'relays', canDecide: false });
    r.run(10);
    expect(r.view('n2')).toMatchObject({
      phase: 'decide',
      tally: { attack: 2, retreat: 1, missing: 0 },
      suggested: 'attack',
      canDecide: true,
    });
  });

  it('[B6][B8] when the relay phase timer runs out, what never came counts as Retreat, and then the student may decide', () => {
    // n4 is loyal, but the link n4 → n2 loses everything: its relay never comes, and the phase waits for it.
    const r = new Room({ humans: 4, passOn: true, faults: [{ op: 'linkLoss', from: 'n4', to: 'n2', rate: 1 }] }).start({
      commander: 'n1',
      traitorIds: [],
      order: 'attack',
      phaseMs: 10_000,
    });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(50);
    // n2 has its order and n3's relay; n4's can never come, but nobody knows that before the timer.
    expect(r.view('n2')).toMatchObject({
      phase: 'relays',
      tally: { attack: 2, retreat: 0, missing: 1 },
      suggested: 'attack',
      canDecide: false,
    });
    r.run(10_500);
    expect(r.view('n2')).toMatchObject({
      phase: 'decide',
      tally: { attack: 2, retreat: 0, missing: 1 },
      suggested: 'attack',
      canDecide: true,
    });
  });

  it('[B8] the tally freezes with the default: three missing of four count as Retreat and make the majority, offered only at the phase end', () => {
    // n2's order arrives; every relay to it is lost on the way.
    const r = new Room({ humans: 5, passOn: true, faults: cutOff('n2', ['n3', 'n4', 'n5']) }).start({
      commander: 'n1',
      traitorIds: [],
      order: 'attack',
      phaseMs: 10_000,
    });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(50);
    expect(r.view('n2')).toMatchObject({ tally: { attack: 1, retreat: 0, missing: 3 }, suggested: 'attack', canDecide: false });
    r.run(10_500);
    expect(r.view('n2')).toMatchObject({
      phase: 'decide',
      tally: { attack: 1, retreat: 0, missing: 3 },
      suggested: 'retreat',
      canDecide: true,
    });
  });
});

describe('byzantine: the result tells people apart from the algorithm', () => {
  it('[B9] a loyal lieutenant deciding against its majority: cause "people", the algorithm itself held', () => {
    const r = room(4);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(20);
    r.act('n2', { type: 'decide', value: 'retreat' });
    r.act('n3', { type: 'decide', value: 'attack' });
    r.act('n4', { type: 'decide', value: 'attack' });
    const res = r.result();
    expect(res).toMatchObject({ ic1: false, ic2: false });
    expect(res.breakdown).toEqual({
      algorithm: { ic1: true, ic2: true },
      against: [{ node: 'n2', decision: 'retreat', majority: 'attack' }],
      cause: 'people',
    });
    expect(res.flags).toContainEqual({
      code: 'byzantine.flag.against',
      params: { node: { node: 'n2' }, decision: 'retreat', majority: 'attack' },
    });
    // Every phone hears why, and nobody's role.
    expect(lastView(r, 'n3').ending).toEqual({ ic1: false, cause: 'people' });
  });

  it('[B9] traitors beyond the bound on a reliable network: cause "traitors"', () => {
    // 3 generals, n3 a traitor telling n2 Retreat: n2's majority (Attack 1, Retreat 1: a tie) is Retreat.
    const r = room(3, { traitorIds: ['n3'] });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    r.act('n3', { type: 'send', values: { n2: 'retreat' } });
    r.run(20);
    r.act('n2', { type: 'decide', value: 'retreat' });
    expect(r.result()).toMatchObject({ ic1: true, ic2: false, reliable: true, breakdown: { against: [], cause: 'traitors' } });
  });

  it('[B9] lost messages: cause "network"', () => {
    const r = new Room({ humans: 5, passOn: true, faults: cutOff('n2', ['n3', 'n4', 'n5']) }).start({
      commander: 'n1',
      traitorIds: [],
      order: 'attack',
      phaseMs: 10_000,
    });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(30_000);
    // n2 took its majority (Retreat: three relays never came) against the loyal commander's Attack.
    expect(r.result()).toMatchObject({ ic2: false, reliable: false, breakdown: { algorithm: { ic2: false }, cause: 'network' } });
  });

  it('[B9] both hold: no cause, nobody against', () => {
    const r = room(4);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(20);
    for (const n of ['n2', 'n3', 'n4']) r.act(n, { type: 'decide', value: 'attack' });
    expect(r.result().breakdown).toEqual({ algorithm: { ic1: true, ic2: true }, against: [], cause: null });
    expect(lastView(r, 'n2')).toMatchObject({ decision: 'attack', ending: { ic1: true, cause: null } });
  });
});
