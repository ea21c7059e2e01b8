import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng';
import { defaultFaults } from '../../net/faults';
import { byzantineConfig, feasibleM, majority, omMessages } from './config';
import { byzantine } from './engine';
import { chooseValues } from './strategies';
import { Room } from '../../../test/support/byzantine';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);
const init = (n: number, config: Record<string, unknown>, seed = 1) =>
  byzantine.init(byzantineConfig.parse(config), { now: 0, nodes: nodes(n), faults: defaultFaults(), isDown: () => false, seed }).state;

/** Humans n1…n{humans}; n1 commands unless said otherwise. Phases are 10 s, latency 10 ms. */
const room = (humans: number, config: Record<string, unknown> = {}, bots = 0) =>
  new Room({ humans, bots, passOn: true }).start({
    commander: 'n1',
    traitorIds: [],
    order: 'attack',
    phaseMs: 10_000,
    botDelayMs: 100,

    ...config,
  });

describe('byzantine: roles', () => {
  it('[B1] one commander, f traitors drawn from the seed, the same for the same seed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const s = init(7, { traitors: 2 }, seed);
      expect(s.generals).toEqual(nodes(7));
      expect(s.traitors).toHaveLength(2);
      expect(s.traitors).not.toContain(s.commander);
      expect(init(7, { traitors: 2 }, seed).traitors).toEqual(s.traitors);
      for (const g of s.generals) expect(s.nodes[g]!.traitor).toBe(s.traitors.includes(g));
    }
    const casts = new Set(Array.from({ length: 30 }, (_, i) => init(7, { traitors: 2 }, i).traitors.join()));
    expect(casts.size).toBeGreaterThan(5);
  });

  it('[B1] commanderTraitor makes the commander one of the f traitors; a chance sometimes does', () => {
    const s = init(5, { traitors: 2, commanderTraitor: true });
    expect(s.traitors).toContain(s.commander);
    expect(s.traitors).toHaveLength(2);
    expect(init(5, { traitors: 0, commanderTraitor: true }).traitors).toHaveLength(1);
    const hits = Array.from({ length: 60 }, (_, i) => init(5, { commanderTraitor: 0.5 }, i)).filter((x) =>
      x.traitors.includes(x.commander),
    ).length;
    expect(hits).toBeGreaterThan(10);
    expect(hits).toBeLessThan(50);
  });

  it('[B1] the instructor may name the commander and the traitors; names not in the round are noted', () => {
    const s = init(5, { commander: 'n3', traitorIds: ['n3', 'n5', 'n9'] });
    expect(s.commander).toBe('n3');
    expect(s.traitors).toEqual(['n3', 'n5']);
    expect(s.notes).toContainEqual({ code: 'byzantine.note.not_generals', params: { ids: ['n9'] } });
    const t = init(4, { commander: 'n7' });
    expect(t.generals).toContain(t.commander);
    expect(t.notes).toContainEqual({ code: 'byzantine.note.commander_drawn', params: { id: 'n7' } });
  });

  it('[B1] at least one lieutenant stays loyal', () => {
    const s = init(4, { traitors: 4 });
    expect(s.traitors.filter((t) => t !== s.commander)).toHaveLength(2);
    expect(s.notes.length).toBeGreaterThan(0);
    const named = init(3, { commander: 'n1', traitorIds: ['n2', 'n3'] });
    expect(named.traitors).toEqual(['n2']);
  });
});

describe('byzantine: orders', () => {
  it('[B3] a loyal commander gives every lieutenant the same order; it arrives after the latency', () => {
    const r = room(4);
    expect(r.view('n1')).toMatchObject({ role: 'commander', suggestedOrder: 'attack', canOrder: true, traitor: false });
    expect(r.act('n1', { type: 'order', value: 'retreat' })).toEqual({ ok: true, data: null });
    expect(r.view('n1').ordersSent).toEqual({ n2: 'retreat', n3: 'retreat', n4: 'retreat' });
    expect(r.view('n2').order).toBeNull();
    r.run(10);
    expect(r.view('n2').order).toMatchObject({ from: 'n1', value: 'retreat', path: ['n1'], at: 10 });
    expect(r.act('n1', { type: 'order', value: 'attack' })).toMatchObject({ ok: false });
  });

  it('[B3] a loyal commander cannot choose per lieutenant', () => {
    const r = room(4);
    expect(r.act('n1', { type: 'send', values: { n2: 'attack' } })).toMatchObject({ ok: false, error: { code: 'loyal' } });
  });

  it('[B3] a traitor commander chooses per lieutenant, a part at a time, each lieutenant once', () => {
    const r = room(4, { traitorIds: ['n1'] });
    expect(r.view('n1').pending).toEqual([{ path: null, level: 1, value: 'attack', recipients: ['n2', 'n3', 'n4'], sent: {} }]);
    expect(r.act('n1', { type: 'send', values: { n2: 'attack', n3: 'retreat' } })).toMatchObject({ ok: true });
    expect(r.act('n1', { type: 'send', values: { n3: 'attack' } })).toMatchObject({ ok: false, error: { code: 'already_sent' } });
    expect(r.act('n1', { type: 'send', values: { n4: 'attack' } })).toMatchObject({ ok: true });
    r.run(10);
    expect([r.view('n2').order?.value, r.view('n3').order?.value, r.view('n4').order?.value]).toEqual(['attack', 'retreat', 'attack']);
  });
});

describe('byzantine: relays', () => {
  it('[B4] a loyal lieutenant that presses Send at once relays what it received to every other lieutenant', () => {
    const r = room(4);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    expect(r.view('n2').relayed).toEqual({ value: 'attack', at: 10 });
    const relays = r.state.messages.filter((m) => m.level === 2 && m.from === 'n2');
    expect(relays.map((m) => [m.to, m.value, m.path])).toEqual([
      ['n3', 'attack', ['n1', 'n2']],
      ['n4', 'attack', ['n1', 'n2']],
    ]);
    r.run(10);
    expect(r.view('n3').relays.map((m) => [m.from, m.value])).toEqual([
      ['n2', 'attack'],
      ['n4', 'attack'],
    ]);
    expect(r.view('n3').tally).toEqual({ attack: 3, retreat: 0, missing: 0 });
  });

  it('[B4] a loyal lieutenant owes its relays as a traitor does, and may send only what it holds', () => {
    const r = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds: ['n4'], order: 'attack', phaseMs: 10_000 });
    expect(r.act('n2', { type: 'send', values: { n3: 'attack' } })).toMatchObject({ ok: false, error: { code: 'no_order_yet' } });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    // The same entry, field for field, on the loyal phone and the traitor's: one screen for both.
    const owed = { path: ['n1'], level: 2, value: 'attack', sent: {} };
    expect(r.view('n2').pending).toEqual([{ ...owed, recipients: ['n3', 'n4'] }]);
    expect(r.view('n4').pending).toEqual([{ ...owed, recipients: ['n2', 'n3'] }]);
    const before = structuredClone(r.state);
    expect(r.act('n2', { type: 'send', values: { n3: 'retreat' } })).toMatchObject({
      ok: false,
      error: { code: 'honest', params: { value: 'attack' } },
    });
    expect(r.act('n2', { type: 'send', values: { n3: 'attack', n4: 'retreat' } })).toMatchObject({ ok: false, error: { code: 'honest' } });
    expect(r.state).toEqual(before);
    expect(r.act('n2', { type: 'send', values: { n3: 'attack' } })).toMatchObject({ ok: true });
    expect(r.view('n2')).toMatchObject({ relayed: { value: 'attack', at: 10 }, pending: [{ sent: { n3: 'attack' } }] });
    expect(r.act('n2', { type: 'send', values: { n3: 'attack' } })).toMatchObject({ ok: false, error: { code: 'already_sent' } });
    expect(r.act('n2', { type: 'send', values: { n4: 'attack' } })).toMatchObject({ ok: true });
    expect(r.view('n2').pending).toEqual([]);
    expect(r.state.messages.filter((m) => m.from === 'n2').map((m) => [m.to, m.value, m.path])).toEqual([
      ['n3', 'attack', ['n1', 'n2']],
      ['n4', 'attack', ['n1', 'n2']],
    ]);
  });

  it("[B4] [B7] the relay phase waits for every loyal lieutenant's Send, as for a traitor's: nothing leaves on its own", () => {
    const r = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds: ['n4'], order: 'attack', phaseMs: 10_000 });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    expect(r.state.step).toBe(2);
    r.run(5_000);
    // No server-made relay: a loyal phone that has not pressed Send has sent nothing, like a traitor's.
    expect(r.state.messages.filter((m) => m.level === 2)).toEqual([]);
    expect(r.console().waitingFor).toEqual(['n2', 'n3', 'n4']);
    r.act('n4', { type: 'send', values: { n2: 'retreat', n3: 'attack' } });
    r.act('n2', { type: 'send', values: { n3: 'attack', n4: 'attack' } });
    r.run(100);
    expect(r.state.step).toBe(2);
    expect(r.console().waitingFor).toEqual(['n3']);
    expect(r.view('n3').canDecide).toBe(false);
    r.act('n3', { type: 'send', values: { n2: 'attack', n4: 'attack' } });
    r.run(10);
    expect(r.state.step).toBe(3);
    expect(r.state.phases.find((p) => p.step === 2)?.endedBy).toBe('all-done');
    expect(r.view('n2').tally).toEqual({ attack: 2, retreat: 1, missing: 0 });
    expect(r.view('n3').tally).toEqual({ attack: 3, retreat: 0, missing: 0 });
  });

  it("[B4] [B7] at the relay timer a loyal lieutenant's unsent relays go out unchanged (a traitor's by its strategy)", () => {
    const r = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds: ['n4'], order: 'attack', strategy: 'flip', phaseMs: 10_000 });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    r.act('n2', { type: 'send', values: { n3: 'attack' } });
    r.runUntil(10 + 10_000);
    const level2 = (from: string) => r.state.messages.filter((m) => m.level === 2 && m.from === from).map((m) => [m.to, m.value, m.sentAt]);
    expect(level2('n2')).toEqual([
      ['n3', 'attack', 10],
      ['n4', 'attack', 10_010],
    ]);
    expect(level2('n3')).toEqual([
      ['n2', 'attack', 10_010],
      ['n4', 'attack', 10_010],
    ]);
    expect(level2('n4')).toEqual([
      ['n2', 'retreat', 10_010],
      ['n3', 'retreat', 10_010],
    ]);
    expect(r.view('n3').relayed).toEqual({ value: 'attack', at: 10_010 });
    r.run(300);
    expect(r.state.step).toBe(3);
    expect(r.state.phases.find((p) => p.step === 2)?.endedBy).toBe('timer');
  });

  it('[B4] a loyal commander does not send per recipient; in SM a lieutenant relays with `relay`, not `send`', () => {
    const om = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds: [], order: 'attack', phaseMs: 10_000 });
    expect(om.act('n1', { type: 'send', values: { n2: 'attack' } })).toMatchObject({ ok: false, error: { code: 'loyal' } });
    expect(om.view('n1').pending).toEqual([]);
    const sm = new Room({ humans: 4 }).start({
      commander: 'n1',
      traitorIds: [],
      order: 'attack',
      signed: true,
      phaseMs: 10_000,
    });
    sm.act('n1', { type: 'order', value: 'attack' });
    sm.run(10);
    expect(sm.view('n2').pending).toEqual([]);
    expect(sm.act('n2', { type: 'send', values: { n3: 'attack' } })).toMatchObject({ ok: false, error: { code: 'bad_path' } });
    expect(sm.act('n2', { type: 'relay', level: 2, values: { n3: ['attack'], n4: ['attack'] } })).toMatchObject({ ok: true });
    expect(sm.state.messages.filter((m) => m.from === 'n2').map((m) => m.to)).toEqual(['n3', 'n4']);
  });

  it('[B5] a traitor lieutenant lies per recipient once it has its order; the rest is filled in at the phase end', () => {
    const r = room(5, { traitorIds: ['n2'], strategy: 'flip' });
    expect(r.act('n2', { type: 'send', values: { n3: 'retreat' } })).toMatchObject({ ok: false, error: { code: 'no_order_yet' } });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    expect(r.view('n2')).toMatchObject({ traitor: true, strategy: 'flip', relayed: null });
    expect(r.view('n2').pending).toMatchObject([{ path: ['n1'], level: 2, value: 'attack', recipients: ['n3', 'n4', 'n5'] }]);
    expect(r.act('n2', { type: 'send', values: { n3: 'attack' } })).toMatchObject({ ok: true });
    expect(r.act('n2', { type: 'send', values: { n2: 'attack' } })).toMatchObject({ ok: false, error: { code: 'bad_recipient' } });
    expect(r.act('n2', { type: 'send', values: { n1: 'attack' } })).toMatchObject({ ok: false, error: { code: 'bad_recipient' } });
    r.runUntil(10_000 + 20);
    const fromTraitor = Object.fromEntries(r.state.messages.filter((m) => m.from === 'n2').map((m) => [m.to, m.value]));
    expect(fromTraitor).toEqual({ n3: 'attack', n4: 'retreat', n5: 'retreat' });
    expect(r.state.phases[1]).toMatchObject({ phase: 'relays', endedBy: 'timer' });
  });
});

describe('byzantine: missing and late messages', () => {
  it('[B6] an order that never comes counts as Retreat, and a loyal lieutenant relays Retreat', () => {
    const r = new Room({ humans: 4, passOn: true, faults: [{ op: 'linkLoss', from: 'n1', to: 'n2', rate: 1 }] }).start({
      commander: 'n1',
      traitorIds: [],
      phaseMs: 5_000,
    });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(100);
    expect(r.state.step).toBe(1);
    r.runUntil(5_000 + 210);
    expect(r.view('n2')).toMatchObject({ order: null, orderMissing: true, relayed: { value: 'retreat' } });
    expect(r.state.messages.filter((m) => m.from === 'n2').every((m) => m.value === 'retreat')).toBe(true);
    expect(r.state.counts.lost).toBe(1);
    r.run(20);
    expect(r.view('n3').tally).toEqual({ attack: 2, retreat: 1, missing: 0 });
  });

  it('[B6] a message that arrives after its phase ended is late and ignored', () => {
    const r = new Room({ humans: 4, latency: 3_000, passOn: true }).start({ commander: 'n1', traitorIds: [], phaseMs: 2_000 });
    r.act('n1', { type: 'order', value: 'attack' });
    r.core.changeFaults(r.now, { op: 'latency', base: 0, jitter: 0 });
    r.runUntil(2_000 + 200);
    expect(r.state.phases[0]).toMatchObject({ endedAt: 2_200, endedBy: 'grace' });
    r.runUntil(3_000);
    expect(r.state.step).toBe(3);
    expect(r.view('n2')).toMatchObject({ order: null, orderMissing: true, late: 1 });
    expect(r.view('n2').relays.at(-1)).toMatchObject({ from: 'n1', value: 'attack', path: ['n1'], status: 'late', at: 3_000 });
    expect(r.view('n2')).toMatchObject({ tally: { attack: 0, retreat: 2, missing: 1 }, suggested: 'retreat' });
    expect(r.state.counts.late).toBeGreaterThanOrEqual(3);
  });
});

describe('byzantine: phases', () => {
  it('[B7] a phase ends as soon as everyone acted and nothing travels', () => {
    const r = room(4);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(9);
    expect(r.state.step).toBe(1);
    r.run(1);
    expect(r.state.step).toBe(2);
    r.run(10);
    expect(r.state.step).toBe(3);
    expect(r.state.phases.map((p) => [p.phase, p.endedAt, p.endedBy])).toEqual([
      ['orders', 10, 'all-done'],
      ['relays', 20, 'all-done'],
      ['decide', null, null],
    ]);
  });

  it('[B7] at the timer an idle loyal commander gives its advised order', () => {
    const r = room(4, { order: 'retreat' });
    r.runUntil(10_000);
    expect(r.state.closing).toBe(true);
    expect(r.view('n1').ordersSent).toEqual({ n2: 'retreat', n3: 'retreat', n4: 'retreat' });
    r.run(10);
    expect(r.state.phases[0]).toMatchObject({ endedAt: 10_010, endedBy: 'timer' });
  });

  it('[B7] a message lost after the timer is waited for only until the grace ends', () => {
    const r = new Room({ humans: 4, passOn: true, faults: [{ op: 'linkLoss', from: 'n1', to: 'n3', rate: 1 }] }).start({
      commander: 'n1',
      traitorIds: [],
      phaseMs: 2_000,
    });
    r.runUntil(2_000 + 10 + 199);
    expect(r.state.step).toBe(1);
    r.run(1);
    expect(r.state.phases[0]).toMatchObject({ endedAt: 2_210, endedBy: 'grace' });
  });

  it('[B7] a crashed traitor is not waited for', () => {
    const r = room(4, { traitorIds: ['n2'] });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(20);
    expect(r.state.step).toBe(2);
    r.core.changeFaults(r.now, { op: 'crash', nodes: ['n2'] });
    expect(r.state.step).toBe(3);
  });
});

describe('byzantine: decisions', () => {
  it('[B8] the phone suggests the majority of the tally; a tie is Retreat', () => {
    const r = room(3, { traitorIds: ['n3'] });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    r.act('n3', { type: 'send', values: { n2: 'retreat' } });
    r.run(10);
    expect(r.view('n2')).toMatchObject({
      phase: 'decide',
      tally: { attack: 1, retreat: 1, missing: 0 },
      suggested: 'retreat',
      canDecide: true,
    });
  });

  it('[B8] a loyal lieutenant may decide against its majority: it is recorded and flagged', () => {
    const r = room(4);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(20);
    expect(r.act('n2', { type: 'decide', value: 'retreat' })).toMatchObject({ ok: true });
    expect(r.act('n2', { type: 'decide', value: 'attack' })).toMatchObject({ ok: false, error: { code: 'already_decided' } });
    r.act('n3', { type: 'decide', value: 'attack' });
    r.act('n4', { type: 'decide', value: 'attack' });
    expect(r.running).toBe(false);
    const res = r.result();
    expect(res.lieutenants.n2).toMatchObject({ decision: 'retreat', majority: 'attack', againstMajority: true, decidedBy: 'node' });
    expect(res.flags).toContainEqual({
      code: 'byzantine.flag.against',
      params: { node: { node: 'n2' }, decision: 'retreat', majority: 'attack' },
    });
    expect(res.ic1).toBe(false);
  });

  it('[B8] at the end of the decision phase the undecided take their majority; a down lieutenant decides nothing', () => {
    const r = room(4);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(20);
    r.act('n2', { type: 'decide', value: 'attack' });
    r.core.changeFaults(r.now, { op: 'crash', nodes: ['n4'] });
    r.run(10_000);
    const res = r.result();
    expect(res.decisions).toEqual({ n2: 'attack', n3: 'attack' });
    expect(res.lieutenants.n3).toMatchObject({ decidedBy: 'timeout' });
    expect(res.lieutenants.n4).toMatchObject({ decision: null, crashed: true });
    expect(res).toMatchObject({ ic1: true, ic2: true, complete: true });
  });

  it('[B8] traitors and the commander do not decide, nor does anyone before the decision phase', () => {
    const r = room(4, { traitorIds: ['n2'] });
    expect(r.act('n3', { type: 'decide', value: 'attack' })).toMatchObject({ ok: false, error: { code: 'too_early' } });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    r.act('n2', { type: 'send', values: { n3: 'attack', n4: 'attack' } });
    r.run(10);
    expect(r.act('n2', { type: 'decide', value: 'attack' })).toMatchObject({ ok: false, error: { code: 'traitor' } });
    expect(r.act('n1', { type: 'decide', value: 'attack' })).toMatchObject({ ok: false, error: { code: 'not_lieutenant' } });
  });
});

describe('byzantine: outcome', () => {
  const play = (n: number, config: Record<string, unknown>) => {
    const r = new Room({ bots: n }).start({ commander: 'n1', phaseMs: 2_000, botDelayMs: 10, ...config });
    r.run(60_000);
    return r.result();
  };

  it('[B9] 3 generals, a lying lieutenant: IC2 fails, against a bound that fails', () => {
    const res = play(3, { traitorIds: ['n3'], order: 'attack', strategy: 'flip' });
    expect(res).toMatchObject({ ic1: true, ic2: false, decisions: { n2: 'retreat' }, order: 'attack', commanderLoyal: true });
    expect(res.bound).toMatchObject({ n: 3, f: 1, threeF: false, enoughGenerals: false, guaranteed: false });
    expect(res.verdict).toEqual({
      code: 'byzantine.verdict',
      params: { what: 'agreed', count: 1, value: 'retreat', attack: 0, retreat: 1, why: 'disobeyed', order: 'attack' },
    });
  });

  it('[B9] 4 generals, the same lie: IC1 and IC2 hold, and so does the bound', () => {
    const res = play(4, { traitorIds: ['n4'], order: 'attack', strategy: 'flip' });
    expect(res).toMatchObject({ ic1: true, ic2: true, decisions: { n2: 'attack', n3: 'attack' } });
    expect(res.bound).toMatchObject({ threeF: true, enoughGenerals: true, guaranteed: true });
    expect(res.verdict.params).toMatchObject({ what: 'agreed', count: 2, value: 'attack', why: 'followed' });
  });

  it('[B9] IC2 is null when the commander is a traitor', () => {
    const res = play(4, { traitorIds: ['n1'], strategy: 'split' });
    expect(res).toMatchObject({ commanderLoyal: false, ic2: null, order: null, orders: { n2: 'attack', n3: 'attack', n4: 'retreat' } });
    expect(res.ic1).toBe(true);
    expect(res.verdict.params).toMatchObject({ why: 'traitor' });
  });
});

describe('byzantine: OM(m) and SM(m)', () => {
  it('[B10] OM(m) sends a message along every path: (N−1) + (N−1)(N−2) + … in all', () => {
    for (const [n, m] of [
      [4, 1],
      [7, 2],
      [8, 3],
    ] as const) {
      const r = new Room({ bots: n }).start({ m, traitors: 0, phaseMs: 2_000, botDelayMs: 10 });
      r.run(60_000);
      expect(r.result().messages.sent).toBe(omMessages(n, m));
    }
  });

  it('[B10] two traitors, one of them the commander, among 7: OM(1) can be split, OM(2) cannot', () => {
    const failures = (m: number) => {
      let failed = 0;
      for (let seed = 1; seed <= 25; seed++) {
        const r = new Room({ bots: 7, seed }).start({
          commander: 'n1',
          traitorIds: ['n1', 'n2'],
          m,
          strategy: 'random',
          phaseMs: 2_000,
          botDelayMs: 10,
        });
        r.run(60_000);
        if (!r.result().ic1) failed++;
      }
      return failed;
    };
    expect(failures(1)).toBeGreaterThan(0);
    expect(failures(2)).toBe(0);
  });

  it('[B10] OM(2): a lieutenant decides on what it concludes each other lieutenant was told', () => {
    const r = new Room({ bots: 7 }).start({
      commander: 'n1',
      m: 2,
      traitorIds: ['n2', 'n3'],
      order: 'attack',
      strategy: 'flip',
      phaseMs: 2_000,
      botDelayMs: 10,
    });
    r.run(60_000);
    const res = r.result();
    expect(res.decisions).toEqual({ n4: 'attack', n5: 'attack', n6: 'attack', n7: 'attack' });
    // The two traitors told everyone Retreat, consistently: that is what OM(2) concludes they were told.
    expect(res.lieutenants.n4!.tally).toEqual({ attack: 4, retreat: 2, missing: 0 });
  });

  it('[B11] SM(1): a forged relay is detected and discarded, so 3 generals agree', () => {
    const r = new Room({ humans: 3 }).start({ commander: 'n1', traitorIds: ['n3'], signed: true, phaseMs: 10_000 });
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(10);
    r.act('n2', { type: 'relay', level: 2, values: { n3: ['attack'] } });
    expect(r.view('n3').relay).toMatchObject({ level: 2, recipients: ['n2'], due: { n2: ['attack'] }, signable: { n2: ['attack'] } });
    r.act('n3', { type: 'relay', level: 2, values: { n2: ['retreat'] } });
    r.run(10);
    expect(r.view('n2')).toMatchObject({ accepted: ['attack'], forged: 1, suggested: 'attack' });
    expect(r.view('n2').relays).toMatchObject([{ from: 'n3', value: 'retreat', path: ['n1', 'n3'], status: 'forged' }]);
    r.act('n2', { type: 'decide', value: 'attack' });
    expect(r.result()).toMatchObject({ ic1: true, ic2: true });
  });

  it('[B11] SM(1): a commander that orders both values is caught out: its lieutenants both retreat', () => {
    const r = new Room({ bots: 3 }).start({
      commander: 'n1',
      traitorIds: ['n1'],
      signed: true,
      strategy: 'split',
      phaseMs: 2_000,
      botDelayMs: 10,
    });
    r.run(60_000);
    const res = r.result();
    expect(res.orders).toEqual({ n2: 'attack', n3: 'retreat' });
    expect(res.lieutenants.n2!.accepted).toEqual(['attack', 'retreat']);
    expect(res.decisions).toEqual({ n2: 'retreat', n3: 'retreat' });
  });
});

describe('byzantine: bots', () => {
  it('[B12] flip says the opposite, split tells the first half Attack, random is seeded', () => {
    const to = ['a', 'b', 'c', 'd', 'e'];
    expect(chooseValues('flip', 'attack', to, createRng(1))).toEqual({
      a: 'retreat',
      b: 'retreat',
      c: 'retreat',
      d: 'retreat',
      e: 'retreat',
    });
    expect(chooseValues('split', 'retreat', to, createRng(1))).toEqual({
      a: 'attack',
      b: 'attack',
      c: 'attack',
      d: 'retreat',
      e: 'retreat',
    });
    const x = chooseValues('random', 'attack', to, createRng(7));
    expect(chooseValues('random', 'attack', to, createRng(7))).toEqual(x);
    const seen = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(chooseValues('random', 'attack', to, createRng(i)))));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('[B12] the majority of a tie is Retreat', () => {
    expect(majority(['attack', 'retreat'])).toBe('retreat');
    expect(majority(['attack', 'attack', 'retreat'])).toBe('attack');
    expect(majority([])).toBe('retreat');
  });

  it('[B12] a loyal human on autopilot confirms its majority', () => {
    const r = room(4);
    r.core.setAutopilot(r.now, 'n3', true);
    r.act('n1', { type: 'order', value: 'attack' });
    r.run(20);
    expect(r.view('n3').decision).toBeNull();
    r.run(200);
    expect(r.view('n3')).toMatchObject({ decision: 'attack', decidedBy: 'node' });
  });

  it('[B4] [B12] loyal bots and autopilots press Send with what they were told, at every level of OM(2), so no phase waits for its timer', () => {
    const r = new Room({ bots: 7, seed: 3 }).start({ m: 2, traitors: 2, strategy: 'flip', phaseMs: 60_000, botDelayMs: 100 });
    r.run(30_000);
    expect(r.running).toBe(false);
    const s = r.result();
    expect(s.phases.filter((p) => p.endedBy !== null && p.endedBy !== 'all-done')).toEqual([]);
    const loyal = r.core.state.lastRound!.engineState as typeof r.state;
    for (const m of loyal.messages) {
      const sender = loyal.nodes[m.from]!;
      if (sender.traitor || m.level === 1) continue;
      // What a loyal general sent is what it held for the path it passed on.
      expect(m.value, JSON.stringify(m)).toBe(sender.held[m.path.slice(0, -1).join('>')]?.value);
    }
  });
});

describe('byzantine: limits', () => {
  it('[B13] OM(m) that would send too many messages is played with a smaller m', () => {
    expect(feasibleM(10, 3)).toBe(3);
    expect(feasibleM(20, 3)).toBe(2);
    const s = init(20, { m: 3 });
    expect(s.m).toBe(2);
    expect(s.notes).toContainEqual({ code: 'byzantine.note.m_reduced', params: expect.objectContaining({ asked: 3, m: 2 }) });
  });

  it('[B13] beyond maxGenerals the other nodes watch, and named nodes play', () => {
    const s = init(12, { maxGenerals: 5, commander: 'n12', traitorIds: ['n11'] });
    expect(s.generals).toHaveLength(5);
    expect(s.generals).toContain('n12');
    expect(s.generals).toContain('n11');
    expect(s.observers).toBe(7);
    const watcher = nodes(12).find((n) => !s.generals.includes(n))!;
    expect(byzantine.view(s, watcher)).toMatchObject({ role: 'observer', traitor: false, relays: [] });
  });
});

describe('byzantine: refusals', () => {
  it('[B14] every refusal is a clear error and changes nothing', () => {
    const r = room(4, { traitorIds: ['n2'] });
    const before = r.events.length;
    const snapshot = structuredClone(r.state);
    const refusals: [string, unknown, string][] = [
      ['n2', { type: 'order', value: 'attack' }, 'not_commander'],
      ['n1', { type: 'order', value: 'charge' }, 'bad_action'],
      ['n1', { type: 'send', values: {} }, 'bad_action'],
      ['n1', { type: 'send', values: { n4: 'attack' } }, 'loyal'],
      ['n3', { type: 'send', values: { n4: 'attack' } }, 'no_order_yet'],
      ['n2', { type: 'send', values: { n3: 'attack' }, path: ['n1', 'n4'] }, 'bad_path'],
      ['n2', { type: 'send', values: { n3: 'attack' }, level: 2 }, 'bad_action'],
      ['n2', { type: 'relay', level: 2, values: { n3: ['attack'] } }, 'bad_level'],
      ['n2', { type: 'relay', level: 2, values: { n3: ['attack', 'attack'] } }, 'bad_action'],
      ['n3', { type: 'decide', value: 'attack' }, 'too_early'],
    ];
    for (const [node, action, code] of refusals) {
      const res = r.act(node, action);
      expect(res, JSON.stringify(action)).toMatchObject({ ok: false, error: { code } });
      // The client words it from the code (error.byzantine.<code>); the message names it for programs
      // (a schema's refusal, bad_action, says what the schema found).
      if (!res.ok && code !== 'bad_action') expect(res.error.message).toContain(code);
    }
    expect(r.events.length).toBe(before);
    expect(r.state).toEqual(snapshot);
  });

  it('[B14] a watcher cannot act; nobody acts once the generals have decided', () => {
    const s = init(6, { maxGenerals: 4, commander: 'n1' });
    const watcher = nodes(6).find((n) => !s.generals.includes(n))!;
    const ctx = { now: 0, nodes: nodes(6), faults: defaultFaults(), isDown: () => false };
    expect(byzantine.check(s, watcher, { type: 'order', value: 'attack' }, ctx)).toMatchObject({ code: 'not_general' });
    s.step = s.m + 3;
    expect(byzantine.check(s, 'n1', { type: 'order', value: 'attack' }, ctx)).toMatchObject({ code: 'round_over' });
  });
});
