// The election game through real sockets: socket.io clients play their nodes the way a
// student's program would, beside the server's bots, while the console cuts the network.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElectionResult } from '../../shared/games/election/analysis';
import type { ElectionConsoleView } from '../../shared/games/election/console';
import type { ElectionAction } from '../../shared/games/election/config';
import type { ElectionView } from '../../shared/games/election/view';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import { ask, createRoom, joinNode, startServer, until, type TestConsole, type TestNode, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const game = (n: TestNode) => n.views.at(-1)!.game as ElectionView | null;

/** Follows the console's snapshots; `view()` is the election's console view of the latest one. */
function followConsole(room: TestConsole) {
  let latest: ConsoleSnapshot | null = null;
  room.onSnapshot((s) => {
    latest = s;
  });
  return {
    view: () => (latest?.round?.game === 'election' ? (latest.round.view as ElectionConsoleView) : null),
  };
}

/**
 * A client that plays Raft like the reference bot (answer requests per Raft, stand when the
 * timer runs out, propose once per term as leader), except that it refuses candidates in
 * `distrust`. One request at a time; it looks at its latest view again after every answer.
 */
function autoplay(n: TestNode, distrust: Set<string>) {
  let busy = false;
  let stopped = false;
  const decide = (v: ElectionView): ElectionAction | null => {
    let votedFor = v.votedFor?.node ?? null;
    for (const req of v.pendingVotes) {
      const who = req.candidate.node;
      const grant = !distrust.has(who) && req.grantBlocked === null && (votedFor === null || votedFor === who);
      if (grant) votedFor = who;
      return { type: 'vote', candidate: who, grant };
    }
    if (v.canStand) return { type: 'stand' };
    if (v.role === 'leader' && v.lead && !v.lead.proposedThisTerm && v.lead.proposeBlocked === null) {
      return { type: 'propose', value: `Bistro of term ${v.term}` };
    }
    return null;
  };
  const step = async () => {
    if (busy || stopped) return;
    const v = game(n);
    const action = v && !v.crashed ? decide(v) : null;
    if (!action) return;
    busy = true;
    await ask(n.socket, 'node:act', { action });
    busy = false;
    void step();
  };
  n.onView(() => void step());
  void step();
  return { stop: () => (stopped = true) };
}

describe('election over real sockets', () => {
  it('[E6][E13][E15][E7] 3 clients and 2 bots: a 3|2 split isolating the leader elects a new leader in a higher term that commits, the old one cannot; after the heal one leader remains', async () => {
    const room = await createRoom(server.url);
    const { socket: instructor, code } = room;
    const console_ = followConsole(room);
    const clients: TestNode[] = [];
    for (const name of ['Ada', 'Grace', 'Linus']) clients.push(await joinNode(server.url, code, name));
    const bots = await ask(instructor, 'console:bots', { add: 2 });
    expect(bots.ok).toBe(true);
    const botIds: string[] = bots.ok ? bots.data.nodes : [];
    // The clients refuse the bots' candidacies, so the leaders are clients the test can drive.
    const players = clients.map((c) => autoplay(c, new Set(botIds)));
    const sockets = [instructor, ...clients.map((c) => c.socket)];
    const byId = new Map(clients.map((c) => [c.node, c]));

    expect(await ask(instructor, 'console:round', { action: 'start', game: 'election', config: { pace: 'fast' } })).toMatchObject({
      ok: true,
    });
    const first = await until(
      () => {
        const v = console_.view();
        return v?.leader && v.committed.length >= 1 ? v : null;
      },
      sockets,
      10_000,
    );
    const old = byId.get(first.leader!.node)!;
    expect(old).toBeDefined();
    const oldTerm = first.leader!.term;
    // The leader's own screen may reach its phone a moment after the console's snapshot.
    const oldCommit = (await until(() => ((game(old)?.commitIndex ?? 0) >= 1 ? game(old) : null), sockets, 5_000))!.commitIndex;

    // Cut the leader and one bot off from the other three.
    const minority = [old.node, botIds[0]!];
    const majority = [...clients.filter((c) => c !== old).map((c) => c.node), botIds[1]!];
    expect(await ask(instructor, 'console:fault', { op: { op: 'split', groups: [majority, minority] } })).toEqual({ ok: true, data: null });
    // The old leader goes on proposing: the server accepts it, but it can never commit.
    expect(await ask(old.socket, 'node:act', { action: { type: 'propose', value: 'Minority Pizza' } })).toMatchObject({ ok: true });

    const during = await until(
      () => {
        const v = console_.view();
        const fresh = v?.leader;
        return fresh && majority.includes(fresh.node) && fresh.term > oldTerm && v.committed.some((c) => c.term === fresh.term) ? v : null;
      },
      sockets,
      15_000,
    );
    expect(during.staleLeaders.map((s) => s.node)).toEqual([old.node]);
    expect(during.leaders.map((l) => l.node).sort()).toEqual([during.leader!.node, old.node].sort());
    expect(during.committed.map((c) => c.value)).not.toContain('Minority Pizza');
    // The old leader still believes it leads its term; its proposal waits, uncommitted.
    expect(game(old)).toMatchObject({ role: 'leader', term: oldTerm, commitIndex: oldCommit });
    expect(game(old)!.decision.latest).toMatchObject({ value: 'Minority Pizza', committed: false });
    expect(game(old)!.lead!.proposal).toMatchObject({ value: 'Minority Pizza', storedBy: 2, needed: 3 });

    expect(await ask(instructor, 'console:fault', { op: { op: 'heal' } })).toEqual({ ok: true, data: null });
    const healed = await until(
      () => {
        const v = console_.view();
        const o = game(old);
        return v &&
          v.leaders.length === 1 &&
          v.staleLeaders.length === 0 &&
          o?.role === 'follower' &&
          o.term > oldTerm &&
          !o.log.some((e) => e.value === 'Minority Pizza')
          ? v
          : null;
      },
      sockets,
      15_000,
    );
    expect(healed.leaders[0]!.node).not.toBe(old.node);
    expect(game(old)!.notice?.code).toMatch(/^election\./);

    for (const p of players) p.stop();
    const stop = await ask(instructor, 'console:round', { action: 'stop' });
    expect(stop.ok).toBe(true);
    const result = (stop.ok ? stop.data.result : null) as ElectionResult;
    expect(result).toMatchObject({ game: 'election', nodes: 5, majority: 3, maxLeadersPerTerm: 1, safety: { ok: true, violations: [] } });
    expect(result.stale.count).toBeGreaterThanOrEqual(1);
    expect(result.stale.periods.some((p) => p.node === old.node && p.term === oldTerm)).toBe(true);
    expect(result.committedValues).not.toContain('Minority Pizza');
    expect(result.committedValues.length).toBeGreaterThanOrEqual(2);
    expect(result.leadersPerTerm.every((t) => t.leaders.length === 1)).toBe(true);
    expect(result.messages.dropped.partition).toBeGreaterThan(0);
    expect(result.firstLeaderMs).not.toBeNull();
  });

  it('[E4] a second Grant in the same term is refused by the server, and the phone is told why', async () => {
    const { socket: instructor, code } = await createRoom(server.url);
    const [ada, grace, linus] = [
      await joinNode(server.url, code, 'Ada'),
      await joinNode(server.url, code, 'Grace'),
      await joinNode(server.url, code, 'Linus'),
    ] as [TestNode, TestNode, TestNode];
    const sockets = [ada.socket, grace.socket, linus.socket];
    // Requests take a second to arrive: Ada and Linus both stand in term 1 before either hears the other.
    await ask(instructor, 'console:fault', { op: { op: 'latency', base: 1000, jitter: 0 } });
    const config = { pace: 'class', timeoutMs: [100, 150], heartbeatMs: [50, 60], botDelayMs: [1, 5] };
    expect(await ask(instructor, 'console:round', { action: 'start', game: 'election', config })).toMatchObject({ ok: true });

    // Standing before the timer has run out is refused.
    expect(await ask(ada.socket, 'node:act', { action: { type: 'stand' } })).toMatchObject({ ok: false, error: { code: 'timer_running' } });

    for (const n of [ada, linus]) {
      await until(() => game(n)?.canStand, sockets);
      expect(await ask(n.socket, 'node:act', { action: { type: 'stand' } })).toMatchObject({ ok: true });
    }
    const requests = await until(() => (game(grace)!.pendingVotes.length === 2 ? game(grace)!.pendingVotes : null), sockets);
    expect(requests.map((r) => r.term)).toEqual([1, 1]);

    expect(await ask(grace.socket, 'node:act', { action: { type: 'vote', candidate: ada.node, grant: true } })).toMatchObject({ ok: true });
    const second = await ask(grace.socket, 'node:act', { action: { type: 'vote', candidate: linus.node, grant: true } });
    expect(second).toMatchObject({ ok: false, error: { code: 'already_voted' } });
    // Words are the client's: the error carries the code and its params (the first vote's node, the term).
    if (!second.ok) expect(second.error.params).toMatchObject({ self: false, node: { node: ada.node }, term: 1 });
    // The phone shows the reason before the tap too; refusing is always allowed.
    const blocked = await until(() => game(grace)!.pendingVotes.find((p) => p.candidate.node === linus.node && p.grantBlocked), sockets);
    expect(blocked.grantBlocked).toMatchObject({ code: 'already_voted', params: { node: { node: ada.node } } });
    expect(await ask(grace.socket, 'node:act', { action: { type: 'vote', candidate: linus.node, grant: false } })).toMatchObject({
      ok: true,
    });

    // Ada's own vote and Grace's are a majority of 3: Ada leads term 1.
    await until(() => game(ada)!.role === 'leader', sockets);
    expect(game(ada)).toMatchObject({ term: 1, votes: { granted: 2, needed: 2 } });
  });
});
