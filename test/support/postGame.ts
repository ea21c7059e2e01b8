// A small game for the session core's own tests, so they exercise the core and not a real
// game's rules: nodes post short texts to each other through the simulated network; a bot
// answers each post it gets once ("echo: …"); with `tickMs` > 0 the round's timer ticks.

import { z } from 'zod';
import { createGames, defineGame, type Effect, type GameEngine, type NetStats } from '../../shared/games/types';
import type { NodeId } from '../../shared/protocol/ids';

const postConfig = z
  .object({
    botDelayMs: z.number().int().min(0).default(800),
    tickMs: z.number().int().min(0).default(0),
  })
  .strict();
export type PostConfig = z.infer<typeof postConfig>;

const postAction = z
  .object({
    type: z.literal('send'),
    to: z.array(z.string()).min(1),
    text: z.string().trim().min(1).max(140),
    /** The post this answers, so a bot answers each once. */
    replyTo: z.string().optional(),
  })
  .strict();
export type PostAction = z.infer<typeof postAction>;

export interface Post {
  id: string;
  from: NodeId;
  text: string;
  receivedAt: number;
  lamport: number;
  replied: boolean;
}

export interface PostState {
  config: PostConfig;
  inbox: Record<NodeId, Post[]>;
}

export interface PostView {
  inbox: Post[];
}

const KIND = 'post:text';
const TICK = 'post:tick';

export const post: GameEngine<PostConfig, PostState, PostAction, PostView | null, null, NetStats> = {
  id: 'post',
  title: 'Post',
  config: postConfig,
  action: postAction,
  minNodes: 1,

  init(config, ctx) {
    const state: PostState = { config, inbox: {} };
    for (const n of ctx.nodes) state.inbox[n] = [];
    const effects: Effect[] = [{ type: 'changed', nodes: 'all' }];
    if (config.tickMs > 0) effects.push({ type: 'timer', key: TICK, delay: config.tickMs });
    return { state, effects };
  },

  check(state, node, action) {
    if (!state.inbox[node]) return { code: 'not_playing', message: 'Not in this round.' };
    for (const to of action.to) {
      if (to === node || !state.inbox[to]) return { code: 'bad_recipient', message: `Cannot post to ${to}.` };
    }
    return null;
  },

  act(state, node, action) {
    const answered = action.replyTo ? state.inbox[node]?.find((p) => p.id === action.replyTo) : undefined;
    if (answered) answered.replied = true;
    return action.to.map((to): Effect => ({ type: 'send', from: node, to, kind: KIND, body: action.text }));
  },

  deliver(state, env, ctx) {
    const inbox = state.inbox[env.to];
    if (!inbox || typeof env.body !== 'string') return [];
    inbox.push({ id: env.id, from: env.from, text: env.body, receivedAt: ctx.now, lamport: env.lamport, replied: false });
    return [{ type: 'changed', nodes: [env.to] }];
  },

  timer: (state, key) => (key === TICK ? [{ type: 'timer', key: TICK, delay: state.config.tickMs }] : []),
  view: (state, node) => (state.inbox[node] ? { inbox: state.inbox[node] } : null),
  consoleView: () => null,
  result: (_state, net) => net,

  bot(view, { node }) {
    if (!view) return [];
    return view.inbox
      .filter((p) => !p.replied && p.from !== node && !p.text.startsWith('echo: '))
      .map((p) => ({ type: 'send' as const, to: [p.from], text: `echo: ${p.text}`.slice(0, 140), replyTo: p.id }));
  },

  botDelay: (state) => state.config.botDelayMs,
};

export const POST_GAMES = createGames([defineGame({ engine: post })]);
