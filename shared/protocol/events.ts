// The Socket.IO events between phones (or students' programs), the console and the server.
// Shared by server and client so both sides are typed from one place; docs/PROTOCOL.md has an
// example of each. Every client→server event takes a payload and an acknowledgement callback
// that receives a Result.

import type { SessionEvent } from '../session/events';
import type { ConsoleSnapshot, NodeView, RosterEntry } from '../session/views';
import type { Result } from './result';
import type { DrillName } from '../net/drills';
import type { FaultOp } from '../net/faults';
import type { DrillScript } from '../net/script';
import type { NodeId } from './ids';

type Ack<T> = (result: Result<T>) => void;

export interface JoinedData {
  node: NodeId;
  /** Keep it (localStorage): `room:resume` with it brings this node back after a reload. */
  token: string;
  view: NodeView;
  roster: Roster;
}

export interface Roster {
  count: number;
  nodes: RosterEntry[];
}

export interface CreatedData {
  code: string;
  /** The instructor key: kept by the instructor's browser only, never sent to a phone. */
  key: string;
  /** The address phones should open (the server's LAN address). */
  joinUrl: string;
  snapshot: ConsoleSnapshot;
}

export interface AttachedData {
  joinUrl: string;
  snapshot: ConsoleSnapshot;
}

export interface ClientToServerEvents {
  // ---- a node (a phone or a student's program) ----
  'room:join': (p: { code: string; nickname: string }, ack: Ack<JoinedData>) => void;
  'room:resume': (p: { code: string; token: string }, ack: Ack<JoinedData>) => void;
  'room:leave': (p: Record<string, never>, ack: Ack<null>) => void;
  'node:act': (p: { action: unknown }, ack: Ack<null>) => void;
  'node:autopilot': (p: { on: boolean }, ack: Ack<null>) => void;
  // ---- the instructor's console ----
  'console:create': (p: { capacity?: number }, ack: Ack<CreatedData>) => void;
  'console:attach': (p: { code: string; key: string }, ack: Ack<AttachedData>) => void;
  'console:kick': (p: { node: NodeId }, ack: Ack<null>) => void;
  'console:lock': (p: { locked: boolean }, ack: Ack<null>) => void;
  'console:end': (p: Record<string, never>, ack: Ack<null>) => void;
  'console:bots': (p: { add?: number; remove?: number }, ack: Ack<{ nodes: NodeId[] }>) => void;
  'console:autopilot': (p: { node: NodeId; on: boolean }, ack: Ack<null>) => void;
  'console:fault': (p: { op: FaultOp }, ack: Ack<null>) => void;
  'console:drill': (p: { name: DrillName }, ack: Ack<{ text: string }>) => void;
  'console:pause': (p: { paused: boolean }, ack: Ack<null>) => void;
  'console:script': (p: { action: 'start'; script: DrillScript } | { action: 'stop' }, ack: Ack<null>) => void;
  'console:round': (
    p: { action: 'start'; game: string; config?: unknown } | { action: 'stop' },
    ack: Ack<{ index: number } | { result: unknown }>,
  ) => void;
}

export interface RemovedNotice {
  reason: 'kicked' | 'ended' | 'left';
  message: string;
}

export interface ServerToClientEvents {
  /** This node's view changed. */
  'node:view': (view: NodeView) => void;
  /** Who is in the room (names only), whenever it changes. */
  'room:roster': (roster: Roster) => void;
  /** This node is no longer in the room: forget the resume token. */
  'node:removed': (notice: RemovedNotice) => void;
  /** The console's full picture, a few times a second while anything changes. */
  'console:snapshot': (snapshot: ConsoleSnapshot) => void;
  /** The recorded events since the last batch (envelopes, faults, marks), for the live map. */
  'console:events': (events: SessionEvent[]) => void;
  /** An event the server does not know, or a request it could not read without an ack. */
  'server:error': (error: { code: string; message: string }) => void;
}

export const CLIENT_EVENTS = [
  'room:join',
  'room:resume',
  'room:leave',
  'node:act',
  'node:autopilot',
  'console:create',
  'console:attach',
  'console:kick',
  'console:lock',
  'console:end',
  'console:bots',
  'console:autopilot',
  'console:fault',
  'console:drill',
  'console:pause',
  'console:script',
  'console:round',
] as const satisfies readonly (keyof ClientToServerEvents)[];
