import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fold, step } from '../session/fold';
import type { RecordingHeader, SessionEvent } from '../protocol/recordingFormat';
import { createSessionState } from '../session/state';
import { asLive } from '../../test/support/clocks';
import { EventEncoder, parseRecording, RecordingError, serializeHeader } from '../session/recording';
import { consoleSnapshot } from '../session/views';
import { MSG, RecordingIndex, ReplayError } from './recordingIndex';
import { ReplayFold } from './replayFold';
import { SHIVIZ_PREAMBLE, SHIVIZ_REGEX, shivizHosts, shivizLines, toShiViz } from './shiviz';
import { synthesize } from '../../test/support/synthetic';
import { GAMES } from '../../test/support/games';

const SEED = Number(process.env.REPLAY_SEED ?? 11);

/** The replay's own fold: with vector clocks (a live room keeps none: SessionState.vectors). */
const replayed = (header: RecordingHeader, events: SessionEvent[]) => fold(header, events, GAMES, { vectors: true });

describe('the recording index', () => {
  const rec = synthesize({ events: 3_000, nodes: 6, loss: 0.1, dup: 0.1, splitEveryMs: 400, pauseAt: 700, seed: SEED });
  const parsed = parseRecording(rec.text);
  const index = RecordingIndex.from(parsed, GAMES);

  it('has one row per envelope copy whose outcomes add up to the network figures of the fold', () => {
    const m = index.messages;
    const count = (s: number) => m.status.slice(0, m.count).filter((x) => x === s).length;
    expect(count(MSG.delivered)).toBe(rec.state.net.delivered);
    const dropped = count(MSG.droppedAtSend) + count(MSG.droppedInFlight);
    const { crashed, partition, loss } = rec.state.net.dropped;
    expect(dropped).toBe(crashed + partition + loss);
    expect(m.count).toBe(rec.state.net.sent + rec.state.net.duplicated);
    expect(partition).toBeGreaterThan(0);
    expect(loss).toBeGreaterThan(0);
    for (let k = 1; k < m.count; k++) expect(m.sendT[k]).toBeGreaterThanOrEqual(m.sendT[k - 1]!);
    for (let k = 0; k < m.count; k++) expect(m.endT[k]! - m.sendT[k]!).toBeLessThanOrEqual(m.maxSpan);
    expect(index.drops.length).toBe(dropped);
  });

  it('lists rounds, fault changes (with the initial network) and lanes in join order', () => {
    expect(index.rounds.length).toBeGreaterThan(0);
    expect(index.rounds[0]).toMatchObject({ game: 'sandbox', index: 1 });
    expect(index.faults[0]).toMatchObject({ idx: -1, text: 'initial network' });
    expect(index.faults.some((f) => f.text.toLowerCase().includes('split'))).toBe(true);
    expect(index.nodes.map((n) => n.lane)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(index.countAt(-1)).toBe(0);
    expect(index.countAt(index.duration)).toBe(index.count);
    expect(index.summary()).toMatchObject({ events: index.count, games: ['sandbox'], nodes: 6, torn: false });
  });

  it('refuses a recording with a game this version does not know, clearly', () => {
    const lines = rec.text.split('\n');
    const at = lines.findIndex((l) => l.includes('"round:started"'));
    lines[at] = lines[at]!.replace('"game":"sandbox"', '"game":"chess"');
    expect(() => RecordingIndex.from(parseRecording(lines.join('\n')), GAMES)).toThrow(ReplayError);
    expect(() => RecordingIndex.from(parseRecording(lines.join('\n')), GAMES)).toThrow(/"chess"/);
  });

  it('opens a recording with a torn last line with everything before it', () => {
    const cut = rec.text.slice(0, rec.text.length - 20);
    const torn = RecordingIndex.from(parseRecording(cut), GAMES);
    expect(torn.torn).toBe(true);
    expect(torn.count).toBe(index.count - 1);
    expect(() => parseRecording(serializeHeader({ ...parsed.header, version: 3 }))).toThrow(RecordingError);
  });
});

describe('the replay fold', () => {
  const rec = synthesize({ events: 4_000, nodes: 5, loss: 0.15, dup: 0.05, splitEveryMs: 500, seed: SEED + 1 });
  const { header, events } = parseRecording(rec.text);

  it("ends in the live core's final state", () => {
    const replay = new ReplayFold(header, events, GAMES, 100);
    expect(asLive(replay.after(events.length))).toEqual(rec.state);
    expect(fold(header, events, GAMES)).toEqual(rec.state);
  });

  it('gives the fold of the first n events for any n, scrubbing back and forth in any order', () => {
    const replay = new ReplayFold(header, events, GAMES, 97);
    expect(structuredClone(replay.probe(500))).toEqual(replayed(header, events.slice(0, 500)));
    const rng = createRng(SEED);
    const points = [0, 1, events.length, 96, 97, 98, ...Array.from({ length: 25 }, () => rng.int(events.length + 1))];
    for (const n of points) {
      const got = structuredClone(replay.after(n));
      expect(got, `after ${n} events (seed ${SEED})`).toEqual(replayed(header, events.slice(0, n)));
    }
  });

  it('builds every checkpoint in slices, and states stay the same after', () => {
    const replay = new ReplayFold(header, events, GAMES, 200);
    let slices = 0;
    while (!replay.build(() => true)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(replay.complete).toBe(true);
    expect(replay.folded).toBe(Math.floor(events.length / 200) * 200);
    const n = Math.floor(events.length / 3);
    expect(consoleSnapshot(replay.after(n), GAMES)).toEqual(consoleSnapshot(fold(header, events.slice(0, n), GAMES), GAMES));
    expect(asLive(replay.after(events.length))).toEqual(rec.state);
  });

  it('stops before an event it cannot apply and says which', () => {
    const broken = events.map((e) => (e.type === 'round:started' ? { ...e, round: { ...e.round, game: 'chess' } } : e));
    const replay = new ReplayFold(header, broken, GAMES, 50);
    replay.after(broken.length);
    expect(replay.failure?.message).toMatch(/could not be replayed/);
    expect(replay.failure?.index).toBe(broken.findIndex((e) => e.type === 'round:started'));
  });
});

describe('the ShiViz export', () => {
  const rec = synthesize({ events: 2_500, nodes: 4, loss: 0.1, dup: 0.1, splitEveryMs: 300, seed: SEED + 2 });
  const { header, events } = parseRecording(rec.text);
  const text = toShiViz(header, events, GAMES);
  // The first two lines are for ShiViz's "Select a file": the expression, then no delimiter.
  const lines = text.trimEnd().split('\n').slice(SHIVIZ_PREAMBLE.length);
  const regex = new RegExp(`^${SHIVIZ_REGEX}$`);

  it('starts with the parsing expression and an empty delimiter line', () => {
    expect(text.split('\n').slice(0, 2)).toEqual([SHIVIZ_REGEX, '']);
  });

  it('writes one line per send and per delivery, each matching the regular expression given to ShiViz', () => {
    const sends = events.filter((e) => e.type === 'envelope:sent').length;
    const deliveries = events.filter((e) => e.type === 'envelope:delivered').length;
    expect(lines).toHaveLength(sends + deliveries);
    for (const line of lines) expect(line).toMatch(regex);
    expect(lines.some((l) => l.includes('dropped: partition'))).toBe(true);
  });

  it('has clocks ShiViz accepts: each host ticks its own entry by one per line, a receive follows its send', () => {
    const last = new Map<string, number>();
    const sentClock = new Map<string, Record<string, number>>();
    for (const line of lines) {
      const g = regex.exec(line)!.groups!;
      const clock = JSON.parse(g.clock!) as Record<string, number>;
      expect(clock[g.host!]).toBe((last.get(g.host!) ?? 0) + 1);
      last.set(g.host!, clock[g.host!]!);
      const [verb, id] = g.event!.split(' ');
      if (verb === 'send') sentClock.set(id!, clock);
      else {
        const sent = sentClock.get(id!)!;
        for (const [h, v] of Object.entries(sent)) expect(clock[h] ?? 0).toBeGreaterThanOrEqual(v);
      }
    }
  });

  it('agrees with the clocks the fold leaves on every node', () => {
    const hosts = shivizHosts(events);
    const final = new Map<string, string>();
    for (const line of lines) {
      const g = regex.exec(line)!.groups!;
      final.set(g.host!, g.clock!);
    }
    for (const [id, clock] of Object.entries(replayed(header, events).clocks)) {
      if (!clock.lamport) continue;
      const named = Object.fromEntries(Object.entries(clock.vector).map(([n, v]) => [hosts.get(n), v]));
      expect(JSON.parse(final.get(hosts.get(id)!)!)).toEqual(named);
    }
  });

  it('names hosts from nicknames ShiViz can read, unique, and refuses a recording without vector clocks', () => {
    const joined = [
      { seq: 1, t: 0, type: 'node:joined' as const, node: 'n1', nickname: 'Zoë Q', kind: 'human' as const },
      { seq: 2, t: 0, type: 'node:joined' as const, node: 'n2', nickname: 'zoe-q', kind: 'human' as const },
      { seq: 3, t: 0, type: 'node:joined' as const, node: 'n3', nickname: '✨', kind: 'human' as const },
    ];
    expect([...shivizHosts(joined).values()]).toEqual(['Zoe_Q', 'zoe_q_n2', 'n3']);
    expect(() => [...shivizLines({ ...header, vectorClocks: false }, events, GAMES)]).toThrow(ReplayError);
  });
});

describe('vector clocks', () => {
  it('the replay shows, after every event of a live recording, the clocks of the textbook algorithm (Fidge, Mattern 1988)', () => {
    // A session recorded by the live core (which keeps no vector clocks), with loss, duplicates and cuts.
    const rec = synthesize({ events: 3_000, nodes: 6, loss: 0.1, dup: 0.1, splitEveryMs: 300, seed: SEED + 5 });
    const { header, events } = parseRecording(rec.text);
    // The reference: each send ticks the sender's own entry and carries a copy; each delivered
    // copy merges it into the receiver's clock by pointwise maximum, then ticks the receiver's own
    // entry. Lamport: a send ticks, a receive takes the maximum plus one.
    const vector = new Map<string, Record<string, number>>();
    const lamport = new Map<string, number>();
    const stamps = new Map<string, { to: string; lamport: number; vector: Record<string, number> }>();
    const state = createSessionState(header, { vectors: true });
    const replay = new ReplayFold(header, events, GAMES, 250);
    let compared = 0;
    for (const [k, e] of events.entries()) {
      if (e.type === 'node:joined') {
        vector.set(e.node, {});
        lamport.set(e.node, 0);
      } else if (e.type === 'envelope:sent') {
        const v = vector.get(e.env.from)!;
        v[e.env.from] = (v[e.env.from] ?? 0) + 1;
        lamport.set(e.env.from, lamport.get(e.env.from)! + 1);
        stamps.set(e.env.id, { to: e.env.to, lamport: lamport.get(e.env.from)!, vector: { ...v } });
      } else if (e.type === 'envelope:delivered') {
        const stamp = stamps.get(e.id)!;
        const node = stamp.to;
        const v = vector.get(node)!;
        for (const [n, c] of Object.entries(stamp.vector)) v[n] = Math.max(v[n] ?? 0, c);
        v[node] = (v[node] ?? 0) + 1;
        lamport.set(node, Math.max(lamport.get(node)!, stamp.lamport) + 1);
      }
      step(state, e, GAMES);
      if (e.type !== 'envelope:sent' && e.type !== 'envelope:delivered') continue;
      compared++;
      for (const [node, v] of vector) expect(state.clocks[node], `after event ${e.seq}`).toEqual({ lamport: lamport.get(node), vector: v });
      // What the viewer reads: the replay fold's state at that event.
      if (k % 97 === 0) expect(replay.probe(k + 1).clocks).toEqual(state.clocks);
    }
    expect(compared).toBeGreaterThan(1_000);
    // The live room kept the same Lamport clocks, and no vectors.
    for (const [node, l] of lamport) expect(rec.state.clocks[node]).toEqual({ lamport: l, vector: {} });
  });
});

describe('every registered game', () => {
  for (const game of GAMES.keys()) {
    it(`${game}: the replay of a recording with cuts, loss and duplicates ends in the live state, and halfway matches the fold`, () => {
      const rec = synthesize({ game, events: 1_500, nodes: 5, loss: 0.1, dup: 0.05, splitEveryMs: 700, seed: SEED });
      const { header, events } = parseRecording(rec.text);
      const index = RecordingIndex.from({ header, events, torn: false }, GAMES);
      expect(index.rounds.every((r) => r.game === game)).toBe(true);
      const replay = new ReplayFold(header, events, GAMES);
      expect(asLive(replay.after(events.length))).toEqual(rec.state);
      const half = Math.floor(events.length / 2);
      expect(structuredClone(replay.after(half))).toEqual(replayed(header, events.slice(0, half)));
      expect(toShiViz(header, events, GAMES).split('\n').length).toBeGreaterThan(1);
    });
  }
});

describe('synthetic recordings', () => {
  it("read back through the recorder's own format", () => {
    const rec = synthesize({ events: 300, seed: SEED });
    const encoder = new EventEncoder();
    const again = rec.events.map((e) => encoder.encode(e)).join('');
    expect(rec.text.endsWith(again)).toBe(true);
  });
});

describe('reaching a far point in slices', () => {
  it('gets there over several calls when each may only take a little, and ends in the same state', () => {
    const rec = synthesize({ events: 3_000, nodes: 5, loss: 0.1, splitEveryMs: 400, seed: SEED + 3 });
    const { header, events } = parseRecording(rec.text);
    const replay = new ReplayFold(header, events, GAMES, 100);
    let calls = 0;
    let state = replay.reach(events.length, () => true);
    while (!state) {
      calls++;
      state = replay.reach(events.length, () => true);
    }
    expect(calls).toBeGreaterThan(5);
    expect(state && asLive(state)).toEqual(rec.state);
    // Back to an early point: one call, from a checkpoint the trip made.
    expect(structuredClone(replay.reach(1_234, () => true))).toEqual(replayed(header, events.slice(0, 1_234)));
  });
});

describe('checkpoints within a memory budget', () => {
  it('thins checkpoints out when they would take too much memory, and states stay right', () => {
    const rec = synthesize({ events: 4_000, nodes: 6, loss: 0.1, splitEveryMs: 400, seed: SEED + 4 });
    const { header, events } = parseRecording(rec.text);
    const replay = new ReplayFold(header, events, GAMES, { every: 100, budgetChars: 200_000 });
    while (!replay.build(() => true));
    expect(replay.every).toBeGreaterThan(100);
    expect(replay.complete).toBe(true);
    for (const n of [0, 777, 2_000, 3_999, events.length]) {
      expect(structuredClone(replay.after(n)), `after ${n}`).toEqual(replayed(header, events.slice(0, n)));
    }
  });
});
