// The gossip game through real sockets: six socket.io clients play their nodes the way a
// student's program would (tapping names, or "pick at random"), beside two server bots, while
// the console cuts one client off. It learns the rumour only after the heal.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GossipResult } from '../../shared/games/gossip/analysis';
import type { GossipAction } from '../../shared/games/gossip/config';
import type { GossipConsoleView } from '../../shared/games/gossip/console';
import type { GossipNodeView } from '../../shared/games/gossip/view';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import { ask, createRoom, joinNode, startServer, until, type TestConsole, type TestNode, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const game = (n: TestNode) => n.views.at(-1)!.game as GossipNodeView | null;

function followConsole(room: TestConsole) {
  let latest: ConsoleSnapshot | null = null;
  room.onSnapshot((s) => {
    latest = s;
  });
  return {
    snapshot: () => latest,
    view: () => (latest?.round?.game === 'gossip' ? (latest.round.view as GossipConsoleView) : null),
  };
}

/**
 * A client that passes the rumour on as soon as it may: by naming nodes (its `prefer` list
 * first, then the others in order) or with "pick at random". Each action uses every pick left,
 * so it acts once per round, on the first view that lets it. Every refusal is kept.
 */
function autoplay(n: TestNode, peers: () => string[], how: 'names' | 'random', prefer: string[] = []) {
  let busy = false;
  const refusals: string[] = [];
  const decide = (v: GossipNodeView): GossipAction | null => {
    if (v.verb !== 'tell' || v.picksLeft <= 0) return null;
    if (how === 'random') return { type: 'tell-random' };
    const order = [...prefer, ...peers().filter((p) => !prefer.includes(p))];
    const to = order.filter((p) => p !== n.node && !v.picks.includes(p)).slice(0, v.picksLeft);
    return to.length ? { type: 'tell', to } : null;
  };
  const step = async () => {
    if (busy) return;
    const v = game(n);
    const action = v ? decide(v) : null;
    if (!action) return;
    busy = true;
    const r = await ask(n.socket, 'node:act', { action });
    if (!r.ok) refusals.push(r.error.code);
    busy = false;
  };
  n.onView(() => void step());
  void step();
  return { refusals };
}

describe('gossip over real sockets', () => {
  it('[G5][G6][G11][G14][G15] 6 clients and 2 bots: a client cut off by a partition learns only after the heal', async () => {
    const room = await createRoom(server.url);
    const { socket: instructor, code } = room;
    const con = followConsole(room);
    const names = ['Ada', 'Grace', 'Linus', 'Barbara', 'Edsger', 'Ken'];
    const clients: TestNode[] = [];
    for (const name of names) clients.push(await joinNode(server.url, code, name));
    const [ada, , , , , ken] = clients as [TestNode, TestNode, TestNode, TestNode, TestNode, TestNode];
    const bots = await ask(instructor, 'console:bots', { add: 2 });
    expect(bots.ok).toBe(true);
    const everyone = [...clients.map((c) => c.node), ...(bots.ok ? (bots.data.nodes as string[]) : [])];
    const sockets = [instructor, ...clients.map((c) => c.socket)];

    // Ken is cut off before the game starts.
    expect(await ask(instructor, 'console:fault', { op: { op: 'isolate', nodes: [ken.node] } })).toEqual({ ok: true, data: null });
    const config = {
      mode: 'push',
      fanout: 2,
      roundMs: 400,
      origin: ada.node,
      word: 'narwhal',
      healWaitRounds: 100,
      botDelayMs: 5,
      botJitterMs: 20,
    };
    expect(await ask(instructor, 'console:round', { action: 'start', game: 'gossip', config })).toMatchObject({ ok: true });

    // Ada names Ken first every round (her tells to him are cut while the partition lasts);
    // half the others name people, half let the server pick at random.
    const players = clients.map((c, i) =>
      autoplay(c, () => everyone, c === ada ? 'names' : i % 2 ? 'random' : 'names', c === ada ? [ken.node] : []),
    );

    // Everyone the rumour can reach learns it; Ken cannot, and the console says it is stuck.
    const stuck = await until(
      () => {
        const v = con.view();
        return v && v.status === 'stalled' && v.informed === everyone.length - 1 ? v : null;
      },
      sockets,
      15_000,
    );
    expect(stuck.reach).toMatchObject({ cut: 1, waiting: 0, liveUninformed: 1 });
    expect(stuck.perNode[ken.node]).toMatchObject({ knows: false, cut: true, down: null });
    expect(stuck.origin).toBe(ada.node);
    const net = con.snapshot()!.round!.net;
    expect(net.dropped.partition).toBeGreaterThan(0);
    // Ken's phone never saw the word, nor who knows [G13].
    expect(game(ken)).toMatchObject({ knows: false, word: null, learned: null, verb: null });
    for (const v of ken.views) expect(JSON.stringify(v)).not.toContain('narwhal');
    const healedInRound = stuck.round;

    expect(await ask(instructor, 'console:fault', { op: { op: 'heal' } })).toEqual({ ok: true, data: null });
    // The game ends by itself as soon as Ken knows: its result is the round's.
    const snap = await until(
      () => {
        const s = con.snapshot();
        return s && s.rounds.length === 1 && s.round === null ? s : null;
      },
      sockets,
      15_000,
    );
    const result = snap.rounds[0]!.result as GossipResult;
    expect(result).toMatchObject({
      game: 'gossip',
      outcome: 'everyone',
      nodes: 8,
      informed: 8,
      everyone: true,
      origin: ada.node,
      word: 'narwhal',
      neverLearned: [],
    });
    // Ken was the last to learn, in a round after the heal: the game ended the moment he did.
    const kenRound = result.informedPerRound.indexOf(8);
    expect(kenRound).toBeGreaterThanOrEqual(healedInRound);
    expect(result.rounds).toBe(kenRound);
    expect(result.lastLearnedRound).toBe(kenRound);
    expect(result.informedPerRound.slice(0, healedInRound).every((x) => x <= 7)).toBe(true);
    expect(result.dropped.partition).toBeGreaterThan(0);
    expect(result.messages).toBe(result.messagesByKind.push);
    expect(result.redundant).toBeGreaterThan(0);
    // The count never goes down, and Ken's arrival is its last step.
    for (let i = 1; i < result.informedPerRound.length; i++)
      expect(result.informedPerRound[i]!).toBeGreaterThanOrEqual(result.informedPerRound[i - 1]!);
    expect(result.informedPerRound.at(-1)).toBe(8);
    expect(result.informedPerRound.at(-2)).toBe(7);
    // Nobody asked the server for anything it refused, except picks that raced the round's end
    // (refused as game_over while the round ends, no_round once it has ended).
    const raced = new Set(['no_picks_left', 'game_over', 'no_round']);
    for (const p of players) expect(p.refusals.filter((c) => !raced.has(c))).toEqual([]);
  });

  it('[G4][G6][G7] the server refuses what a phone may not do, with a sentence; "pick at random" picks distinct others', async () => {
    const { socket: instructor, code } = await createRoom(server.url);
    const [ada, grace, linus, ken] = [
      await joinNode(server.url, code, 'Ada'),
      await joinNode(server.url, code, 'Grace'),
      await joinNode(server.url, code, 'Linus'),
      await joinNode(server.url, code, 'Ken'),
    ] as [TestNode, TestNode, TestNode, TestNode];
    const sockets = [ada.socket, grace.socket, linus.socket, ken.socket];
    const config = { fanout: 2, roundMs: 60_000, origin: ada.node };
    expect(await ask(instructor, 'console:round', { action: 'start', game: 'gossip', config })).toMatchObject({ ok: true });
    await until(() => game(ada)?.verb === 'tell', sockets);

    const act = (n: TestNode, action: GossipAction) => ask(n.socket, 'node:act', { action });
    expect(await act(grace, { type: 'tell', to: [linus.node] })).toMatchObject({ ok: false, error: { code: 'not_known' } });
    expect(await act(ada, { type: 'ask', to: [linus.node] })).toMatchObject({ ok: false, error: { code: 'wrong_mode' } });
    expect(await act(ada, { type: 'tell', to: [ada.node] })).toMatchObject({ ok: false, error: { code: 'bad_target' } });
    expect(await act(ada, { type: 'tell', to: [grace.node, linus.node, ken.node] })).toMatchObject({
      ok: false,
      error: { code: 'too_many' },
    });
    const refused = await act(ada, { type: 'tell', to: ['n99'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_target' } });
    if (!refused.ok) expect(refused.error.params).toMatchObject({ why: 'unknown', id: 'n99' });

    expect(await act(ada, { type: 'tell', to: [grace.node] })).toMatchObject({ ok: true });
    expect(await act(ada, { type: 'tell', to: [grace.node] })).toMatchObject({ ok: false, error: { code: 'repeated_target' } });
    expect(await act(ada, { type: 'tell-random' })).toMatchObject({ ok: true });
    const picks = await until(() => {
      const v = game(ada);
      return v && v.picks.length === 2 ? v.picks : null;
    }, sockets);
    expect(picks[0]).toBe(grace.node);
    expect([linus.node, ken.node]).toContain(picks[1]);
    expect(await act(ada, { type: 'tell-random' })).toMatchObject({ ok: false, error: { code: 'no_picks_left' } });

    // Grace learned in round 1: she may pass it on only from round 2, and her phone says why.
    const g = await until(() => (game(grace)?.knows ? game(grace) : null), sockets);
    expect(g).toMatchObject({ word: expect.any(String), learned: { round: 1, from: ada.node }, verb: null, idle: { code: 'too_soon' } });
    expect(await act(grace, { type: 'tell', to: [ken.node] })).toMatchObject({ ok: false, error: { code: 'too_soon' } });
    await ask(instructor, 'console:round', { action: 'stop' });
  });
});
