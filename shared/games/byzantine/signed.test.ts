// Signed messages, SM(m) ([B4], [B5], [B11]): every lieutenant, loyal or traitor, passes its
// signed values on with one relay per level (the `relay` action), on the same screen. A loyal
// lieutenant's relay must be exactly what SM says; the phase timer sends it for one that did not
// press Send; bots use the same action. And the paper's Theorem 2 holds: with at most m traitors,
// whatever they send (they cannot forge), the loyal lieutenants agree (IC1), and follow a loyal
// commander (IC2), checked here from the orders and decisions themselves.

import { describe, expect, it } from 'vitest';
import { Room } from '../../../test/support/byzantine';
import { createRng, type Rng } from '../../rng';
import type { Value } from './config';

const start = (r: Room, config: Record<string, unknown>) => r.start({ signed: true, phaseMs: 5_000, ...config });

describe('byzantine SM: one relay per level for every lieutenant', () => {
  it('[B4] a loyal lieutenant relays by its own Send, exactly what SM says; anything else is refused (honest) and changes nothing', () => {
    const r = start(new Room({ humans: 4 }), { commander: 'n1', traitorIds: ['n4'], order: 'attack' });
    r.act('n1', { type: 'order', value: 'attack' });
    // Level 2 passes on what came at level 1: not before its phase.
    expect(r.act('n2', { type: 'relay', level: 2, values: { n3: ['attack'], n4: ['attack'] } })).toMatchObject({
      ok: false,
      error: { code: 'not_yet' },
    });
    r.run(10);
    expect(r.state.step).toBe(2);
    // Nothing leaves on its own: the server does not relay for anyone.
    r.run(1_000);
    expect(r.state.messages.filter((m) => m.level === 2)).toEqual([]);
    const n2 = r.view('n2');
    expect(n2.relay).toEqual({
      level: 2,
      recipients: ['n3', 'n4'],
      due: { n3: ['attack'], n4: ['attack'] },
      signable: { n3: ['attack'], n4: ['attack'] },
      sent: null,
    });
    const snapshot = structuredClone(r.state);
    for (const values of [{ n3: ['retreat'], n4: ['attack'] }, { n3: ['attack'] }, { n3: ['attack'], n4: ['attack', 'retreat'] }, {}]) {
      expect(r.act('n2', { type: 'relay', level: 2, values }), JSON.stringify(values)).toMatchObject({
        ok: false,
        error: { code: 'honest' },
      });
    }
    expect(r.state).toEqual(snapshot);
    expect(r.act('n2', { type: 'relay', level: 2, values: { n4: ['attack'], n3: ['attack'] } })).toMatchObject({ ok: true });
    expect(r.act('n2', { type: 'relay', level: 2, values: { n3: ['attack'], n4: ['attack'] } })).toMatchObject({
      ok: false,
      error: { code: 'already_relayed' },
    });
    expect(r.state.messages.filter((m) => m.from === 'n2').map((m) => [m.to, m.value, m.path])).toEqual([
      ['n3', 'attack', ['n1', 'n2']],
      ['n4', 'attack', ['n1', 'n2']],
    ]);
    expect(r.view('n2').relay?.sent).toEqual({ n3: ['attack'], n4: ['attack'] });
    // The phase waits for every lieutenant's relay, the traitor's and the other loyal one's.
    r.run(100);
    expect(r.state.step).toBe(2);
    // A traitor tells each lieutenant one thing at most, as it always could; it may tell someone nothing.
    expect(r.act('n4', { type: 'relay', level: 2, values: { n2: ['attack', 'retreat'] } })).toMatchObject({
      ok: false,
      error: { code: 'one_each' },
    });
    expect(r.act('n4', { type: 'relay', level: 2, values: { n3: ['attack'], n4: ['attack'] } })).toMatchObject({
      ok: false,
      error: { code: 'bad_recipient' },
    });
    expect(r.act('n4', { type: 'relay', level: 2, values: { n2: ['retreat'] } })).toMatchObject({ ok: true });
    expect(r.act('n3', { type: 'relay', level: 2, values: { n2: ['attack'], n4: ['attack'] } })).toMatchObject({ ok: true });
    r.run(20);
    expect(r.state.step).toBe(3);
    expect(r.state.phases[1]).toMatchObject({ phase: 'relays', endedBy: 'all-done' });
    // The traitor held no Retreat signed by the commander: its lie is a forgery, and discarded.
    expect(r.view('n2')).toMatchObject({ accepted: ['attack'], forged: 1, suggested: 'attack' });
    // n3 hears n2's relay, and nothing from the traitor, which told it nothing.
    expect(r.view('n3').relays.map((m) => m.from)).toEqual(['n2']);
    expect(r.act('n2', { type: 'relay', level: 2, values: {} })).toMatchObject({ ok: false, error: { code: 'phase_over' } });
  });

  it('[B4] [B7] at the phase timer a loyal lieutenant that did not press Send relays what SM says; a traitor lies by its strategy', () => {
    const r = start(new Room({ humans: 5 }), { commander: 'n1', traitorIds: ['n5'], strategy: 'flip' });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    expect(r.act('n2', { type: 'relay', level: 2, values: { n3: ['attack'], n4: ['attack'], n5: ['attack'] } })).toMatchObject({
      ok: true,
    });
    r.runUntil(5_010 + 10);
    const sent = (from: string) => r.state.messages.filter((m) => m.from === from && m.level === 2).map((m) => [m.to, m.value, m.forged]);
    expect(sent('n3')).toEqual([
      ['n2', 'attack', false],
      ['n4', 'attack', false],
      ['n5', 'attack', false],
    ]);
    expect(sent('n4')).toHaveLength(3);
    // flip: the opposite of its order, which it cannot sign: every one is a forgery.
    expect(sent('n5')).toEqual([
      ['n2', 'retreat', true],
      ['n3', 'retreat', true],
      ['n4', 'retreat', true],
    ]);
    expect(r.state.phases[1]).toMatchObject({ phase: 'relays', endedBy: 'timer' });
    expect(r.view('n3').relay).toBeNull();
  });

  it('[B4] [B11] a loyal lieutenant that accepted two values at one level relays both, each on its own chain; one that accepted none still presses Send', () => {
    // SM(2) among 5: the commander (a traitor) orders Attack, and Retreat to its accomplice n3;
    // n2's order is lost, so n2 passes nothing on at level 2, then both values at level 3.
    const r = start(new Room({ humans: 5, faults: [{ op: 'linkLoss', from: 'n1', to: 'n2', rate: 1 }] }), {
      commander: 'n1',
      traitorIds: ['n1', 'n3'],
      m: 2,
    });
    expect(r.act('n1', { type: 'send', values: { n2: 'attack', n3: 'retreat', n4: 'attack', n5: 'attack' } })).toMatchObject({ ok: true });
    r.runUntil(5_000 + 300);
    expect(r.state.step).toBe(2);
    expect(r.view('n2')).toMatchObject({ orderMissing: true, relay: { due: { n3: [], n4: [], n5: [] } } });
    r.run(1_000);
    // The empty relay is still a relay: the phase waits for it, as for anyone's.
    expect(r.state.step).toBe(2);
    expect(r.act('n2', { type: 'relay', level: 2, values: {} })).toMatchObject({ ok: true });
    expect(r.act('n3', { type: 'relay', level: 2, values: { n2: ['retreat'], n4: [], n5: [] } })).toMatchObject({ ok: true });
    expect(r.act('n4', { type: 'relay', level: 2, values: { n2: ['attack'], n3: ['attack'], n5: ['attack'] } })).toMatchObject({
      ok: true,
    });
    r.run(5);
    expect(r.act('n5', { type: 'relay', level: 2, values: { n2: ['attack'], n3: ['attack'], n4: ['attack'] } })).toMatchObject({
      ok: true,
    });
    r.run(20);
    expect(r.state.step).toBe(3);
    const n2 = r.view('n2');
    expect(n2.accepted).toEqual(['retreat', 'attack']);
    // Attack came first from n4 (chain n1 → n4), Retreat from n3 (n1 → n3): nobody gets back a value whose chain it is on.
    expect(n2.relay?.due).toEqual({ n3: ['attack'], n4: ['retreat'], n5: ['attack', 'retreat'] });
    expect(r.act('n2', { type: 'relay', level: 3, values: { n3: ['attack'], n4: ['retreat'], n5: ['attack'] } })).toMatchObject({
      ok: false,
      error: { code: 'honest' },
    });
    expect(r.act('n2', { type: 'relay', level: 3, values: n2.relay!.due })).toMatchObject({ ok: true });
    expect(r.state.messages.filter((m) => m.from === 'n2').map((m) => [m.to, m.value, m.path.join('>')])).toEqual([
      ['n3', 'attack', 'n1>n4>n2'],
      ['n4', 'retreat', 'n1>n3>n2'],
      ['n5', 'attack', 'n1>n4>n2'],
      ['n5', 'retreat', 'n1>n3>n2'],
    ]);
  });

  it('[B12] bots and autopilots press the same relay at every level of SM(3): no phase waits for its timer, and loyal relays are what SM says', () => {
    for (const seed of [1, 2, 3]) {
      const r = new Room({ bots: 6, seed }).start({
        signed: true,
        m: 3,
        traitors: 3,
        commanderTraitor: 0.5,
        strategy: 'random',
        phaseMs: 60_000,
        botDelayMs: 100,
      });
      r.run(120_000);
      expect(r.running).toBe(false);
      const s = r.core.state.lastRound!.engineState as typeof r.state;
      expect(s.phases.filter((p) => p.endedBy !== null && p.endedBy !== 'all-done')).toEqual([]);
      for (const level of [2, 3, 4]) {
        for (const l of s.generals.filter((g) => g !== s.commander)) expect(s.nodes[l]!.smRelayed[String(level)]).toBeDefined();
      }
      for (const m of s.messages) {
        const sender = s.nodes[m.from]!;
        if (sender.traitor || m.level === 1) continue;
        // A loyal relay signs on the chain the value first came with, and is never forged.
        expect(m.forged).toBe(false);
        expect(m.path.slice(0, -1)).toEqual(sender.firstChain[m.value]);
        expect(m.level).toBe(m.path.length);
      }
    }
  });
});

// ---- Theorem 2 -------------------------------------------------------------------------

/** A traitor's choice for one recipient: nothing, or a value (forged when it holds no chain for it). */
const anything = (rng: Rng): Value[] => {
  const x = rng.between(0, 2);
  return x === 0 ? [] : x === 1 ? ['attack'] : ['retreat'];
};

/**
 * One SM(m) round among n people, traitors acting at random with every power the engine gives
 * them (a commander's per-lieutenant orders; per recipient, nothing or a value, at every level),
 * loyal lieutenants pressing Send at once, and deciding by the phone's suggestion at the end.
 */
function randomRound(n: number, m: number, traitors: string[], seed: number) {
  const rng = createRng(seed);
  const r = new Room({ humans: n, passOn: true, seed });
  const order: Value = rng.chance(0.5) ? 'attack' : 'retreat';
  r.start({ signed: true, m, commander: 'n1', traitorIds: traitors, order, phaseMs: 1_000, strategy: 'random' });
  const lieutenants = r.state.generals.filter((g) => g !== 'n1');
  if (traitors.includes('n1')) {
    const values = Object.fromEntries(lieutenants.filter(() => rng.chance(0.8)).map((l) => [l, rng.chance(0.5) ? 'attack' : 'retreat']));
    if (Object.keys(values).length > 0) r.act('n1', { type: 'send', values });
  } else r.act('n1', { type: 'order', value: order });
  while (r.running && r.now < 60_000) {
    for (const t of traitors) {
      const relay = r.running ? r.view(t).relay : null;
      if (!relay || relay.sent !== null || rng.chance(0.2)) continue;
      r.act(t, { type: 'relay', level: relay.level, values: Object.fromEntries(relay.recipients.map((to) => [to, anything(rng)])) });
    }
    r.run(7);
  }
  expect(r.running).toBe(false);
  const res = r.result();
  return { orders: res.orders, decisions: res.decisions as Record<string, Value> };
}

describe('byzantine SM: Theorem 2 of Lamport, Shostak and Pease (1982)', () => {
  it('[B9] [B11] with f ≤ m traitors among n ≥ m + 2 generals, whatever the traitors send, IC1 holds, and IC2 with a loyal commander', () => {
    const problems: string[] = [];
    let rounds = 0;
    for (let n = 3; n <= 7; n++) {
      for (let m = 1; m <= 3 && n >= m + 2; m++) {
        // Any number of traitors up to m, as long as a lieutenant stays loyal (there is someone to agree).
        for (let f = 1; f <= m && f <= n - 2; f++) {
          for (const commanderTraitor of [false, true]) {
            for (const seed of [1, 2]) {
              const pick = createRng(seed * 1_000 + n * 100 + m * 10 + f);
              const pool = Array.from({ length: n - 1 }, (_, i) => `n${i + 2}`);
              const traitors = commanderTraitor ? ['n1'] : [];
              while (traitors.length < f) {
                const [t] = pool.splice(pick.between(0, pool.length - 1), 1);
                if (t) traitors.push(t);
              }
              const { orders, decisions } = randomRound(n, m, traitors, seed);
              rounds++;
              const loyal = Array.from({ length: n - 1 }, (_, i) => `n${i + 2}`).filter((l) => !traitors.includes(l));
              const chosen = loyal.map((l) => decisions[l]);
              const label = `n=${n} m=${m} traitors=${traitors.join(',')} seed=${seed}: ${JSON.stringify(decisions)}`;
              // IC1: all loyal lieutenants obey the same order.
              if (new Set(chosen).size !== 1 || chosen.includes(undefined as never)) problems.push(`IC1 ${label}`);
              // IC2: if the commander is loyal, every loyal lieutenant obeys the order it sends.
              if (!commanderTraitor) {
                const given = new Set(Object.values(orders));
                const [o] = given;
                if (given.size !== 1 || chosen.some((d) => d !== o)) problems.push(`IC2 ${label} orders ${JSON.stringify(orders)}`);
              }
            }
          }
        }
      }
    }
    expect(rounds).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
