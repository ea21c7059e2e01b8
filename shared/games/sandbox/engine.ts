// The sandbox round: every node may send a short text to nodes it picks, and sees its inbox.
// It is the class's warm-up ("send your neighbour a message; now watch it get lost") and the
// path the example client and the benchmark use. Rules are in README.md beside this file.

import { z } from 'zod';
import type { NodeId } from '../../protocol/ids';
import { intFlag } from '../../sim/flags';
import type { Effect, Envelope, GameEngine, NetStats } from '../types';

export const TEXT_MAX = 140;
export const RECIPIENTS_MAX = 300;
/** Items of history each phone sees (the full history stays in the state for the console). */
export const VIEW_ITEMS = 30;

export const sandboxConfig = z
  .object({
    /** Bots answer every message they get with "echo: …" after this delay (ms). */
    botDelayMs: z.number().int().min(0).max(60_000).default(800),
    /** Every this many ms each bot also writes to a peer chosen at random (0: never). */
    chatterMs: z.number().int().min(0).max(600_000).default(0),
  })
  .strict();
export type SandboxConfig = z.infer<typeof sandboxConfig>;

export const sandboxAction = z
  .object({
    type: z.literal('send'),
    to: z.array(z.string().min(1).max(32)).min(1).max(RECIPIENTS_MAX),
    text: z.string().trim().min(1).max(TEXT_MAX),
    /** The inbox message this answers, so a bot replies once to each. */
    replyTo: z.string().max(32).optional(),
    /** This is the node's chatter for the current tick (bots). */
    chatter: z.boolean().optional(),
  })
  .strict();
export type SandboxAction = z.infer<typeof sandboxAction>;

export interface SandboxBody {
  text: string;
}

export interface InboxItem {
  id: string;
  from: NodeId;
  text: string;
  sentAt: number;
  receivedAt: number;
  lamport: number;
  /** This copy is a duplicate the network made (same id as an earlier one). */
  duplicate: boolean;
  replied: boolean;
}

export interface SentItem {
  to: NodeId[];
  text: string;
  at: number;
}

export interface SandboxState {
  config: SandboxConfig;
  nodes: NodeId[];
  inbox: Record<NodeId, InboxItem[]>;
  sent: Record<NodeId, SentItem[]>;
  /** Totals, which outlive the capped histories. */
  counts: Record<NodeId, { sent: number; received: number }>;
  /** Chatter ticks so far, and the last tick each node chattered in. */
  tick: number;
  chattered: Record<NodeId, number>;
}

export interface SandboxView {
  game: 'sandbox';
  you: NodeId;
  /** Everyone you may write to. */
  peers: NodeId[];
  inbox: InboxItem[];
  sent: SentItem[];
  received: number;
  /** True when a chatter tick has passed since this node last chattered. */
  chatterDue: boolean;
}

export interface SandboxConsoleView {
  game: 'sandbox';
  perNode: Record<NodeId, { sent: number; received: number }>;
}

const KIND = 'sandbox:text';
const TICK = 'sandbox:chatter';

export const sandbox: GameEngine<SandboxConfig, SandboxState, SandboxAction> = {
  id: 'sandbox',
  title: 'Sandbox: send a message',
  config: sandboxConfig,
  action: sandboxAction,
  minNodes: 1,

  init(config, ctx) {
    const state: SandboxState = { config, nodes: [...ctx.nodes], inbox: {}, sent: {}, counts: {}, tick: 0, chattered: {} };
    for (const n of ctx.nodes) {
      state.inbox[n] = [];
      state.sent[n] = [];
      state.counts[n] = { sent: 0, received: 0 };
    }
    const effects: Effect[] = [{ type: 'changed', nodes: 'all' }];
    if (config.chatterMs > 0) effects.push({ type: 'timer', key: TICK, delay: config.chatterMs });
    return { state, effects };
  },

  check(state, node, action) {
    if (!state.inbox[node]) return { code: 'not_playing', message: 'You joined after this round started: wait for the next one.' };
    for (const to of action.to) {
      if (to === node) return { code: 'bad_recipient', message: 'You cannot send a message to yourself.' };
      if (!state.inbox[to]) return { code: 'bad_recipient', message: `There is no node ${to} in this round.` };
    }
    if (new Set(action.to).size !== action.to.length) {
      return { code: 'bad_recipient', message: 'Each recipient may appear only once.' };
    }
    return null;
  },

  act(state, node, action, ctx) {
    const effects: Effect[] = action.to.map((to) => ({
      type: 'send',
      from: node,
      to,
      kind: KIND,
      body: { text: action.text } satisfies SandboxBody,
    }));
    pushCapped(state.sent[node]!, { to: [...action.to], text: action.text, at: ctx.now });
    state.counts[node]!.sent += action.to.length;
    if (action.chatter) state.chattered[node] = state.tick;
    if (action.replyTo) {
      const item = state.inbox[node]!.find((m) => m.id === action.replyTo);
      if (item) item.replied = true;
    }
    effects.push({ type: 'changed', nodes: [node] });
    return effects;
  },

  deliver(state, env: Envelope, ctx) {
    const inbox = state.inbox[env.to];
    if (!inbox || env.kind !== KIND) return [];
    const body = env.body as SandboxBody;
    state.counts[env.to]!.received += 1;
    pushCapped(inbox, {
      id: env.id,
      from: env.from,
      text: body.text,
      sentAt: env.sentAt,
      receivedAt: ctx.now,
      lamport: env.lamport,
      duplicate: inbox.some((m) => m.id === env.id),
      replied: false,
    });
    return [{ type: 'changed', nodes: [env.to] }];
  },

  timer(state, key) {
    if (key !== TICK) return [];
    state.tick += 1;
    return [
      { type: 'changed', nodes: 'all' },
      { type: 'timer', key: TICK, delay: state.config.chatterMs },
    ];
  },

  view(state, node): SandboxView {
    return {
      game: 'sandbox',
      you: node,
      peers: state.nodes.filter((n) => n !== node),
      inbox: (state.inbox[node] ?? []).slice(-VIEW_ITEMS),
      sent: (state.sent[node] ?? []).slice(-VIEW_ITEMS),
      received: state.counts[node]?.received ?? 0,
      chatterDue: state.tick > (state.chattered[node] ?? 0),
    };
  },

  consoleView(state): SandboxConsoleView {
    const perNode: SandboxConsoleView['perNode'] = {};
    for (const n of state.nodes) perNode[n] = { ...state.counts[n]! };
    return { game: 'sandbox', perNode };
  },

  result(state, net: NetStats) {
    return { game: 'sandbox', nodes: state.nodes.length, ...net };
  },

  bot(view, { node, nodes, rng }) {
    // A bot answers each new, original message once: "echo: <text>" back to its sender,
    // and on each chatter tick writes to one peer chosen at random.
    const v = view as SandboxView;
    const actions: SandboxAction[] = [];
    if (v.chatterDue && nodes.length > 1) {
      let to = rng.pick(nodes);
      while (to === node) to = rng.pick(nodes);
      actions.push({ type: 'send', to: [to], text: `hello from ${node}`, chatter: true });
    }
    return actions.concat(
      v.inbox
        .filter((m) => !m.replied && !m.duplicate && !m.text.startsWith('echo: ') && m.from !== node)
        .map((m) => ({
          type: 'send' as const,
          to: [m.from],
          text: `echo: ${m.text}`.slice(0, TEXT_MAX),
          replyTo: m.id,
        })),
    );
  },

  botDelay: (state) => state.config.botDelayMs,

  sim: {
    config: (flags) => ({
      botDelayMs: intFlag(flags, 'bot-delay', 10, 0, 60_000),
      chatterMs: intFlag(flags, 'chatter', 100, 1, 600_000),
    }),
    maxTimeMs: (_config, flags) => intFlag(flags, 'duration', 5_000, 1, 86_400_000),
    trial: (result) => {
      const r = result as NetStats & { nodes: number };
      return { sent: r.sent, delivered: r.delivered, duplicated: r.duplicated, dropped: r.dropped };
    },
    summary: (trials) => {
      const t = trials as unknown as NetStats[];
      const sum = (f: (n: NetStats) => number) => t.reduce((a, n) => a + f(n), 0);
      return {
        sent: sum((n) => n.sent),
        delivered: sum((n) => n.delivered),
        dropped: {
          crashed: sum((n) => n.dropped.crashed),
          partition: sum((n) => n.dropped.partition),
          loss: sum((n) => n.dropped.loss),
        },
      };
    },
  },
};

/** Histories are capped so a long session cannot grow a node's state without bound. */
const HISTORY_MAX = 200;
function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > HISTORY_MAX) list.splice(0, list.length - HISTORY_MAX);
}
