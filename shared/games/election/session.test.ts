// The election driven through the real session core on virtual time: the network model, timers,
// bots and the recording, as in a live room.

import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../protocol/recordingFormat';
import { SessionCore } from '../../session/core';
import { fold } from '../../session/fold';
import { makeHeader } from '../../session/header';
import { nodeView } from '../../session/views';
import type { ElectionResult } from './analysis';
import { election } from './engine';
import { timeoutKey } from './step';
import type { ElectionState } from './state';
import type { ElectionConsoleView } from './console';
import type { ElectionView } from './view';
import { GAMES } from '../../../test/support/games';

function session(seed: number) {
  const events: SessionEvent[] = [];
  const header = makeHeader({ seed });
  const core = SessionCore.create(header, GAMES, (e) => events.push(structuredClone(e)));
  const runUntil = (t: number) => {
    for (let at = core.nextWakeAt(); at !== null && at <= t; at = core.nextWakeAt()) core.advance(at);
  };
  const game = () => core.state.round!.engineState as ElectionState;
  const view = (node: string) => nodeView(core.state, node, GAMES)!.game as ElectionView;
  return { core, events, header, runUntil, game, view };
}

const committedPrefix = (s: ElectionState, node: string) =>
  s.node[node]!.log.slice(0, s.node[node]!.commitIndex).map((e) => `${e.term}:${e.value}`);

describe('election: a live session', () => {
  it('[E13][E15] a 3|2 split isolating the leader: the majority elects and commits, the minority cannot; after the heal one leader remains', () => {
    const { core, events, header, runUntil, game } = session(11);
    core.addBots(0, 5);
    core.changeFaults(0, { op: 'latency', base: 5, jitter: 5 });
    expect(core.startRound(0, 'election', { pace: 'fast' })).toMatchObject({ ok: true });
    runUntil(1000);
    const old = election.leader!(game())!;
    expect(old).not.toBeNull();
    const oldTerm = game().node[old]!.term;
    expect(game().committed).toHaveLength(1);

    const nodes = core.state.round!.spec.nodes;
    const minority = [old, nodes.find((n) => n !== old)!];
    const majority = nodes.filter((n) => !minority.includes(n));
    core.changeFaults(1000, { op: 'split', groups: [majority, minority] });
    expect(core.act(1000, old, { type: 'propose', value: 'Minority Pizza' })).toEqual({ ok: true, data: null });
    runUntil(3000);

    const fresh = election.leader!(game())!;
    expect(majority).toContain(fresh);
    expect(game().node[fresh]!.term).toBeGreaterThan(oldTerm);
    expect(game().node[old]).toMatchObject({ role: 'leader', term: oldTerm, commitIndex: 1 });
    expect(game().committed.map((c) => c.value)).not.toContain('Minority Pizza');
    expect(game().committed).toHaveLength(2);
    const cv = election.consoleView(game()) as ElectionConsoleView;
    expect(cv.staleLeaders.map((s) => s.node)).toEqual([old]);
    expect(cv.leader?.node).toBe(fresh);

    core.changeFaults(3000, { op: 'heal' });
    runUntil(5000);
    expect(game().leaders).toHaveLength(1);
    expect(game().leaders).not.toContain(old);
    expect(game().node[old]!.role).toBe('follower');
    const committed = game().committed.map((c) => `${c.term}:${c.value}`);
    for (const n of nodes) {
      expect(committedPrefix(game(), n)).toEqual(committed.slice(0, game().node[n]!.commitIndex));
      expect(game().node[n]!.log.map((e) => e.value)).not.toContain('Minority Pizza');
    }
    const result = core.endRound(5000).ok ? (core.state.rounds.at(-1)!.result as ElectionResult) : null;
    expect(result).toMatchObject({ maxLeadersPerTerm: 1, safety: { ok: true }, stale: { count: 1 } });
    expect(result!.stale.periods[0]).toMatchObject({ node: old, from: 1000 });
    expect(fold(header, events, GAMES)).toEqual(core.state);
  });

  it("[E3] a person's node waits for the tap when its timer runs out; on autopilot it stands by itself", () => {
    const { core, events, header, runUntil, game, view } = session(5);
    core.join(0, 'Ada');
    core.addBots(0, 4);
    core.startRound(0, 'election', { pace: 'fast' });
    // A vote request to the person waits for an answer...
    let t = 0;
    while (view('n1').pendingVotes.length === 0 && t < 1000) {
      t += 1;
      runUntil(t);
    }
    expect(view('n1').pendingVotes.length).toBeGreaterThan(0);
    // ...the bots elect a leader without it, and the leader's heartbeat closes the request.
    runUntil(1000);
    const leader = election.leader!(game());
    expect(leader).not.toBe('n1');
    expect(leader).not.toBeNull();
    expect(view('n1').pendingVotes).toEqual([]);

    core.changeFaults(1000, { op: 'isolate', nodes: ['n1'] });
    runUntil(2000);
    expect(view('n1')).toMatchObject({ role: 'follower', canStand: true, timer: { expired: true } });
    expect(nodeView(core.state, 'n1', GAMES)!.timers[timeoutKey('n1')]).toBeUndefined();
    const term = view('n1').term;
    expect(core.act(2000, 'n1', { type: 'stand' })).toEqual({ ok: true, data: null });
    expect(view('n1')).toMatchObject({ role: 'candidate', term: term + 1 });
    expect(nodeView(core.state, 'n1', GAMES)!.timers[timeoutKey('n1')]).toBeGreaterThan(2000);

    core.setAutopilot(2000, 'n1', true);
    runUntil(3000);
    expect(view('n1').term).toBeGreaterThan(term + 2);
    expect(fold(header, events, GAMES)).toEqual(core.state);
  });

  it("[E4] the server refuses a person's second Grant in a term and says why", () => {
    const { core, runUntil, view } = session(8);
    core.join(0, 'Ada');
    core.addBots(0, 2);
    // Slow messages: both bots stand before either hears from the other, two candidates in term 1.
    core.changeFaults(0, { op: 'latency', base: 100, jitter: 0 });
    core.startRound(0, 'election', { pace: 'fast', botDelayMs: [400, 400] });
    runUntil(800);
    const pending = view('n1').pendingVotes.filter((p) => p.term === 1);
    expect(pending.length).toBe(2);
    const [a, b] = pending;
    expect(core.act(800, 'n1', { type: 'vote', candidate: a!.candidate.node, grant: true })).toEqual({ ok: true, data: null });
    const r = core.act(800, 'n1', { type: 'vote', candidate: b!.candidate.node, grant: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'already_voted' } });
    expect(!r.ok && r.error.params).toMatchObject({ self: false, node: { node: a!.candidate.node }, term: 1 });
  });

  it('is deterministic: the same seed gives the same recording', () => {
    const run = () => {
      const { core, events, runUntil } = session(3);
      core.addBots(0, 5);
      core.changeFaults(0, { op: 'latency', base: 2, jitter: 20 });
      core.changeFaults(0, { op: 'loss', rate: 0.1 });
      core.startRound(0, 'election', { pace: 'fast' });
      runUntil(1500);
      return events;
    };
    expect(run()).toEqual(run());
  });
});
