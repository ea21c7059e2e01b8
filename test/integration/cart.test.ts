// The split-brain cart through real sockets: five socket.io clients are the class's phones,
// split 2–3 by the console, in each of the three modes. They tap + the way a student's program
// would (node:act), read their own lists from node:view, and the console's view shows the sides
// and, after the heal, the lists agreeing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CartResult } from '../../shared/games/cart/analysis';
import type { CartMode } from '../../shared/games/cart/config';
import type { CartConsoleView } from '../../shared/games/cart/console';
import type { CartNodeView } from '../../shared/games/cart/view';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import { ask, createRoom, joinNode, startServer, until, type TestConsole, type TestNode, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ defaultLatency: { base: 5, jitter: 20 } });
});
afterEach(async () => {
  await server.close();
});

/** The phone's cart view: the round's, or once the round ended, the last round's. */
const game = (n: TestNode) => {
  const v = n.views.at(-1);
  return (v?.game ?? v?.lastRound?.view ?? null) as CartNodeView | null;
};
const qty = (n: TestNode, item: string) => game(n)?.items.find((i) => i.item === item)?.qty;

function followConsole(room: TestConsole) {
  let latest: ConsoleSnapshot | null = null;
  room.onSnapshot((s) => {
    latest = s;
  });
  return {
    snapshot: () => latest,
    view: () => (latest?.round?.game === 'cart' ? (latest.round.view as CartConsoleView) : null),
  };
}

const tap = (n: TestNode, item: string, delta: 1 | -1 = 1) => ask(n.socket, 'node:act', { action: { type: 'add', item, delta } });

async function playRound(mode: CartMode) {
  const room = await createRoom(server.url);
  const { socket: instructor, code } = room;
  const con = followConsole(room);
  const phones: TestNode[] = [];
  for (const name of ['Ana', 'Ben', 'Chloe', 'Dev', 'Eve']) phones.push(await joinNode(server.url, code, name));
  const [ana, ben, chloe, dev, eve] = phones as [TestNode, TestNode, TestNode, TestNode, TestNode];
  const sockets = [instructor, ...phones.map((p) => p.socket)];
  const config = { mode, syncMs: 150, quorumTimeoutMs: 700 };
  expect(await ask(instructor, 'console:round', { action: 'start', game: 'cart', config })).toMatchObject({ ok: true });
  await until(() => phones.every((p) => game(p)?.mode === mode), sockets);
  // Ana and Ben on one side, Chloe, Dev and Eve on the other.
  const split = {
    op: 'split',
    groups: [
      [ana.node, ben.node],
      [chloe.node, dev.node, eve.node],
    ],
  };
  expect(await ask(instructor, 'console:fault', { op: split })).toEqual({ ok: true, data: null });
  return { instructor, con, phones, ana, ben, chloe, dev, eve, sockets };
}

async function healAndAgree(r: Awaited<ReturnType<typeof playRound>>) {
  expect(await ask(r.instructor, 'console:fault', { op: { op: 'heal' } })).toEqual({ ok: true, data: null });
  const agreed = await until(
    () => {
      const v = r.con.view();
      return v && v.healedAt !== null && v.agreeSince !== null && v.distinct === 1 ? v : null;
    },
    r.sockets,
    10_000,
  );
  expect(await ask(r.instructor, 'console:round', { action: 'stop' })).toMatchObject({ ok: true });
  const snap = await until(() => {
    const s = r.con.snapshot();
    return s && s.round === null && s.rounds.length === 1 ? s : null;
  }, r.sockets);
  return { agreed, result: snap.rounds[0]!.result as CartResult };
}

describe('the split-brain cart over real sockets', () => {
  it('[C9][C10][C11][C12] quorum, 2–3: the minority is refused with the count of votes, the majority saves, and after the heal the minority catches up', async () => {
    const r = await playRound('quorum');
    // A bad payload is refused with a reason and changes nothing.
    expect(await tap(r.ana, 'caviar')).toMatchObject({ ok: false, error: { code: 'bad_action' } });
    expect(await tap(r.ana, 'apples')).toMatchObject({ ok: true });
    expect(await tap(r.chloe, 'bread')).toMatchObject({ ok: true });
    // Waiting: the phone shows "saving… k of 5".
    expect(await until(() => game(r.ana)?.last, r.sockets)).toMatchObject({ item: 'apples', needed: 3 });
    const refused = await until(() => (game(r.ana)?.last?.status === 'refused' ? game(r.ana)!.last : null), r.sockets);
    expect(refused).toMatchObject({ reason: 'no-majority', votes: 2, needed: 3, item: 'apples' });
    const saved = await until(() => (game(r.chloe)?.last?.status === 'accepted' ? game(r.chloe)!.last : null), r.sockets);
    expect(saved.votes).toBeGreaterThanOrEqual(3);
    expect(qty(r.ana, 'apples')).toBe(0);
    const during = await until(() => {
      const v = r.con.view();
      return v && v.totals.pending === 0 ? v : null;
    }, r.sockets);
    expect(during.sides.A).toMatchObject({ attempted: 1, accepted: 0, refused: 1 });
    expect(during.sides.B).toMatchObject({ attempted: 1, accepted: 1, refused: 0 });
    const { result } = await healAndAgree(r);
    await until(() => qty(r.ana, 'bread') === 1, r.sockets);
    expect(game(r.ana)!.changes[0]).toMatchObject({ item: 'bread', from: 0, to: 1 });
    expect(result).toMatchObject({ mode: 'quorum', lost: 0, converged: true, writes: { attempted: 2, accepted: 1, refused: 1 } });
    expect(result.duringSplit.availability).toBe(0.5);
  });

  it('[C6][C7][C12] lww, 2–3: both sides save at once; on heal the later stamp wins and the other write is lost, by name', async () => {
    const r = await playRound('lww');
    expect(await tap(r.ana, 'cheese')).toMatchObject({ ok: true });
    expect(await until(() => game(r.ana)?.last, r.sockets)).toMatchObject({ status: 'accepted' });
    expect(await tap(r.dev, 'cheese')).toMatchObject({ ok: true });
    expect(await tap(r.dev, 'cheese')).toMatchObject({ ok: true });
    await until(() => qty(r.ana, 'cheese') === 1 && qty(r.eve, 'cheese') === 2, r.sockets);
    const { agreed, result } = await healAndAgree(r);
    // Dev's second write carries the greatest Lamport stamp: everyone ends with Dev's 2.
    for (const p of r.phones) await until(() => qty(p, 'cheese') === 2, r.sockets);
    expect(agreed.lost.writes).toBe(1);
    expect(result.lostGroups).toEqual([{ node: r.ana.node, item: 'cheese', writes: 1, delta: 1, by: [r.dev.node], byDelta: 2 }]);
    const told = game(r.ana)!.changes.find((c) => c.why === 'overwrote');
    expect(told).toMatchObject({ item: 'cheese', from: 1, to: 2, by: [r.dev.node], lost: { nodes: [r.ana.node], delta: 1 } });
    expect(result.duringSplit.availability).toBe(1);
  });

  it('[C8][C12] crdt, 2–3: both sides save at once; on heal the counts merge and nothing is lost', async () => {
    const r = await playRound('crdt');
    expect(await tap(r.ben, 'cake')).toMatchObject({ ok: true });
    expect(await tap(r.eve, 'cake')).toMatchObject({ ok: true });
    expect(await tap(r.eve, 'cake')).toMatchObject({ ok: true });
    await until(() => qty(r.ana, 'cake') === 1 && qty(r.chloe, 'cake') === 2, r.sockets);
    const { result } = await healAndAgree(r);
    for (const p of r.phones) await until(() => qty(p, 'cake') === 3, r.sockets);
    expect(result).toMatchObject({ mode: 'crdt', lost: 0, converged: true, final: { cake: 3 } });
    expect(game(r.ana)!.changes.some((c) => c.why === 'merged' && c.by.includes(r.eve.node))).toBe(true);
  });
});
