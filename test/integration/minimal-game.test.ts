// docs/ADDING_A_GAME.md, proven: a game defined in this file and nowhere else is handed to a
// real server, which offers it (and only it); two socket.io clients and a bot play a round of
// it through the simulated network; the round ends by itself with its result recorded, and the
// recording, folded with the same games, is the room's state.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGames, defineGame, type GameEngine } from '../../shared/games/types';
import type { NodeId } from '../../shared/protocol/ids';
import { createRng } from '../../shared/rng';
import { fold } from '../../shared/session/fold';
import { parseRecording } from '../../shared/session/recording';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import { ask, createRoom, joinNode, startServer, until, type TestNode, type TestServer } from './harness';

// ---- Tag: the smallest game that still goes through the network ---------------------------
// One node is "it". It tags another node: a `tag:touch` envelope travels to that node, which is
// "it" once the envelope arrives. After `tags` arrivals the round ends.

const tagConfig = z.object({ tags: z.number().int().min(1).max(100).default(3) }).strict();
type TagConfig = z.infer<typeof tagConfig>;

const tagAction = z.object({ type: z.literal('tag'), to: z.string().min(1).max(32) }).strict();
type TagAction = z.infer<typeof tagAction>;

interface TagState {
  config: TagConfig;
  nodes: NodeId[];
  it: NodeId;
  /** A tag is travelling: nobody is "it" until it lands. */
  flying: boolean;
  /** Who was "it", in order. */
  path: NodeId[];
}

interface TagView {
  it: boolean;
  tagsLeft: number;
}

interface TagResult {
  tags: number;
  path: NodeId[];
}

const TOUCH = 'tag:touch';

const tag: GameEngine<TagConfig, TagState, TagAction, TagView | null, TagState, TagResult> = {
  id: 'tag',
  title: 'Tag, you are it',
  config: tagConfig,
  action: tagAction,
  minNodes: 2,

  init(config, ctx) {
    const first = createRng(ctx.seed).pick(ctx.nodes);
    const state: TagState = { config, nodes: [...ctx.nodes], it: first, flying: false, path: [first] };
    return { state, effects: [{ type: 'changed', nodes: 'all' }] };
  },

  check(state, node, action) {
    if (!state.nodes.includes(node)) return { code: 'not_playing', message: 'You are not in this round.' };
    if (state.flying || state.it !== node) return { code: 'not_it', message: 'Only the node that is "it" may tag.' };
    if (action.to === node || !state.nodes.includes(action.to)) {
      return { code: 'bad_target', message: 'Tag another node of this round.' };
    }
    return null;
  },

  act(state, node, action) {
    state.flying = true;
    return [
      { type: 'send', from: node, to: action.to, kind: TOUCH, body: {} },
      { type: 'changed', nodes: [node] },
    ];
  },

  deliver(state, env) {
    if (env.kind !== TOUCH || !state.flying) return [];
    state.flying = false;
    state.it = env.to;
    state.path.push(env.to);
    const tags = state.path.length - 1;
    if (tags >= state.config.tags) return [{ type: 'end', reason: `${tags} tags` }];
    return [
      { type: 'mark', node: env.to, notice: { code: 'tag.it', params: { node: { node: env.to } } } },
      { type: 'changed', nodes: [env.from, env.to] },
    ];
  },

  timer: () => [],

  view: (state, node) =>
    state.nodes.includes(node) ? { it: !state.flying && state.it === node, tagsLeft: state.config.tags - (state.path.length - 1) } : null,
  consoleView: (state) => state,
  result: (state) => ({ tags: state.path.length - 1, path: [...state.path] }),

  bot(view, { node, nodes, rng }) {
    if (!view?.it) return [];
    return [{ type: 'tag', to: rng.pick(nodes.filter((n) => n !== node)) }];
  },

  botDelay: () => 20,
};

const GAMES = createGames([defineGame({ engine: tag })]);

// ---- The round, through a real server ---------------------------------------------------------

let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, GAMES);
});
afterAll(async () => {
  await server.close();
});

/** A client that plays as a person would: when its phone says "it", it tags the next node. */
function play(node: TestNode, others: () => NodeId[]): void {
  node.socket.on('node:view', (view) => {
    const game = view.game as TagView | null;
    const to = others().find((n) => n !== node.node);
    if (game?.it && to) void ask(node.socket, 'node:act', { action: { type: 'tag', to } });
  });
}

describe('a game handed to the server', () => {
  it('is the only game the server offers, and two clients and a bot play a round of it to its end', async () => {
    const { socket: instructor, code, key } = await createRoom(server.url);
    const snapshots: ConsoleSnapshot[] = [];
    instructor.on('console:snapshot', (s) => snapshots.push(s));
    const ada = await joinNode(server.url, code, 'Ada');
    const grace = await joinNode(server.url, code, 'Grace');
    expect(await ask(instructor, 'console:bots', { add: 1 })).toMatchObject({ ok: true, data: { nodes: ['n3'] } });

    // The server knows no game but the one it was given.
    expect(await ask(instructor, 'console:round', { action: 'start', game: 'sandbox' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_game' },
    });
    const everyone = () => ['n1', 'n2', 'n3'];
    play(ada, everyone);
    play(grace, everyone);
    expect(await ask(instructor, 'console:round', { action: 'start', game: 'tag', config: { tags: 6 } })).toMatchObject({
      ok: true,
    });

    // The round ends by itself after six tags, and the console hears its result.
    const ended = await until(
      () => snapshots.findLast((s) => s.round === null && s.rounds.length === 1),
      [instructor, ada.socket, grace.socket],
      15_000,
    );
    const summary = ended.rounds[0];
    expect(summary).toMatchObject({ game: 'tag', reason: '6 tags', result: { tags: 6 } });
    const path = (summary?.result as TagResult | undefined)?.path ?? [];
    expect(path).toHaveLength(7);
    for (let i = 1; i < path.length; i++) expect(path[i]).not.toBe(path[i - 1]);
    // The clients tagged (their actions are in the recording), and every tag went through the network.
    const res = await fetch(`${server.url}/api/rooms/${code}/recording`, { headers: { Authorization: `Bearer ${key}` } });
    const { header, events } = parseRecording(await res.text());
    const byClients = events.flatMap((e) => (e.type === 'node:acted' && e.by === 'node' ? [e.node] : []));
    expect(byClients.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'envelope:delivered')).toHaveLength(6);

    // The phones saw the round end (between rounds, each shows its last view of it).
    await until(
      () => ada.views.at(-1)?.lastRound?.game === 'tag' && grace.views.at(-1)?.lastRound?.game === 'tag',
      [ada.socket, grace.socket],
    );

    // Replay equals live, with the same games handed to the fold.
    const room = server.app.registry.find(code);
    if (!room.ok) throw new Error(room.error.message);
    expect(fold(header, events, GAMES)).toEqual(room.data.state);
  });
});
