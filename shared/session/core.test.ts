import { describe, expect, it } from 'vitest';
import { POST_GAMES as GAMES, type PostView } from '../../test/support/postGame';
import type { SessionEvent } from '../protocol/recordingFormat';
import { SessionCore } from './core';
import { fold } from './fold';
import { makeHeader } from './header';
import { nodeView } from './views';

/** A session on virtual time whose recording is kept in memory. */
function session(opts: Parameters<typeof makeHeader>[0] = {}) {
  const events: SessionEvent[] = [];
  const header = makeHeader(opts);
  const core = SessionCore.create(header, GAMES, (e) => events.push(structuredClone(e)));
  let now = 0;
  const runUntil = (t: number) => {
    for (let at = core.nextWakeAt(); at !== null && at <= t; at = core.nextWakeAt()) {
      now = at;
      core.advance(at);
    }
    now = t;
  };
  return { core, events, header, runUntil, now: () => now };
}

const inbox = (core: SessionCore, node: string) => (nodeView(core.state, node, GAMES)!.game as PostView).inbox;

describe('session core', () => {
  it('joins nodes with ids in join order and refuses a taken nickname, ignoring case', () => {
    const { core } = session();
    expect(core.join(0, 'Ada')).toEqual({ ok: true, data: { node: 'n1' } });
    expect(core.join(0, '  Grace  ')).toEqual({ ok: true, data: { node: 'n2' } });
    expect(core.join(0, 'ada')).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    expect(core.join(0, '')).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
    expect(core.join(0, 'x'.repeat(21))).toMatchObject({ ok: false, error: { code: 'nickname_too_long', params: { max: 20 } } });
    expect(core.join(0, '\u202e')).toMatchObject({ ok: false, error: { code: 'nickname_invalid', params: { problem: 'empty' } } });
    // NFC before the uniqueness check: "Zoë" typed two ways is one name.
    expect(core.join(0, 'Zo\u00eb')).toMatchObject({ ok: true });
    expect(core.join(0, 'zoe\u0308')).toMatchObject({ ok: false, error: { code: 'nickname_taken', params: { nickname: 'zo\u00eb' } } });
    expect(core.state.nodes.n2!.nickname).toBe('Grace');
  });

  it('refuses joins when full, locked or ended', () => {
    const { core } = session({ capacity: 2 });
    core.join(0, 'a');
    core.join(0, 'b');
    expect(core.join(0, 'c')).toMatchObject({ ok: false, error: { code: 'room_full' } });
    core.kick(0, 'n1');
    core.lock(0, true);
    expect(core.join(0, 'c')).toMatchObject({ ok: false, error: { code: 'room_locked' } });
    core.lock(0, false);
    expect(core.join(0, 'a')).toMatchObject({ ok: true });
    core.end(0);
    expect(core.join(0, 'd')).toMatchObject({ ok: false, error: { code: 'room_ended' } });
  });

  it("a change of the room's lock or language reaches every view, and gives no bot a turn (no game view changed)", () => {
    const { core, runUntil } = session();
    core.join(0, 'a');
    core.addBots(0, 3);
    expect(core.startRound(0, 'post', {})).toMatchObject({ ok: true });
    // The bots take the turns the round's start gave them; none is queued now.
    runUntil(60_000);
    core.takeChanges();
    const due = core.nextWakeAt();
    core.lock(60_000, true);
    expect(core.takeChanges().all).toBe(true);
    core.setLanguage(60_000, 'fr');
    expect(core.takeChanges().all).toBe(true);
    expect(core.nextWakeAt()).toBe(due);
    // Asked for the state it already has, it changes nothing.
    core.lock(60_000, true);
    expect(core.takeChanges()).toEqual({ all: false, nodes: new Set() });
  });

  it("records the room's language for every phone, the console and a replay (a change only, never twice)", () => {
    const { core, events, header } = session();
    core.join(0, 'a');
    expect(nodeView(core.state, 'n1', GAMES)!.room.language).toBeNull();
    core.setLanguage(5, 'fr');
    core.setLanguage(6, 'fr');
    expect(events.filter((e) => e.type === 'room:language')).toEqual([
      { seq: expect.any(Number), t: 5, type: 'room:language', language: 'fr' },
    ]);
    expect(nodeView(core.state, 'n1', GAMES)!.room.language).toBe('fr');
    core.setLanguage(7, null);
    expect(nodeView(core.state, 'n1', GAMES)!.room.language).toBeNull();
    // The replay folds it like any event: the room's language at each instant.
    expect(fold(header, events.slice(0, -1), GAMES).language).toBe('fr');
  });

  it('delivers a message after the latency, with Lamport clocks (vector clocks are the replay’s)', () => {
    const { core, runUntil, header, events } = session();
    core.join(0, 'a');
    core.join(0, 'b');
    core.changeFaults(0, { op: 'latency', base: 100, jitter: 0 });
    expect(core.startRound(0, 'post')).toMatchObject({ ok: true });
    expect(core.act(10, 'n1', { type: 'send', to: ['n2'], text: 'hello' })).toEqual({ ok: true, data: null });
    runUntil(109);
    expect(inbox(core, 'n2')).toHaveLength(0);
    runUntil(110);
    expect(inbox(core, 'n2')).toMatchObject([{ from: 'n1', text: 'hello', receivedAt: 110, lamport: 1 }]);
    // The live room keeps no vector clocks (O(room) per message); the replay's fold derives them.
    expect(core.state.clocks.n2).toEqual({ lamport: 2, vector: {} });
    expect(fold(header, events, GAMES, { vectors: true }).clocks.n2).toEqual({ lamport: 2, vector: { n1: 1, n2: 1 } });
  });

  it('rejects a bad action with an error and records nothing', () => {
    const { core, events } = session();
    core.join(0, 'a');
    core.join(0, 'b');
    core.startRound(0, 'post');
    const before = events.length;
    expect(core.act(0, 'n1', { type: 'send', to: ['n1'], text: 'me' })).toMatchObject({ ok: false, error: { code: 'bad_recipient' } });
    expect(core.act(0, 'n1', { type: 'send', to: ['n2'], text: '' })).toMatchObject({ ok: false, error: { code: 'bad_action' } });
    expect(core.act(0, 'n1', { nonsense: true })).toMatchObject({ ok: false, error: { code: 'bad_action' } });
    expect(core.act(0, 'n9', { type: 'send', to: ['n2'], text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    expect(events.length).toBe(before);
  });

  it('drops across a partition, also for a message already in flight when the cut is made', () => {
    const { core, events, runUntil } = session();
    core.join(0, 'a');
    core.join(0, 'b');
    core.changeFaults(0, { op: 'latency', base: 100, jitter: 0 });
    core.startRound(0, 'post');
    core.act(0, 'n1', { type: 'send', to: ['n2'], text: 'in flight' });
    core.changeFaults(50, { op: 'split', groups: [['n1'], ['n2']] });
    core.act(60, 'n1', { type: 'send', to: ['n2'], text: 'after the cut' });
    runUntil(1000);
    expect(inbox(core, 'n2')).toHaveLength(0);
    const drops = events.filter((e) => e.type === 'envelope:dropped' || (e.type === 'envelope:sent' && 'drop' in e));
    expect(drops.map((e) => ('reason' in e ? e.reason : 'drop' in e ? e.drop : null))).toEqual(['partition', 'partition']);
    expect(core.state.round!.net.dropped.partition).toBe(2);
  });

  it('freezes the network while paused: messages wait, nothing is lost', () => {
    const { core, runUntil } = session();
    core.join(0, 'a');
    core.join(0, 'b');
    core.changeFaults(0, { op: 'latency', base: 100, jitter: 0 });
    core.startRound(0, 'post');
    core.act(0, 'n1', { type: 'send', to: ['n2'], text: 'wait' });
    core.pause(50);
    runUntil(5000);
    expect(inbox(core, 'n2')).toHaveLength(0);
    core.resume(5000);
    runUntil(5049);
    expect(inbox(core, 'n2')).toHaveLength(0);
    runUntil(5050);
    expect(inbox(core, 'n2')).toMatchObject([{ text: 'wait', receivedAt: 5050 }]);
  });

  it('keeps timers right across a pause: they fire later by the paused time', () => {
    const { core, events, header, runUntil } = session();
    core.addBots(0, 2);
    core.startRound(0, 'post', { tickMs: 1000, botDelayMs: 0 });
    runUntil(2500);
    core.pause(2500);
    runUntil(10_000);
    core.resume(10_000);
    runUntil(13_000);
    const fired = events.filter((e) => e.type === 'timer:fired').map((e) => e.t);
    expect(fired).toEqual([1000, 2000, 10_500, 11_500, 12_500]);
    expect(fold(header, events, GAMES)).toEqual(core.state);
  });

  it('lets bots answer through the network, and the fold of the recording equals the live state', () => {
    const { core, events, header, runUntil } = session({ seed: 9 });
    core.join(0, 'human');
    core.addBots(0, 3);
    core.changeFaults(0, { op: 'latency', base: 20, jitter: 80 });
    core.changeFaults(0, { op: 'loss', rate: 0.2 });
    core.changeFaults(0, { op: 'dup', rate: 0.2 });
    core.startRound(0, 'post', { botDelayMs: 50 });
    for (let i = 0; i < 20; i++) core.act(i * 30, 'n1', { type: 'send', to: ['n2', 'n3', 'n4'], text: `m${i}` });
    runUntil(5000);
    const echoes = inbox(core, 'n1').filter((m) => m.text.startsWith('echo: '));
    expect(echoes.length).toBeGreaterThan(10);
    expect(fold(header, events, GAMES)).toEqual(core.state);
  });

  it('restores from its recording: what was in flight arrives and timers fire after the restart', () => {
    const { core, events, header } = session();
    core.join(0, 'a');
    core.join(0, 'b');
    core.changeFaults(0, { op: 'latency', base: 1000, jitter: 0 });
    core.startRound(0, 'post', { tickMs: 5000 });
    core.act(100, 'n1', { type: 'send', to: ['n2'], text: 'survives a restart' });
    // The server dies at 500 ms; a new one folds the log and carries on.
    const restored = SessionCore.restore(fold(header, events, GAMES), GAMES, (e) => events.push(structuredClone(e)));
    for (let at = restored.nextWakeAt(); at !== null && at <= 6000; at = restored.nextWakeAt()) restored.advance(at);
    expect(inbox(restored, 'n2')).toMatchObject([{ text: 'survives a restart', receivedAt: 1100 }]);
    expect(events.filter((e) => e.type === 'timer:fired').map((e) => e.t)).toEqual([5000]);
    expect(fold(header, events, GAMES)).toEqual(restored.state);
  });

  it('is deterministic: the same seed and inputs give the same recording', () => {
    const run = () => {
      const { core, events, runUntil } = session({ seed: 5 });
      core.addBots(0, 4);
      core.changeFaults(0, { op: 'latency', base: 10, jitter: 90 });
      core.changeFaults(0, { op: 'loss', rate: 0.1 });
      core.startRound(0, 'post', { botDelayMs: 10 });
      core.act(0, 'n1', { type: 'send', to: ['n2', 'n3', 'n4'], text: 'go' });
      runUntil(2000);
      return events;
    };
    expect(run()).toEqual(run());
  });
});
