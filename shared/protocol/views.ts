// What each screen is sent: a phone's `NodeView`, the projector's `ConsoleSnapshot`, and the
// pieces of state they carry. Declared here, beside the events that carry them, so the
// protocol imports nothing above it; shared/session/views.ts builds them from the state.

import type { Faults } from '../net/faults';
import type { NodeId } from './ids';
import type { Notice } from './notice';
import type { NodeKind } from './recordingFormat';
import type { Language } from './languages';

/** A node's place in the room: `kicked` and `left` are for good. */
export type NodeStatus = 'active' | 'kicked' | 'left';

/** Network figures (a round's or the whole session's). */
export interface NetStats {
  sent: number;
  delivered: number;
  duplicated: number;
  dropped: { crashed: number; partition: number; loss: number };
}

export interface RoundSummary {
  index: number;
  game: string;
  config: unknown;
  nodes: number;
  startedAt: number;
  endedAt: number;
  reason: string;
  result: unknown;
}

export interface FaultLogEntry {
  t: number;
  /** In English, for logs and students' programs (recordings made before notices: as recorded). */
  text: string;
  /** What happened, for screens to word (a fault's `net.fault.*`, a drill step's `net.step.*`); absent when only `text` is known. */
  notice?: Notice;
  /** The one-click drill that made this change (`drill.<name>.name`). */
  drill?: string;
  /** A scripted drill's step: its number, of how many, and the instructor's own note for it (`script`: the preset whose note it is, worded as `script.<id>.note.<index>`). */
  step?: { index: number; of: number; note?: string; script?: string };
  /** Why the step could not run (an error code and params). */
  failed?: { code: string; params?: Notice['params'] };
}

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
  room: { code: string; locked: boolean; language: Language | null; ended: boolean; paused: boolean };
  round: RoundInfo | null;
  /** False when the node joined after the current round started. */
  playing: boolean;
  /** The game's view for this node (see each game's view type). */
  game: unknown;
  /**
   * Between rounds: the round that just ended and this node's view of its final state (a
   * round can end the instant the node's last message arrives; the phone still shows it).
   * `classRecap`: what happened to the whole class, from the round's result (the game's
   * `classRecap`: counts anyone may know, never a node's secret), or null for a game without one.
   */
  lastRound: (RoundInfo & { view: unknown; classRecap: unknown }) | null;
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
  room: { code: string; locked: boolean; language: Language | null; ended: boolean; capacity: number; session: string; startedAt: string };
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
  /** `id`: a preset's (its name worded by the catalogue); a step's `notice` is worded unless it has the instructor's own `note`. */
  drill: {
    id?: string;
    name: string;
    startedAt: number;
    steps: { at: number; text: string; notice: Notice; note?: string }[];
    next: number;
    nextAt: number | null;
  } | null;
  /** The live room's projector stage (absent in a replay): whether secrets are revealed on it, and how many stages watch. */
  stage?: StageStatus;
  /** The live room's phones holding instructor rights (besides the room key), each revocable. */
  instructors?: InstructorDevice[];
}

export interface InstructorDevice {
  id: string;
  label: string;
  /** When it got its rights (ms since the Unix epoch). */
  since: number;
}

export interface StageStatus {
  /** The instructor revealed the current (or last) round's secrets on the stage. */
  revealed: boolean;
  /** Stage screens following the room now. */
  screens: number;
}

/** A node as the whole class may see it on the projector. */
export interface StageNode extends RosterEntry {
  connected: boolean;
  /** When `connected` last changed (session ms). */
  since: number;
  crashed: boolean;
  group: string;
  inRound: boolean;
}

/**
 * What the projector stage is sent: what the whole class may see, and nothing a phone keeps
 * from another. No round settings (they can name traitors), no message contents, and each
 * game's `stageView` in place of its console view; secrets only once `revealed`.
 */
export interface StageSnapshot {
  /** `language`: the room's, which the stage shows (null: the browser's). */
  room: { code: string; locked: boolean; language: Language | null; ended: boolean };
  t: number;
  paused: boolean;
  pausedAt: number | null;
  /** Active nodes only. */
  nodes: StageNode[];
  faults: Faults;
  /** The instructor revealed the round's secrets (roles, words, cards) for the debrief. */
  revealed: boolean;
  round: (RoundInfo & { nodes: NodeId[]; view: unknown; timers: Record<string, number> }) | null;
  /** While no round runs: the round that ended last, its final state as the class may see it (its verdict). */
  verdict: (RoundInfo & { endedAt: number; reason: string; view: unknown }) | null;
  /** Rounds played so far in the session. */
  rounds: number;
}
