// What each screen is sent. A phone gets `nodeView` (its own node, and the game's view for
// it: nothing another node keeps secret); the projector gets `consoleSnapshot`. The shapes
// are the protocol's (shared/protocol/views.ts); this module fills them from the state, with the
// games' views from the engines handed in (`games`).

import type { Games } from '../games/types';
import { groupOf } from '../net/faults';
import { isCrashed } from '../net/network';
import { describeStep, orderedSteps, stepNotice } from '../net/script';
import type { NodeId } from '../protocol/ids';
import type { ConsoleNode, ConsoleSnapshot, NodeView, RosterEntry, RoundInfo } from '../protocol/views';
import { inRound, recordOf, type SessionState } from './state';

function roundInfo(state: SessionState, games: Games): RoundInfo | null {
  const r = state.round;
  if (!r) return null;
  return { index: r.spec.index, game: r.spec.game, title: games.get(r.spec.game)?.engine.title ?? r.spec.game, startedAt: r.startedAt };
}

// The parts of a node's view that stay the same from one view to the next are the same frozen
// objects each time (the room's and the round's for every phone of the room, a node's own for
// it): the copy of each phone's view a room keeps shares them instead of holding its own, and
// comparing two views finds them unchanged at a glance (shared/protocol/patch.ts).
type You = NodeView['you'];
type RoomPart = NodeView['room'];
const yous = new WeakMap<object, You>();
const roomParts = new WeakMap<SessionState, RoomPart>();
const roundParts = new WeakMap<object, RoundInfo>();
const NO_TIMERS: Record<string, number> = Object.freeze({}) as Record<string, number>;

function youOf(state: SessionState, rec: SessionState['nodes'][NodeId] & object): You {
  const crashed = isCrashed(state.faults, rec.id);
  const was = yous.get(rec);
  if (was && was.nickname === rec.nickname && was.kind === rec.kind && was.autopilot === rec.autopilot && was.crashed === crashed)
    return was;
  const you = Object.freeze({ id: rec.id, nickname: rec.nickname, kind: rec.kind, autopilot: rec.autopilot, crashed });
  yous.set(rec, you);
  return you;
}

function roomPart(state: SessionState): RoomPart {
  const paused = state.pausedAt !== null;
  const was = roomParts.get(state);
  if (was && was.locked === state.locked && was.language === state.language && was.ended === state.ended && was.paused === paused)
    return was;
  const part = Object.freeze({ code: state.header.room, locked: state.locked, language: state.language, ended: state.ended, paused });
  roomParts.set(state, part);
  return part;
}

/** The running round's info, one frozen object for the round. */
function roundPart(state: SessionState, games: Games): RoundInfo | null {
  const r = state.round;
  if (!r) return null;
  let part = roundParts.get(r);
  if (!part) {
    part = Object.freeze(roundInfo(state, games) as RoundInfo);
    roundParts.set(r, part);
  }
  return part;
}

export function nodeView(state: SessionState, node: NodeId, games: Games): NodeView | null {
  const rec = state.nodes[node];
  if (!rec) return null;
  const round = state.round;
  const playing = !!round && inRound(round.spec, node);
  const engine = round ? games.get(round.spec.game)?.engine : undefined;
  return {
    you: youOf(state, rec),
    room: roomPart(state),
    round: roundPart(state, games),
    playing,
    game: round && playing && engine ? engine.view(round.engineState, node) : null,
    lastRound: round ? null : lastRoundView(state, node, games),
    t: state.t,
    timers: nodeTimers(state, node),
  };
}

function lastRoundView(state: SessionState, node: NodeId, games: Games): NodeView['lastRound'] {
  const last = state.lastRound;
  if (!last || !inRound(last.spec, node)) return null;
  const engine = games.get(last.spec.game)?.engine;
  if (!engine) return null;
  const summary = state.rounds.find((r) => r.index === last.spec.index);
  return {
    index: last.spec.index,
    game: last.spec.game,
    title: engine.title,
    startedAt: summary?.startedAt ?? last.endedAt,
    view: engine.view(last.engineState, node),
    // The class's half of the phone's ending, from the result the session core recorded.
    classRecap: summary && engine.classRecap ? engine.classRecap(summary.result) : null,
  };
}

function nodeTimers(state: SessionState, node: NodeId): Record<string, number> {
  let out: Record<string, number> | null = null;
  // The node's own timers, and the round's (a phase, a gossip round), which every phone counts down.
  for (const key in state.timers) {
    const timer = state.timers[key] as { at: number; node?: NodeId };
    if (timer.node === node || timer.node === undefined) {
      out ??= {};
      out[key] = timer.at;
    }
  }
  return out ?? NO_TIMERS;
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
    const rec = recordOf(state, id);
    if (rec.status === 'active') out.push({ id, nickname: rec.nickname, kind: rec.kind });
  }
  return out;
}

const consoleNodes = new WeakMap<object, ConsoleNode>();

/**
 * A node's line in the console's snapshot: the same frozen object from one snapshot to the next
 * while nothing in it changed (a snapshot goes a few times a second; its copy the room keeps
 * for the consoles then shares the lines, and the patch finds them unchanged at a glance).
 */
function consoleNode(state: SessionState, rec: SessionState['nodes'][NodeId] & object, playing: boolean): ConsoleNode {
  const crashed = isCrashed(state.faults, rec.id);
  const group = groupOf(state.faults, rec.id);
  const was = consoleNodes.get(rec);
  if (
    was &&
    was.nickname === rec.nickname &&
    was.kind === rec.kind &&
    was.status === rec.status &&
    was.connected === rec.connected &&
    was.since === rec.since &&
    was.autopilot === rec.autopilot &&
    was.crashed === crashed &&
    was.group === group &&
    was.inRound === playing
  )
    return was;
  const line: ConsoleNode = Object.freeze({
    id: rec.id,
    nickname: rec.nickname,
    kind: rec.kind,
    status: rec.status,
    connected: rec.connected,
    since: rec.since,
    autopilot: rec.autopilot,
    crashed,
    group,
    inRound: playing,
  });
  consoleNodes.set(rec, line);
  return line;
}

/** `now` is the session time the snapshot is taken at (defaults to the last event's). */
export function consoleSnapshot(state: SessionState, games: Games, now = state.t): ConsoleSnapshot {
  const round = state.round;
  const engine = round ? games.get(round.spec.game)?.engine : undefined;
  const info = roundInfo(state, games);
  return {
    room: {
      code: state.header.room,
      locked: state.locked,
      language: state.language,
      ended: state.ended,
      capacity: state.header.capacity,
      session: state.header.session,
      startedAt: state.header.startedAt,
    },
    t: now,
    seq: state.seq,
    nodes: state.order.map((id) => consoleNode(state, recordOf(state, id), !!round && inRound(round.spec, id))),
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
          ...(state.drill.script.id ? { id: state.drill.script.id } : {}),
          name: state.drill.script.name,
          startedAt: state.drill.startedAt,
          steps: orderedSteps(state.drill.script).map((s) => ({
            at: s.at,
            text: describeStep(s),
            notice: stepNotice(s),
            ...(s.note ? { note: s.note } : {}),
          })),
          next: state.drill.next,
          nextAt: state.drill.nextAt,
        }
      : null,
  };
}
