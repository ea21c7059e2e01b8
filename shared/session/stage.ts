// What the projector stage is sent: the picture the whole class may see. It is built here, on
// the server's side of the wire, so a secret the stage must not show never reaches its browser:
// round settings (they can name the traitors), message contents (a traitor's mixed orders, the
// rumour), marks (their labels name roles) and each game's console view stay off; the game's
// `stageView` takes its place, with secrets only once the instructor revealed them.

import type { Games } from '../games/types';
import { groupOf } from '../net/faults';
import { isCrashed } from '../net/network';
import type { SessionEvent } from '../protocol/recordingFormat';
import type { StageSnapshot } from '../protocol/views';
import { inRound, recordOf, type SessionState } from './state';

/** `now` is the session time the snapshot is taken at (defaults to the last event's). */
export function stageSnapshot(state: SessionState, games: Games, revealed: boolean, now = state.t): StageSnapshot {
  const round = state.round;
  const engine = round ? games.get(round.spec.game)?.engine : undefined;
  const last = round ? null : state.lastRound;
  const lastEngine = last ? games.get(last.spec.game)?.engine : undefined;
  const lastSummary = last ? state.rounds.find((r) => r.index === last.spec.index) : undefined;
  const nodes: StageSnapshot['nodes'] = [];
  for (const id of state.order) {
    const rec = recordOf(state, id);
    if (rec.status !== 'active') continue;
    nodes.push({
      id,
      nickname: rec.nickname,
      kind: rec.kind,
      connected: rec.connected,
      since: rec.since,
      crashed: isCrashed(state.faults, id),
      group: groupOf(state.faults, id),
      inRound: !!round && inRound(round.spec, id),
    });
  }
  return {
    room: { code: state.header.room, locked: state.locked, language: state.language, ended: state.ended },
    t: now,
    paused: state.pausedAt !== null,
    pausedAt: state.pausedAt,
    nodes,
    faults: state.faults,
    revealed,
    round:
      round && engine
        ? {
            index: round.spec.index,
            game: round.spec.game,
            title: engine.title,
            startedAt: round.startedAt,
            nodes: round.spec.nodes,
            view: engine.stageView ? engine.stageView(round.engineState, revealed) : null,
            timers: roundTimers(state),
          }
        : null,
    verdict:
      last && lastEngine
        ? {
            index: last.spec.index,
            game: last.spec.game,
            title: lastEngine.title,
            startedAt: lastSummary?.startedAt ?? last.endedAt,
            endedAt: last.endedAt,
            reason: lastSummary?.reason ?? '',
            view: lastEngine.stageView ? lastEngine.stageView(last.engineState, revealed) : null,
          }
        : null,
    rounds: state.rounds.length,
  };
}

/** The round's own timers (a phase, a gossip round): for countdowns. Nodes' own timers are theirs. */
function roundTimers(state: SessionState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, timer] of Object.entries(state.timers)) if (timer.node === undefined) out[key] = timer.at;
  return out;
}

/**
 * The recorded events the stage's map animates: envelopes without their contents (kind, ends
 * and times only), pauses, and round ends without their results. Faults travel in snapshots.
 */
export function stageEvents(events: readonly SessionEvent[]): SessionEvent[] {
  const out: SessionEvent[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'envelope:sent':
        out.push({ ...e, env: { ...e.env, body: null } });
        break;
      case 'envelope:delivered':
      case 'envelope:dropped':
      case 'net:paused':
      case 'net:resumed':
        out.push(e);
        break;
      case 'round:ended':
        out.push({ ...e, result: null });
        break;
      default:
        break;
    }
  }
  return out;
}
