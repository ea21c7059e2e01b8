// The card leader election game: Raft's election and commit, played by phones and bots through
// the simulated network. This file wires the engine contract to the game's parts: settings and
// actions in config.ts, the state in state.ts, transitions in election.ts (voting) and log.ts
// (replication), checks in rules.ts, screens in view.ts and console.ts, stale leaders in
// stale.ts, the round's analysis in analysis.ts, the autopilot in bot.ts, the simulator in
// sim.ts (index.ts pairs the two). The rules with their IDs are in README.md beside this file.

import type { NodeId } from '../../protocol/ids';
import { deriveSeed } from '../../rng';
import type { Effect, EngineCtx, Envelope, GameEngine, SeatOut, SeatRules } from '../types';
import { electionResult, type ElectionResult } from './analysis';
import { botIdleOf, electionBot, electionBotIdle } from './bot';
import { dealCards } from './cards';
import { checkAction } from './rules';
import { electionAction, electionConfig, GAME_ID, KIND, timingOf, type ElectionAction, type ElectionConfig } from './config';
import {
  answerVote,
  crash,
  onElectionTimer,
  onPreVote,
  onPreVoteRequest,
  onQuorumCheck,
  onVote,
  onVoteRequest,
  stand,
  syncDown,
} from './election';
import { heartbeat, onAppend, onAppendReply, propose } from './log';
import { refreshStale } from './stale';
import {
  armElection,
  begin,
  end,
  keyOf,
  nodeOf,
  parseKey,
  processingDelay,
  setTimer,
  TIMER,
  TIMER_KINDS,
  type SeatTimers,
  type Step,
  type TimerIndex,
  type TimerKind,
} from './step';
import type { ElectionState, NodeState } from './state';
import { consoleView, type ElectionConsoleView } from './console';
import { stageView } from './stage';
import { nodeView, type ElectionView } from './view';

function freshNode(): NodeState {
  return {
    term: 0,
    votedFor: null,
    log: [],
    commitIndex: 0,
    role: 'follower',
    down: false,
    leaderId: null,
    expired: false,
    votes: {},
    voteCount: 0,
    refused: {},
    refusedCount: 0,
    pending: [],
    lead: null,
    heard: { count: 0, at: null },
    notice: null,
    inbox: [],
    preVote: null,
  };
}

/** Hands a received message to the game's handler for its kind. */
function handle(st: Step, env: Envelope): void {
  switch (env.kind) {
    case KIND.voteRequest:
      onVoteRequest(st, env);
      return;
    case KIND.vote:
      onVote(st, env);
      return;
    case KIND.append:
      onAppend(st, env);
      return;
    case KIND.appendReply:
      onAppendReply(st, env);
      return;
    case KIND.preVoteRequest:
      onPreVoteRequest(st, env);
      return;
    case KIND.preVote:
      onPreVote(st, env);
      return;
  }
}

/**
 * The node has handled the message at the head of its queue [E18]: it takes effect now, and
 * the next one (if any) takes another processing time.
 */
function processNext(st: Step, node: NodeId): void {
  const n = nodeOf(st.s, node);
  const env = n.inbox.shift();
  if (n.inbox.length > 0) setTimer(st, TIMER.process, processingDelay(st.s), node);
  if (env) handle(st, env);
}

/**
 * A message reaches a live node of the round: handled at once, or queued for its processing
 * time [E18]. `own`: the envelope is the caller's to give (the simulator's), so the queue may
 * keep it as it is; else the queue keeps a copy (a room's envelope is also the recording's).
 */
function receive(st: Step, n: NodeState, env: Envelope, own: boolean): void {
  const s = st.s;
  if (s.timing.processingMs[1] === 0) {
    handle(st, env);
    return;
  }
  // Processing time [E18]: the message waits its turn in the node's queue.
  if (own) n.inbox.push(env);
  else {
    const { id, from, to, kind, body, sentAt, lamport } = env;
    n.inbox.push({ id, from, to, kind, body, sentAt, lamport });
  }
  if (n.inbox.length === 1) setTimer(st, TIMER.process, processingDelay(s), env.to);
}

/** A timer of this game fires for a node of the round. */
function fire(st: Step, kind: TimerKind, node: NodeId, n: NodeState): void {
  const ctx = st.ctx;
  // Timers of a crashed node still fire; a node gone from the room is noticed here.
  if (ctx.everyoneUp !== true && ctx.isDown(node)) {
    if (!n.down) crash(st, node);
    return;
  }
  if (n.down) return;
  if (kind === 'timeout') onElectionTimer(st, node);
  else if (kind === 'process') processNext(st, node);
  else if (kind === 'quorum') onQuorumCheck(st, node);
  else if (n.role === 'leader') heartbeat(st, node);
}

/** Runs one engine call: the transition, then stale leaders if anything they depend on moved. */
function run(s: ElectionState, ctx: EngineCtx, body: (st: Step) => void): Effect[] {
  const st = begin(s, ctx);
  body(st);
  if (st.dirty) refreshStale(st);
  const fx = st.fx;
  if (st.changed.size) fx.push({ type: 'changed', nodes: st.changed.list });
  end(st);
  return fx;
}

/** The end of an engine call whose effects went to `out` (run()'s last steps): the changed views, by seat. */
function finish(st: Step, out: SeatOut, seatOf: ReadonlyMap<NodeId, number>): void {
  if (st.dirty) refreshStale(st);
  const list = st.changed.list;
  if (list.length) {
    for (let i = 0; i < list.length; i++) {
      const seat = seatOf.get(list[i] as NodeId);
      if (seat !== undefined) out.changed(seat);
    }
    // Not handed out: the list serves the next call (pop() is cheaper than setting its length).
    while (list.length) list.pop();
  }
  end(st);
}

/**
 * The simulator's seat rules for the election: `deliverEnvelope` and `timer` with their effects
 * handed to the simulator as they come (no effect objects, no lists, the simulator's envelope
 * kept as it is in the node's queue), through the same transitions in the same order; timers
 * armed and fired by the simulator's number for each (kept by kind and seat), nodes found by
 * seat. Bots keep to the engine (botIdle, then the view and the bot).
 */
function electionSeats(s: ElectionState, nodes: readonly NodeId[]): SeatRules | null {
  if (nodes.length !== s.nodes.length || nodes.some((n, i) => s.nodes[i] !== n)) return null;
  const size = nodes.length;
  const seatOf = new Map(nodes.map((n, i) => [n, i]));
  // Each seat's node (the records stay the same objects for the whole round), every one dealt a card.
  const bySeat = nodes.map((n) => nodeOf(s, n));
  // The simulator's number of each timer, at kind × size + seat (−1: not asked yet) …
  const idOf = new Int32Array(TIMER_KINDS.length * size).fill(-1);
  // … and, by that number, the timer's kind and seat (−1: not known yet, or not this game's).
  const kindById: number[] = [];
  const seatById: number[] = [];
  const learn = (id: number, kind: number, seat: number) => {
    while (kindById.length <= id) {
      kindById.push(-1);
      seatById.push(-1);
    }
    kindById[id] = kind;
    seatById[id] = seat;
  };
  const timerId = (kind: TimerIndex, node: NodeId, out: SeatOut): number => {
    const seat = seatOf.get(node) as number;
    const at = kind * size + seat;
    let id = idOf[at] as number;
    if (id < 0) {
      id = out.timerNumber(keyOf(TIMER_KINDS[kind], node));
      idOf[at] = id;
      learn(id, kind, seat);
    }
    return id;
  };
  const timers: SeatTimers = {
    set: (kind, node, delay, out) => out.arm(timerId(kind, node, out), delay),
    cancel: (kind, node, out) => out.disarm(timerId(kind, node, out)),
  };
  return {
    deliverEnvelope(env, ctx, out, to) {
      const n = nodes[to] === env.to ? bySeat[to] : s.node[env.to];
      if (!n || n.down || !s.node[env.from]) return;
      s.messages.delivered[env.kind] = (s.messages.delivered[env.kind] ?? 0) + 1;
      const st = begin(s, ctx, out, timers);
      receive(st, n, env, true);
      finish(st, out, seatOf);
    },
    botIdle: (seat) => botIdleOf(bySeat[seat] as NodeState),

    timer(key, ctx, out, id) {
      let kind = id < kindById.length ? (kindById[id] as number) : -1;
      if (kind < 0) {
        // Armed by key (the round's start): parsed once.
        const parsed = parseKey(key);
        const seat = parsed ? seatOf.get(parsed.node) : undefined;
        if (!parsed || seat === undefined) return;
        kind = TIMER_KINDS.indexOf(parsed.kind);
        learn(id, kind, seat);
      }
      const seat = seatById[id] as number;
      const st = begin(s, ctx, out, timers);
      fire(st, TIMER_KINDS[kind as TimerIndex], nodes[seat] as NodeId, bySeat[seat] as NodeState);
      finish(st, out, seatOf);
    },
  };
}

/** The leader of the highest term among live nodes, or null (drills and the console use it). */
export function currentLeader(s: ElectionState): NodeId | null {
  let best: NodeId | null = null;
  for (const l of s.leaders) {
    const n = nodeOf(s, l);
    if (n.down) continue;
    if (best === null || n.term > nodeOf(s, best).term) best = l;
  }
  return best;
}

export const election: GameEngine<ElectionConfig, ElectionState, ElectionAction, ElectionView | null, ElectionConsoleView, ElectionResult> =
  {
    id: GAME_ID,
    title: 'Card leader election (Raft)',
    config: electionConfig,
    action: electionAction,
    minNodes: 2,

    init(config, ctx) {
      const nodes = [...ctx.nodes];
      const s: ElectionState = {
        config,
        timing: timingOf(config),
        nodes,
        majority: Math.floor(nodes.length / 2) + 1,
        startedAt: ctx.now,
        lastT: ctx.now,
        rng: deriveSeed(ctx.seed, 'election'),
        cards: dealCards(nodes, ctx.seed),
        node: {},
        leaders: [],
        maxTerm: 0,
        maxLeaderTerm: 0,
        firstLeaderAt: null,
        firstLeaderTerm: null,
        elections: 0,
        terms: {},
        dropped: { terms: 0, splitVotes: 0 },
        maxLeadersPerTerm: 0,
        leaderIds: [],
        committed: [],
        violations: [],
        staleNow: {},
        staleDone: [],
        staleTotals: { count: 0, ms: 0, longestMs: 0 },
        messages: { sent: {}, delivered: {} },
      };
      for (const n of nodes) s.node[n] = freshNode();
      const effects = run(s, ctx, (st) => {
        for (const n of nodes) {
          if (ctx.isDown(n)) nodeOf(s, n).down = true;
          else armElection(st, n);
        }
      });
      effects.push({ type: 'changed', nodes: 'all' });
      return { state: s, effects };
    },

    check: (s, node, action, ctx) => checkAction(s, node, action, ctx),

    act(s, node, action, ctx) {
      return run(s, ctx, (st) => {
        switch (action.type) {
          case 'stand':
            stand(st, node);
            return;
          case 'vote':
            answerVote(st, node, action.candidate, action.grant);
            return;
          case 'propose':
            propose(st, node, action.value);
            return;
        }
      });
    },

    deliver(s, env, ctx) {
      const n = s.node[env.to];
      if (!n || n.down || !s.node[env.from]) return [];
      s.messages.delivered[env.kind] = (s.messages.delivered[env.kind] ?? 0) + 1;
      return run(s, ctx, (st) => receive(st, n, env, false));
    },

    timer(s, key, ctx) {
      const parsed = parseKey(key);
      const n = parsed ? s.node[parsed.node] : undefined;
      if (!parsed || !n) return [];
      return run(s, ctx, (st) => fire(st, parsed.kind, parsed.node, n));
    },

    faultsChanged(s, _prev, _next, ctx) {
      return run(s, ctx, (st) => {
        syncDown(st);
        st.dirty = true;
      });
    },

    view: (s, node) => nodeView(s, node),
    consoleView: (s) => consoleView(s, currentLeader(s)),
    stageView: (s) => stageView(s, currentLeader(s)),
    result: (s, net) => electionResult(s, net),
    bot: electionBot,
    botIdle: electionBotIdle,
    botDelay: (s, rng) => rng.between(s.timing.botDelayMs[0], s.timing.botDelayMs[1]),
    leader: currentLeader,
    seats: electionSeats,
  };
