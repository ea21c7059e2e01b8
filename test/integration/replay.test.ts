// Replay equals live, for every registered game: a round played through a real server by
// bots and by socket.io clients (which play with the game's own bot policy on the views they
// receive), under a partition and message loss. The recording, downloaded over HTTP, must fold
// into the room's final state, and every snapshot the console received live must be what the
// replay shows at that point of the recording.

import { asLive } from '../support/clocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEngine } from '../../shared/games/types';
import { createRng } from '../../shared/rng';
import { fold } from '../../shared/session/fold';
import { parseRecording } from '../../shared/session/recording';
import { consoleSnapshot } from '../../shared/session/views';
import type { ConsoleSnapshot, NodeView } from '../../shared/protocol/views';
import { RecordingIndex } from '../../shared/replay/recordingIndex';
import { ReplayFold } from '../../shared/replay/replayFold';
import { ask, createRoom, joinNode, startServer, until, type TestNode, type TestServer } from './harness';
import { GAMES } from '../support/games';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ defaultLatency: { base: 5, jitter: 15 } });
});
afterAll(async () => {
  await server.close();
});

const NODES = 6;
const HUMANS = 2;

/** A client that plays its node with the game's bot policy, one request at a time. */
function playWithBotPolicy(node: TestNode, engine: AnyEngine, config: () => unknown, nodes: () => string[], seed: number): void {
  const rng = createRng(seed);
  let busy = false;
  let latest: NodeView | null = null;
  const turn = async () => {
    if (busy || !latest) return;
    busy = true;
    const view = latest;
    latest = null;
    try {
      if (view.playing && view.game && !view.you.crashed) {
        const actions = engine.bot(view.game, { node: node.node, nodes: nodes(), now: view.t, rng, config: config() });
        for (const action of actions) await ask(node.socket, 'node:act', { action });
      }
    } finally {
      busy = false;
      if (latest) void turn();
    }
  };
  node.onView((view) => {
    latest = view;
    void turn();
  });
}

const games = [...GAMES.values()].map((g) => [g.engine.id, g] as const);
/** The games whose round below got to its last check. */
const compared = new Set<string>();

describe('replay equals live', () => {
  for (const [game, definition] of games) {
    const { engine } = definition;
    it(`${game}: bots and clients under a partition and loss; the recording folds into the live state, snapshot by snapshot`, async () => {
      const { socket: consoleSocket, code, key, onSnapshot } = await createRoom(server.url);
      const snapshots: ConsoleSnapshot[] = [];
      onSnapshot((s) => snapshots.push(s));

      const humans: TestNode[] = [];
      for (let i = 0; i < HUMANS; i++) humans.push(await joinNode(server.url, code, `Player ${i + 1}`));
      expect(await ask(consoleSocket, 'console:bots', { add: NODES - HUMANS })).toMatchObject({ ok: true });
      const room = server.app.registry.find(code);
      if (!room.ok) throw new Error(room.error.message);
      const live = room.data;

      // The simulator's settings where the game has a simulator (bots-paced), else its defaults.
      const config = definition.sim ? definition.sim.config({}, NODES) : engine.config.parse({});
      const roundNodes = () => live.state.round?.spec.nodes ?? [];
      const roundConfig = () => live.state.round?.spec.config ?? config;
      for (const [i, h] of humans.entries()) playWithBotPolicy(h, engine, roundConfig, roundNodes, 100 + i);

      expect(await ask(consoleSocket, 'console:fault', { op: { op: 'loss', rate: 0.1 } })).toMatchObject({ ok: true });
      const started = await ask(consoleSocket, 'console:round', { action: 'start', game, config });
      expect(started, JSON.stringify(started)).toMatchObject({ ok: true });
      const ids = live.state.round!.spec.nodes;
      // Halves, the humans on both sides: the bigger side still has a majority.
      const major = new Set([...ids.filter((_, i) => i % 2 === 0), ids.at(-1)!]);
      const halves = [ids.filter((id) => major.has(id)), ids.filter((id) => !major.has(id))];
      await ask(consoleSocket, 'console:fault', { op: { op: 'split', groups: halves } });
      const sockets = [consoleSocket, ...humans.map((h) => h.socket)];
      await until(() => !live.state.round || live.state.net.dropped.partition >= 3 || live.state.net.sent >= 150, sockets, 10_000).catch(
        () => null,
      );
      await ask(consoleSocket, 'console:fault', { op: { op: 'heal' } });
      const sentAtHeal = live.state.net.sent;
      await until(() => !live.state.round || live.state.net.sent >= sentAtHeal + 40, sockets, 10_000).catch(() => null);
      if (live.state.round) await ask(consoleSocket, 'console:round', { action: 'stop' });

      // The network dropped messages at the cut and at random; in the sandbox and the election,
      // where every node acts from the start, the humans' clients took part too (a gossip or
      // Byzantine client may have nothing to do in so short a round).
      const events = async () => {
        const res = await fetch(`${server.url}/api/recordings/${live.state.header.session}`, {
          headers: { Authorization: `Bearer ${key}` },
        });
        expect(res.status).toBe(200);
        return parseRecording(await res.text());
      };
      const parsed = await events();
      const acted = new Set(parsed.events.flatMap((e) => (e.type === 'node:acted' && e.by === 'node' ? [e.node] : [])));
      expect(live.state.net.sent).toBeGreaterThan(0);
      expect(live.state.net.dropped.partition + live.state.net.dropped.loss).toBeGreaterThan(0);
      if (game === 'sandbox' || game === 'election') expect(acted.size).toBeGreaterThan(0);

      // The fold of the downloaded file is the live room's state.
      expect(parsed.torn).toBe(false);
      expect(fold(parsed.header, parsed.events, GAMES)).toEqual(live.state);
      const index = RecordingIndex.from(parsed, GAMES);
      const replay = new ReplayFold(parsed.header, parsed.events, GAMES);
      expect(asLive(replay.after(index.count))).toEqual(live.state);

      // Every snapshot the console got live is the replay's picture at that point.
      expect(snapshots.length).toBeGreaterThan(2);
      // In shuffled order, so the replay jumps back and forth through its checkpoints.
      for (const i of createRng(7).shuffle([...snapshots.keys()])) {
        // The stage's status and the devices holding instructor rights are the live room's
        // (server/room.ts snapshot()), never recorded.
        const { stage: _stage, instructors: _instructors, ...snap } = snapshots[i]!;
        const replayed = JSON.parse(JSON.stringify(consoleSnapshot(replay.after(snap.seq), GAMES, snap.t))) as ConsoleSnapshot;
        expect(replayed, `snapshot at seq ${snap.seq}`).toEqual(snap);
      }
      for (const s of sockets) s.disconnect();
      compared.add(game);
    });
  }

  it('played and compared a round of every game the server offers', () => {
    expect([...compared].sort()).toEqual([...GAMES.keys()].sort());
    expect(compared.size).toBeGreaterThanOrEqual(4);
  });
});
