// The recording: a header line, then one event per line, in the order they happened.
// Every change to a room's state is one of these events; the fold (shared/session/fold.ts)
// turns them back into the state. The live room records an event and then folds it, so the
// replay of a recording is, by construction, what happened.
//
// The format is part of the wire protocol, not the session's private business: consoles
// receive these events live (`console:events`), the HTTP API serves the files, and students'
// tools read them (docs/PROTOCOL.md). So the types live here, below the session that writes
// them, and the protocol can name them without importing upward.

import type { Faults, FaultOp } from '../net/faults';
import type { DrillScript } from '../net/script';
import type { DropReason } from '../net/network';
import type { NodeId } from './ids';
import type { Notice } from './notice';
import type { Language } from './languages';

export const RECORDING_FORMAT = 'human-cluster/recording';
/**
 * The version this code writes. Version 2 writes the busiest events (node:acted, envelope:sent,
 * envelope:delivered, envelope:dropped) in a short form (shared/session/recording.ts,
 * docs/PROTOCOL.md); version 1 wrote every event as its object. Readers read both.
 */
export const RECORDING_VERSION = 2;
/** Every version a reader of this code opens. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

export type NodeKind = 'human' | 'bot';

export interface RecordingHeader {
  format: typeof RECORDING_FORMAT;
  version: number;
  /** The session's id (also the recording's file name). */
  session: string;
  room: string;
  /** Wall-clock start (ISO 8601); every event's `t` is ms since this instant. */
  startedAt: string;
  seed: number;
  capacity: number;
  /** sha-256 of the instructor key: lets a restarted server check the key, reveals nothing. */
  keyHash: string;
  /** Initial network settings. */
  faults: Faults;
  /** Envelopes carry vector clocks (off only in big headless simulations). */
  vectorClocks: boolean;
}

export interface RoundSpec {
  index: number;
  game: string;
  /** The engine's parsed config. */
  config: unknown;
  seed: number;
  /** The nodes in the round, in seat order. */
  nodes: NodeId[];
}

export interface EnvelopeRecord {
  id: string;
  from: NodeId;
  to: NodeId;
  kind: string;
  body: unknown;
}

/** Every event type and its payload. */
export interface EventPayloads {
  'node:joined': { node: NodeId; nickname: string; kind: NodeKind; tokenHash?: string };
  'node:connected': { node: NodeId };
  'node:disconnected': { node: NodeId };
  'node:kicked': { node: NodeId };
  'node:left': { node: NodeId };
  'node:autopilot': { node: NodeId; on: boolean };
  'room:locked': { locked: boolean };
  /** The instructor set the room's language (null: each screen follows its browser). */
  'room:language': { language: Language | null };
  /** Why: a code (`instructor`, `idle`), worded by the reader (`reason.<code>`); older recordings: English. */
  'session:ended': { reason: string };
  /**
   * Cluster mode: a server process became the room's owner with this fencing token (it only
   * ever grows); every event after this line and up to the next one was applied by that owner.
   */
  'room:owner': { fence: number };
  /**
   * The faults changed by `op`, by hand or by the one-click `drill` named. Screens word the
   * operation (no sentence is recorded); recordings made before that have an English `text`.
   */
  'fault:changed': { op: FaultOp | { op: 'drill'; name: string }; faults: Faults; drill?: string; text?: string };
  'net:paused': Record<never, never>;
  /** The network resumed: everything pending moves later by `shift` ms. */
  'net:resumed': { shift: number };
  'round:started': { round: RoundSpec };
  /** `reason` is a code (`instructor`, `drill`, `gossip.everyone`…), worded by the reader; older recordings: English. */
  'round:ended': { index: number; reason: string; result: unknown };
  'node:acted': { node: NodeId; action: unknown; by: 'node' | 'bot' };
  /** An envelope left its sender: delivered later at each `at`, or dropped now. */
  'envelope:sent': { env: EnvelopeRecord } & ({ at: number[] } | { drop: DropReason });
  'envelope:delivered': { id: string; copy: number };
  /** A copy in flight was dropped on arrival (the receiver crashed or a cut was made). */
  'envelope:dropped': { id: string; copy: number; reason: DropReason };
  'timer:set': { key: string; at: number; node?: NodeId };
  'timer:cancelled': { key: string };
  'timer:fired': { key: string };
  /** `notice` is a code and params (worded by the reader); recordings made before it have an English `label`. */
  mark: { node?: NodeId; notice?: Notice; label?: string; data?: unknown };
  /** A scripted drill started; its steps run at `at` seconds after this event. */
  'drill:started': { script: DrillScript };
  /**
   * A step of the running drill ran; `failed` (a code and params) when it could not, e.g. no
   * leader yet. Recordings made before codes have the step's English `text` and `error`.
   */
  'drill:step': { index: number; failed?: { code: string; params?: Notice['params'] }; text?: string; error?: string };
  /** Why the drill ended: `finished`, `replaced`, `instructor` (older recordings: English). */
  'drill:ended': { reason: string };
}

export type EventType = keyof EventPayloads;

export type SessionEvent = {
  [K in EventType]: { seq: number; t: number; type: K } & EventPayloads[K];
}[EventType];

export type EventOf<K extends EventType> = Extract<SessionEvent, { type: K }>;

/** Event types a reader must know; anything else in a file is from a newer version. */
export const EVENT_TYPES: readonly EventType[] = [
  'node:joined',
  'node:connected',
  'node:disconnected',
  'node:kicked',
  'node:left',
  'node:autopilot',
  'room:locked',
  'room:language',
  'session:ended',
  'room:owner',
  'fault:changed',
  'net:paused',
  'net:resumed',
  'round:started',
  'round:ended',
  'node:acted',
  'envelope:sent',
  'envelope:delivered',
  'envelope:dropped',
  'timer:set',
  'timer:cancelled',
  'timer:fired',
  'mark',
  'drill:started',
  'drill:step',
  'drill:ended',
];
