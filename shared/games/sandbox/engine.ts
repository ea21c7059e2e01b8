// The sandbox round: every node may send a short text to nodes it picks, and sees its inbox.
// It is the class's warm-up ("send your neighbour a message; now watch it get lost") and the
// path the example client and the benchmark use. Rules are in README.md beside this file.

import { must } from '../../must';
import type { NodeId } from '../../protocol/ids';
import type { Effect, Envelope, GameEngine, NetStats, Rejection } from '../types';
import {
  sandboxAction,
  sandboxConfig,
  TEXT_MAX,
  VIEW_ITEMS,
  type SandboxAction,
  type SandboxBody,
  type SandboxClassRecap,
  type SandboxConfig,
  type SandboxConsoleView,
  type SandboxResult,
  type SandboxState,
  type SandboxView,
} from './config';

const KIND = 'sandbox:text';

/** The counters of a node of the round (`check` has made sure it is one). */
function countsOf(state: SandboxState, node: NodeId): { sent: number; received: number } {
  return must(state.counts[node], `${node}'s counters`);
}
const TICK = 'sandbox:chatter';

export const sandbox: GameEngine<SandboxConfig, SandboxState, SandboxAction, SandboxView, SandboxConsoleView, SandboxResult> = {
  id: 'sandbox',
  title: 'Sandbox: send a message',
  config: sandboxConfig,
  action: sandboxAction,
  minNodes: 1,

  init(config, ctx) {
    const state: SandboxState = { config, nodes: [...ctx.nodes], inbox: {}, sent: {}, older: {}, counts: {}, tick: 0, chattered: {} };
    for (const n of ctx.nodes) {
      state.inbox[n] = [];
      state.sent[n] = [];
      state.older[n] = [];
      state.counts[n] = { sent: 0, received: 0 };
    }
    const effects: Effect[] = [{ type: 'changed', nodes: 'all' }];
    if (config.chatterMs > 0) effects.push({ type: 'timer', key: TICK, delay: config.chatterMs });
    return { state, effects };
  },

  check(state, node, action): Rejection | null {
    if (!state.inbox[node]) return { code: 'not_playing' };
    for (const to of action.to) {
      if (to === node) return { code: 'bad_recipient', params: { why: 'self' } };
      if (!state.inbox[to]) return { code: 'bad_recipient', params: { why: 'unknown', id: to } };
    }
    if (new Set(action.to).size !== action.to.length) return { code: 'bad_recipient', params: { why: 'twice' } };
    return null;
  },

  act(state, node, action, ctx) {
    const effects: Effect[] = action.to.map((to) => ({
      type: 'send',
      from: node,
      to,
      kind: KIND,
      body: (action.bot ? { text: action.text, bot: action.bot } : { text: action.text }) satisfies SandboxBody,
    }));
    keepLast(
      VIEW_ITEMS,
      must(state.sent[node], `${node}'s sent list`),
      Object.freeze({ to: recipients(state.nodes, action.to), text: action.text, at: ctx.now }),
    );
    countsOf(state, node).sent += action.to.length;
    if (action.chatter) state.chattered[node] = state.tick;
    if (action.replyTo) {
      const inbox = state.inbox[node] ?? [];
      const at = inbox.findIndex((m) => m.id === action.replyTo);
      const item = inbox[at];
      if (item) inbox[at] = Object.freeze({ ...item, replied: true });
    }
    effects.push({ type: 'changed', nodes: [node] });
    return effects;
  },

  deliver(state, env: Envelope, ctx) {
    const inbox = state.inbox[env.to];
    if (!inbox || env.kind !== KIND) return [];
    const body = env.body as SandboxBody;
    countsOf(state, env.to).received += 1;
    const older = must(state.older[env.to], `${env.to}'s older ids`);
    const duplicate = inbox.some((m) => m.id === env.id) || older.includes(env.id);
    const gone = keepLast(
      VIEW_ITEMS,
      inbox,
      Object.freeze({
        id: env.id,
        from: env.from,
        text: body.text,
        sentAt: env.sentAt,
        receivedAt: ctx.now,
        lamport: env.lamport,
        ...(body.bot ? { bot: body.bot } : {}),
        duplicate,
        replied: false,
      }),
    );
    if (gone) keepLast(DUPLICATES_WINDOW - VIEW_ITEMS, older, gone.id);
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
      peers: peersOf(state.nodes, node),
      inbox: (state.inbox[node] ?? []).slice(-VIEW_ITEMS),
      sent: (state.sent[node] ?? []).slice(-VIEW_ITEMS),
      received: state.counts[node]?.received ?? 0,
      chatterDue: state.tick > (state.chattered[node] ?? 0),
    };
  },

  consoleView(state): SandboxConsoleView {
    const perNode: SandboxConsoleView['perNode'] = {};
    for (const n of state.nodes) perNode[n] = frozenCounts(countsOf(state, n));
    return { game: 'sandbox', perNode };
  },

  /** Texts are private to their two nodes: the stage gets how many each sent and received. */
  stageView(state): SandboxConsoleView {
    return this.consoleView(state);
  },

  result(state, net: NetStats) {
    return { game: 'sandbox' as const, nodes: state.nodes.length, ...net };
  },

  /** The network's counts of the round: messages the class sent, copies that arrived and were lost, extra copies the network made (a duplicated message arrives twice). */
  classRecap(result): SandboxClassRecap {
    const { crashed, partition, loss } = result.dropped;
    return {
      game: 'sandbox',
      sent: result.sent,
      arrived: result.delivered,
      dropped: crashed + partition + loss,
      duplicated: result.duplicated,
    };
  },

  bot(view, { node, nodes, rng }) {
    // A bot answers each new, original message once: "echo: <text>" back to its sender,
    // and on each chatter tick writes to one peer chosen at random.
    const actions: SandboxAction[] = [];
    if (view.chatterDue && nodes.length > 1) {
      let to = rng.pick(nodes);
      while (to === node) to = rng.pick(nodes);
      // No node id in the text: a screen words it ("Hello from Ana!") from `bot` and the sender.
      actions.push({ type: 'send', to: [to], text: 'hello', chatter: true, bot: 'hello' });
    }
    return actions.concat(
      view.inbox
        .filter((m) => !m.replied && !m.duplicate && !m.text.startsWith('echo: ') && m.from !== node)
        .map((m) => ({
          type: 'send' as const,
          to: [m.from],
          text: `echo: ${m.text}`.slice(0, TEXT_MAX),
          replyTo: m.id,
          bot: m.bot === 'hello' ? ('echo-hello' as const) : ('echo' as const),
        })),
    );
  },

  botDelay: (state) => state.config.botDelayMs,
};

/**
 * The other nodes of the round, for a node's view: the same frozen list each time, since a
 * round's nodes never change (a view is made for every message a node sends or receives, and
 * in a lecture hall the list is 2,000 long).
 */
const peerLists = new WeakMap<readonly NodeId[], Map<NodeId, readonly NodeId[]>>();
function peersOf(nodes: readonly NodeId[], node: NodeId): NodeId[] {
  let lists = peerLists.get(nodes);
  if (!lists) {
    lists = new Map();
    peerLists.set(nodes, lists);
  }
  let peers = lists.get(node);
  if (!peers) {
    // Cut out with slices, not `filter`: a filtered array keeps the spare room it grew with
    // (about 7 KB of 23 for 1,999 peers), and there is one such list per node.
    const at = nodes.indexOf(node);
    peers = Object.freeze(at < 0 ? nodes.slice() : nodes.slice(0, at).concat(nodes.slice(at + 1)));
    lists.set(node, peers);
  }
  return peers as NodeId[];
}

/**
 * A node's counters as the console's snapshot shows them: the same frozen copy while they stay
 * the same, so the snapshot the room keeps for its consoles shares it (shared/protocol/patch.ts).
 */
const countCopies = new WeakMap<object, Readonly<{ sent: number; received: number }>>();
function frozenCounts(counts: { sent: number; received: number }): { sent: number; received: number } {
  const was = countCopies.get(counts);
  if (was && was.sent === counts.sent && was.received === counts.received) return was;
  const copy = Object.freeze({ sent: counts.sent, received: counts.received });
  countCopies.set(counts, copy);
  return copy;
}

/**
 * A sent item's recipients, as the round's own ids: one frozen list per recipient for the
 * usual single one, shared by every item sent to that node (a list and an id string of its
 * own, as the request parsed them, came to about 80 bytes an item, 30 of them a phone).
 */
const singles = new WeakMap<readonly NodeId[], Map<NodeId, readonly NodeId[]>>();
function recipients(nodes: readonly NodeId[], to: readonly NodeId[]): NodeId[] {
  let lists = singles.get(nodes);
  if (!lists) {
    lists = new Map();
    singles.set(nodes, lists);
  }
  if (to.length === 1) {
    const id = to[0] as NodeId;
    let list = lists.get(id);
    if (!list) {
      // `check` made sure the recipient is a node of the round: keep the round's own string.
      const own = nodes[nodes.indexOf(id)] ?? id;
      list = Object.freeze([own]);
      lists.set(own, list);
    }
    return list as NodeId[];
  }
  return Object.freeze(to.map((id) => lists.get(id)?.[0] ?? id)) as NodeId[];
}

/**
 * Appends `item` to `list`, keeping the last `max`; returns the item that fell off the front,
 * if one did. A node's lists keep what its phone shows (the last VIEW_ITEMS), so a long session
 * does not grow with every message: at one message a second each way, 200 items a list held
 * 50 KB a node once a class had run for three minutes. Their items are frozen once kept (a reply
 * replaces its item), so the view each phone holds shares them instead of copying them
 * (shared/protocol/patch.ts, `toJson`).
 */
function keepLast<T>(max: number, list: T[], item: T): T | undefined {
  list.push(item);
  return list.length > max ? list.shift() : undefined;
}

/**
 * How many of the copies a node received last a new copy is compared with, to mark it a
 * duplicate: the inbox's, then the older ids.
 */
const DUPLICATES_WINDOW = 200;
