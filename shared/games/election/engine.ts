// The card leader election game: Raft's election and commit, played by phones and bots through
// the simulated network. This file wires the engine contract to the game's parts: settings and
// actions in config.ts, the state in state.ts, transitions in election.ts (voting) and log.ts
// (replication), checks in rules.ts, screens in view.ts and console.ts, stale leaders in
// stale.ts, the round's analysis in analysis.ts, the autopilot in bot.ts, the simulator in
// sim.ts (index.ts pairs the two). The rules with their IDs are in README.md beside this file.

import type { NodeId } from '../../protocol/ids';
import { deriveSeed } from '../../rng';
import type { Effect, EngineCtx, Envelope, GameEngine } from '../types';
import { electionResult, type ElectionResult } from './analysis';
import { electionBot, electionBotIdle } from './bot';
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
import { armElection, begin, end, nodeOf, parseKey, processingDelay, processKey, type Step } from './step';
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
  if (n.inbox.length > 0) st.fx.push({ type: 'timer', key: processKey(node), delay: processingDelay(st.s), node });
  if (env) handle(st, env);
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
      return run(s, ctx, (st) => {
        if (s.timing.processingMs[1] === 0) {
          handle(st, env);
          return;
        }
        // Processing time [E18]: the message waits its turn in the node's queue.
        const { id, from, to, kind, body, sentAt, lamport } = env;
        n.inbox.push({ id, from, to, kind, body, sentAt, lamport });
        if (n.inbox.length === 1) st.fx.push({ type: 'timer', key: processKey(env.to), delay: processingDelay(s), node: env.to });
      });
    },

    timer(s, key, ctx) {
      const parsed = parseKey(key);
      const n = parsed ? s.node[parsed.node] : undefined;
      if (!parsed || !n) return [];
      return run(s, ctx, (st) => {
        // Timers of a crashed node still fire; a node gone from the room is noticed here.
        if (ctx.everyoneUp !== true && ctx.isDown(parsed.node)) {
          if (!n.down) crash(st, parsed.node);
          return;
        }
        if (n.down) return;
        if (parsed.kind === 'timeout') onElectionTimer(st, parsed.node);
        else if (parsed.kind === 'process') processNext(st, parsed.node);
        else if (parsed.kind === 'quorum') onQuorumCheck(st, parsed.node);
        else if (n.role === 'leader') heartbeat(st, parsed.node);
      });
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
  };
