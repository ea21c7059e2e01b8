// What each screen is sent. A phone gets `nodeView` (its own node, and the game's view for
// it: nothing another node keeps secret); the projector gets `consoleSnapshot`.

import { engineFor } from '../games';
import type { NetStats } from '../games/types';
import { groupOf, type Faults } from '../net/faults';
import { isCrashed } from '../net/network';
import { describeStep, orderedSteps } from '../net/script';
import type { NodeId } from '../protocol/ids';
import type { NodeKind } from './events';
import { inRound, type FaultLogEntry, type NodeStatus, type RoundSummary, type SessionState } from './state';

export interface RoundInfo {
  index: number;
  game: string;
  title: string;
  startedAt: number;
}

export interface NodeView {
  you: {
    id: NodeId;
    nickname: string;
    kind: NodeKind;
    autopilot: boolean;
    crashed: boolean;
  };
  room: { code: string; locked: boolean; ended: boolean; paused: boolean };
  round: RoundInfo | null;
  /** False when the node joined after the current round started. */
  playing: boolean;
  /** The game's view for this node (see each game's view type). */
  game: unknown;
  /**
   * Between rounds: the round that just ended and this node's view of its final state (a
   * round can end the instant the node's last message arrives; the phone still shows it).
   */
  lastRound: (RoundInfo & { view: unknown }) | null;
  /** Session time (ms) this view describes; lets a phone count timers down. */
  t: number;
  /**
   * This node's armed timers and the round's (key → session time it fires). They come from the session, not
   * the game, so a countdown stays right when the instructor pauses the network.
   */
  timers: Record<string, number>;
}

export interface RosterEntry {
  id: NodeId;
  nickname: string;
  kind: NodeKind;
}

export interface ConsoleNode extends RosterEntry {
  status: NodeStatus;
  connected: boolean;
  /** When `connected` last changed (session ms). */
  since: number;
  autopilot: boolean;
  crashed: boolean;
  group: string;
  inRound: boolean;
}

export interface ConsoleSnapshot {
  room: { code: string; locked: boolean; ended: boolean; capacity: number; session: string; startedAt: string };
  t: number;
  seq: number;
  nodes: ConsoleNode[];
  faults: Faults;
  paused: boolean;
  /** When the network was paused (session ms), or null. */
  pausedAt: number | null;
  round: (RoundInfo & { config: unknown; nodes: NodeId[]; net: NetStats; view: unknown; timers: Record<string, number> }) | null;
  rounds: RoundSummary[];
  net: NetStats;
  faultLog: FaultLogEntry[];
  /** The scripted drill running now, with its next step. */
  drill: { name: string; startedAt: number; steps: { at: number; text: string }[]; next: number; nextAt: number | null } | null;
}

function roundInfo(state: SessionState): RoundInfo | null {
  const r = state.round;
  if (!r) return null;
  return { index: r.spec.index, game: r.spec.game, title: engineFor(r.spec.game)?.title ?? r.spec.game, startedAt: r.startedAt };
}

export function nodeView(state: SessionState, node: NodeId): NodeView | null {
  const rec = state.nodes[node];
  if (!rec) return null;
  const round = state.round;
  const playing = !!round && inRound(round.spec, node);
  const engine = round ? engineFor(round.spec.game) : undefined;
  return {
    you: {
      id: rec.id,
      nickname: rec.nickname,
      kind: rec.kind,
      autopilot: rec.autopilot,
      crashed: isCrashed(state.faults, node),
    },
    room: { code: state.header.room, locked: state.locked, ended: state.ended, paused: state.pausedAt !== null },
    round: roundInfo(state),
    playing,
    game: round && playing && engine ? engine.view(round.engineState, node) : null,
    lastRound: round ? null : lastRoundView(state, node),
    t: state.t,
    timers: nodeTimers(state, node),
  };
}

function lastRoundView(state: SessionState, node: NodeId): NodeView['lastRound'] {
  const last = state.lastRound;
  if (!last || !inRound(last.spec, node)) return null;
  const engine = engineFor(last.spec.game);
  if (!engine) return null;
  return {
    index: last.spec.index,
    game: last.spec.game,
    title: engine.title,
    startedAt: state.rounds.find((r) => r.index === last.spec.index)?.startedAt ?? last.endedAt,
    view: engine.view(last.engineState, node),
  };
}

function nodeTimers(state: SessionState, node: NodeId): Record<string, number> {
  const out: Record<string, number> = {};
  // The node's own timers, and the round's (a phase, a gossip round), which every phone counts down.
  for (const [key, timer] of Object.entries(state.timers)) if (timer.node === node || timer.node === undefined) out[key] = timer.at;
  return out;
}

/** The round's own timers (a phase, a gossip round), which pauses move: for countdowns. */
function roundTimers(state: SessionState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, timer] of Object.entries(state.timers)) if (timer.node === undefined) out[key] = timer.at;
  return out;
}

/** The public list of who is in the room (names only), for the phones' pickers. */
export function roster(state: SessionState): RosterEntry[] {
  const out: RosterEntry[] = [];
  for (const id of state.order) {
    const rec = state.nodes[id]!;
    if (rec.status === 'active') out.push({ id, nickname: rec.nickname, kind: rec.kind });
  }
  return out;
}

/** `now` is the session time the snapshot is taken at (defaults to the last event's). */
export function consoleSnapshot(state: SessionState, now = state.t): ConsoleSnapshot {
  const round = state.round;
  const engine = round ? engineFor(round.spec.game) : undefined;
  const info = roundInfo(state);
  return {
    room: {
      code: state.header.room,
      locked: state.locked,
      ended: state.ended,
      capacity: state.header.capacity,
      session: state.header.session,
      startedAt: state.header.startedAt,
    },
    t: now,
    seq: state.seq,
    nodes: state.order.map((id) => {
      const rec = state.nodes[id]!;
      return {
        id,
        nickname: rec.nickname,
        kind: rec.kind,
        status: rec.status,
        connected: rec.connected,
        since: rec.since,
        autopilot: rec.autopilot,
        crashed: isCrashed(state.faults, id),
        group: groupOf(state.faults, id),
        inRound: !!round && inRound(round.spec, id),
      };
    }),
    faults: state.faults,
    paused: state.pausedAt !== null,
    pausedAt: state.pausedAt,
    round:
      round && info
        ? {
            ...info,
            config: round.spec.config,
            nodes: round.spec.nodes,
            net: round.net,
            view: engine ? engine.consoleView(round.engineState) : null,
            timers: roundTimers(state),
          }
        : null,
    rounds: state.rounds,
    net: state.net,
    faultLog: state.faultLog.slice(-50),
    drill: state.drill
      ? {
          name: state.drill.script.name,
          startedAt: state.drill.startedAt,
          steps: orderedSteps(state.drill.script).map((s) => ({ at: s.at, text: describeStep(s) })),
          next: state.drill.next,
          nextAt: state.drill.nextAt,
        }
      : null,
  };
}
