// The Socket.IO events between phones (or students' programs), the console and the server,
// declared once. `CLIENT_EVENTS` maps each request to the zod schema its payload is read with
// and the type of its answer; `SERVER_EVENTS` maps each push to its payload type. The types
// both sides compile against (`ClientToServerEvents`, `ServerToClientEvents`), the list of
// events the server knows, and the shape of the server's handler table are derived from them,
// so an event cannot exist without a schema, or be handled without being declared.
// docs/PROTOCOL.md has an example of each (and a test keeps it to these tables).

import { z } from 'zod';
import { faultOp } from '../net/faults';
import { drillName, type DrillScript } from '../net/script';
import { LANGUAGES } from './languages';
import { nodeIdSchema, ROOM_CODE_LENGTH, type NodeId } from './ids';
import type { Patch } from './patch';
import type { SessionEvent } from './recordingFormat';
import type { ErrorInfo, Result } from './result';
import type { ConsoleSnapshot, NodeView, RosterEntry, StageSnapshot } from './views';

declare const shapeOf: unique symbol;
/**
 * A type the compiler knows and nothing parses: the server builds its answers and pushes
 * itself, so only inbound payloads need a schema.
 */
export interface Shape<T> {
  readonly [shapeOf]?: T;
}
const shape = <T>(): Shape<T> => ({});
type ShapeType<S> = S extends Shape<infer T> ? T : never;

// ---- data the events carry ----

export interface Roster {
  count: number;
  nodes: RosterEntry[];
}

/** What a phone learns from a room code before it asks for a nickname (`room:check`). */
export interface RoomCheck {
  code: string;
  /** `open`: a nickname is all it takes; `locked`, `full`: joining is refused now; `ended`: the session is over. */
  status: 'open' | 'locked' | 'full' | 'ended';
  /** Ended rooms: the replay's share link, once the instructor made one for this session; otherwise null. */
  replay: string | null;
}

/**
 * Who joined (`add`, in join order) and who is gone (`remove`) since the last roster. Applying
 * it twice, or to a newer roster, changes nothing more: add only who is missing, remove who is there.
 */
export interface RosterPatch {
  count: number;
  add: RosterEntry[];
  remove: NodeId[];
}

export interface JoinedData {
  node: NodeId;
  /** Keep it (localStorage): `room:resume` with it brings this node back after a reload. */
  token: string;
  view: NodeView;
  /** With `patches`: the version of `view`; each `node:patch` names the version it applies to. */
  version?: number;
  roster: Roster;
}

/**
 * The answer to `node:act` for a node that takes patches: what the action changed in its view, as
 * the `node:patch` it would have been sent (applied like one, in order). Null when nothing changed,
 * or for a node sent whole views (it gets `node:view` as before).
 */
export type ActedData = { patch: Patch } | null;

/** Damaged lines found when the server restored this room after a restart, moved beside its recording. */
export interface SetAsideNotice {
  /** The file they are in now (beside the recording, in DATA_DIR/recordings). */
  file: string;
  /** The first damaged line of the recording (the header is line 1). */
  fromLine: number;
  lines: number;
  /** What was wrong with the first of them. */
  why: string;
}

/** Whether the server is writing this session's recording, for the console. */
export interface RecordingNotice {
  /** False while the recording cannot be written: whatever would change the room is refused (`recording_unavailable`). */
  saving: boolean;
  reason: 'disk_full' | 'permission' | 'io' | null;
  /** For the instructor: what is wrong, in a sentence. */
  message: string | null;
  /** When it stopped (ms since the Unix epoch). */
  since: number | null;
  setAside: SetAsideNotice | null;
}

export interface CreatedData {
  code: string;
  /** The instructor key: kept by the instructor's browser only, never sent to a phone. */
  key: string;
  /**
   * The room's recovery code ("ABCDE-FGHJK-MNPQR-STVWX"): the key can be had back from it on any
   * browser (POST /api/recover). The server keeps neither, only the key's hash.
   */
  recovery: string;
  /** The address phones should open (the server's LAN address). */
  joinUrl: string;
  snapshot: ConsoleSnapshot;
  /** With `patches`: the version of `snapshot`; each `console:patch` names the version it applies to. */
  version?: number;
  recording: RecordingNotice;
}

export interface AttachedData {
  joinUrl: string;
  snapshot: ConsoleSnapshot;
  version?: number;
  recording: RecordingNotice;
}

export interface HandoffData {
  /** The address the phone opens (the QR code): the code is in its fragment, never sent in a request line. */
  url: string;
  /** When it stops working (ms since the Unix epoch); it also stops once used. */
  expiresAt: number;
}

export interface ClaimedData extends AttachedData {
  /** This phone's own instructor key for the room (keep it: `console:attach` with it). */
  key: string;
  device: string;
}

/** This console connection lost its instructor rights (the instructor revoked this device). */
export interface RevokedNotice {
  reason: 'revoked';
}

export interface StageData {
  /** The address phones open, for the stage's QR code while students join. */
  joinUrl: string;
  snapshot: StageSnapshot;
  /** With `patches`: the version of `snapshot`; each `stage:patch` names the version it applies to. */
  version?: number;
}

export interface RemovedNotice {
  /** `replaced`: the node was resumed on another connection (another tab or phone); this one no longer plays it. */
  reason: 'kicked' | 'ended' | 'left' | 'replaced';
  message: string;
}

// ---- client → server: every request takes one payload and an ack that receives a Result ----

/** The largest room a server may be configured for (ROOM_CAPACITY) or a console may ask for. */
export const ROOM_CAPACITY_MAX = 5000;

const roomCode = z
  .string()
  .min(ROOM_CODE_LENGTH)
  .max(ROOM_CODE_LENGTH + 4);
const empty = z.object({}).strict();
/** Ask for what changed (`node:patch`, `room:patch`, `console:patch`, `stage:patch`) instead of whole views, rosters, snapshots. */
const patches = z.boolean().optional();

/** Every request: the schema the server reads its payload with (whatever fails gets `bad_request` and changes nothing), and its answer's type. */
export const CLIENT_EVENTS = {
  // ---- a node (a phone or a student's program) ----
  /** Before the nickname: whether the code names a room, and whether it can be joined (changes nothing). */
  'room:check': { payload: z.object({ code: roomCode }).strict(), reply: shape<RoomCheck>() },
  'room:join': { payload: z.object({ code: roomCode, nickname: z.string().max(100), patches }).strict(), reply: shape<JoinedData>() },
  'room:resume': { payload: z.object({ code: roomCode, token: z.string().min(10).max(64), patches }).strict(), reply: shape<JoinedData>() },
  'room:leave': { payload: empty, reply: shape<null>() },
  /** The action's shape is the game's: the session core parses it with the game's schema. */
  'node:act': { payload: z.object({ action: z.unknown() }).strict(), reply: shape<ActedData>() },
  'node:autopilot': { payload: z.object({ on: z.boolean() }).strict(), reply: shape<null>() },
  // ---- the instructor's console ----
  'console:create': {
    payload: z
      .object({
        capacity: z.number().int().min(1).max(ROOM_CAPACITY_MAX).optional(),
        /** The instructor key of a room this console already runs: room creation is also limited per instructor. */
        key: z.string().min(10).max(64).optional(),
        patches,
      })
      .strict(),
    reply: shape<CreatedData>(),
  },
  'console:attach': {
    payload: z.object({ code: roomCode, key: z.string().min(10).max(64), patches }).strict(),
    reply: shape<AttachedData>(),
  },
  'console:kick': { payload: z.object({ node: nodeIdSchema }).strict(), reply: shape<null>() },
  'console:lock': { payload: z.object({ locked: z.boolean() }).strict(), reply: shape<null>() },
  /** The room's language for every phone, the console and the stage; null: each follows its browser. */
  'console:language': { payload: z.object({ language: z.enum(LANGUAGES).nullable() }).strict(), reply: shape<null>() },
  'console:end': { payload: empty, reply: shape<null>() },
  'console:bots': {
    payload: z
      .object({ add: z.number().int().min(1).max(300).optional(), remove: z.number().int().min(1).max(1000).optional() })
      .strict()
      .refine((p) => (p.add === undefined) !== (p.remove === undefined), 'give either add or remove'),
    reply: shape<{ nodes: NodeId[] }>(),
  },
  'console:autopilot': { payload: z.object({ node: nodeIdSchema, on: z.boolean() }).strict(), reply: shape<null>() },
  'console:fault': { payload: z.object({ op: faultOp }).strict(), reply: shape<null>() },
  'console:drill': { payload: z.object({ name: drillName }).strict(), reply: shape<{ text: string }>() },
  'console:pause': { payload: z.object({ paused: z.boolean() }).strict(), reply: shape<null>() },
  /** A single-use QR code (valid a minute) that hands instructor rights to a phone. */
  'console:handoff': { payload: empty, reply: shape<HandoffData>() },
  /** Takes instructor rights back from a phone (`device` from the snapshot's `instructors`). */
  'console:revoke': { payload: z.object({ device: z.string().min(1).max(16) }).strict(), reply: shape<null>() },
  /** Shows the current (or last) round's secrets on the projector stage for the debrief, or hides them again. */
  'console:reveal': { payload: z.object({ revealed: z.boolean() }).strict(), reply: shape<null>() },
  'console:script': {
    // The script itself is checked by the session core (shared/net/script.ts) so its errors can
    // name the step: here it passes as it is (z.custom without a check), typed for callers.
    payload: z.discriminatedUnion('action', [
      z.object({ action: z.literal('start'), script: z.custom<DrillScript>() }).strict(),
      z.object({ action: z.literal('stop') }).strict(),
    ]),
    reply: shape<null>(),
  },
  /** The round's config is the game's: the session core parses it with the game's schema. */
  'console:round': {
    payload: z.discriminatedUnion('action', [
      z.object({ action: z.literal('start'), game: z.string().min(1).max(32), config: z.unknown().optional() }).strict(),
      z.object({ action: z.literal('stop') }).strict(),
    ]),
    reply: shape<{ index: number } | { result: unknown }>(),
  },
  // ---- the instructor's phone: claims a hand-off code, then is a console of its own ----
  'remote:claim': {
    payload: z.object({ code: roomCode, token: z.string().min(10).max(64), label: z.string().max(40).optional() }).strict(),
    reply: shape<ClaimedData>(),
  },
  // ---- the projector stage (the key opens it; it is sent only what the class may see) ----
  'stage:watch': { payload: z.object({ code: roomCode, key: z.string().min(10).max(64), patches }).strict(), reply: shape<StageData>() },
} satisfies Record<`${string}:${string}`, { payload: z.ZodType; reply: Shape<unknown> }>;

export type ClientEvent = keyof typeof CLIENT_EVENTS;
/** What a caller sends (the schema's input). */
export type PayloadIn<E extends ClientEvent> = z.input<(typeof CLIENT_EVENTS)[E]['payload']>;
/** What a handler receives once the schema has read it. */
export type Payload<E extends ClientEvent> = z.output<(typeof CLIENT_EVENTS)[E]['payload']>;
/** The `data` of a successful answer. */
export type ReplyData<E extends ClientEvent> = ShapeType<(typeof CLIENT_EVENTS)[E]['reply']>;

export type ClientToServerEvents = {
  [E in ClientEvent]: (payload: PayloadIn<E>, ack: (result: Result<ReplyData<E>>) => void) => void;
};

/** The requests the server answers; any other event name gets `unknown_event`. */
export const CLIENT_EVENT_NAMES = Object.keys(CLIENT_EVENTS) as ClientEvent[];

// ---- server → client ----

/** Everything the server pushes, with its payload. */
export const SERVER_EVENTS = {
  /** This node's view changed. */
  'node:view': shape<NodeView>(),
  /** This node's view changed (to a socket that asked for patches): what changed since version `base`. */
  'node:patch': shape<Patch>(),
  /** Who is in the room (names only), whenever it changes. */
  'room:roster': shape<Roster>(),
  /** Who joined and who left (to a socket that asked for patches). */
  'room:patch': shape<RosterPatch>(),
  /** This node is no longer in the room (forget the resume token), or is now played on another connection (`replaced`: keep it). */
  'node:removed': shape<RemovedNotice>(),
  /** The console's full picture, a few times a second while anything changes. */
  'console:snapshot': shape<ConsoleSnapshot>(),
  /** What changed in the console's picture since version `base` (to a console that asked for patches). */
  'console:patch': shape<Patch>(),
  /** The recorded events since the last batch (envelopes, faults, marks), for the live map. */
  'console:events': shape<SessionEvent[]>(),
  /** The recording stopped being written (disk full, permission, I/O error), or works again. */
  'console:recording': shape<RecordingNotice>(),
  /** This console connection's instructor rights were revoked. */
  'console:revoked': shape<RevokedNotice>(),
  /** The stage's picture (what the class may see), a few times a second while anything changes. */
  'stage:snapshot': shape<StageSnapshot>(),
  /** Instead of `stage:snapshot`, for a stage that asked for patches: what changed in its picture. */
  'stage:patch': shape<Patch>(),
  /** The stage's map: envelopes without their contents, pauses, round ends without results. */
  'stage:events': shape<SessionEvent[]>(),
  /** An event the server does not know, or a request it could not read without an ack. */
  'server:error': shape<ErrorInfo>(),
} satisfies Record<`${string}:${string}`, Shape<unknown>>;

export type ServerEvent = keyof typeof SERVER_EVENTS;
export type ServerPayload<E extends ServerEvent> = ShapeType<(typeof SERVER_EVENTS)[E]>;

export type ServerToClientEvents = {
  [E in ServerEvent]: (payload: ServerPayload<E>) => void;
};

export const SERVER_EVENT_NAMES = Object.keys(SERVER_EVENTS) as ServerEvent[];
