// The instructor console's connection: create a room or reattach to one with its key (kept in
// this browser's localStorage only), follow its snapshots, and send commands.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientToServerEvents, HandoffData, RecordingNotice } from '../../../shared/protocol/events';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { SessionEvent } from '../../../shared/protocol/recordingFormat';
import { type Patch, patchedIfFits } from '../../../shared/protocol/patch';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { connectSocket, request, type ClientSocket } from '../socket';
import { setRoomLanguage } from '../i18n/language';

const STORE_KEY = 'human-cluster:console';

export interface SavedRoom {
  code: string;
  key: string;
  createdAt: string;
  /** The session's id (its recording), once known. */
  session?: string;
  /** The session has ended: the key stays, for its recording and replay; the room is not reopened. */
  ended?: boolean;
  /** The room's recovery code (this browser created the room), shown on the console on request. */
  recovery?: string;
  /** A phone's own key, handed over by the console (revocable there), not the room key. */
  remote?: boolean;
}

export function savedRooms(): SavedRoom[] {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]') as SavedRoom[];
  } catch {
    return [];
  }
}

export function remember(room: SavedRoom): void {
  const rooms = [room, ...savedRooms().filter((r) => r.code !== room.code)].slice(0, 50);
  localStorage.setItem(STORE_KEY, JSON.stringify(rooms));
}

/** Keeps what this browser learnt about a room it holds the key of (its session, that it ended). */
export function updateRoom(code: string, patch: Partial<Pick<SavedRoom, 'session' | 'ended'>>): void {
  const rooms = savedRooms();
  const room = rooms.find((r) => r.code === code);
  if (!room || Object.entries(patch).every(([k, v]) => room[k as keyof SavedRoom] === v)) return;
  Object.assign(room, patch);
  localStorage.setItem(STORE_KEY, JSON.stringify(rooms));
}

export function forgetRoom(code: string): void {
  localStorage.setItem(STORE_KEY, JSON.stringify(savedRooms().filter((r) => r.code !== code)));
}

export type EventListener = (events: SessionEvent[]) => void;

export interface ConsoleSession {
  online: boolean;
  room: SavedRoom | null;
  joinUrl: string;
  snapshot: ConsoleSnapshot | null;
  /** Whether the server is writing the session's recording (and what a restart set aside). */
  recording: RecordingNotice | null;
  error: ErrorInfo | null;
  create(capacity?: number): Promise<void>;
  attach(room: SavedRoom): Promise<ErrorInfo | null>;
  /** A single-use code (shown as a QR code) that hands instructor rights to a phone. */
  handoff(): Promise<HandoffData | ErrorInfo>;
  /** The instructor's phone claims a hand-off code shown by the console; it keeps the key it gets. */
  claim(code: string, token: string, label: string): Promise<ErrorInfo | null>;
  /** Sends a console command; resolves to the refusal, or null. */
  command<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<ErrorInfo | null>;
  /** Streams recorded events (envelopes, faults, marks) to the live map without re-rendering. */
  subscribe(listener: EventListener): () => void;
  /** When the last snapshot arrived (ms, performance.now) to extrapolate session time. */
  receivedAt: number;
}

export function useConsoleSession(): ConsoleSession {
  const socketRef = useRef<ClientSocket | null>(null);
  const roomRef = useRef<SavedRoom | null>(null);
  const listeners = useRef(new Set<EventListener>());
  // The server sends what changed in the snapshot (console:patch) against the version this console
  // holds: the snapshot is kept here too, so that a patch is applied where it arrives (one that
  // does not apply asks for a whole snapshot again instead of failing in a render).
  const versionRef = useRef(0);
  const pictureRef = useRef<ConsoleSnapshot | null>(null);
  /** Attaches on their way, and the patches that came meanwhile (those that follow on from the answer apply). */
  const attachingRef = useRef(0);
  const waitingRef = useRef<Patch[]>([]);
  const [online, setOnline] = useState(false);
  const [room, setRoom] = useState<SavedRoom | null>(null);
  const [joinUrl, setJoinUrl] = useState('');
  const [snapshot, setShown] = useState<ConsoleSnapshot | null>(null);
  const setSnapshot = useCallback((snap: ConsoleSnapshot | null) => {
    pictureRef.current = snap;
    setShown(snap);
  }, []);
  const roomLanguage = snapshot?.room.language ?? null;
  const roomCode = snapshot?.room.code;
  const roomSession = snapshot?.room.session;
  const roomEnded = !!snapshot?.room.ended;
  useEffect(() => {
    if (roomCode && roomSession) updateRoom(roomCode, { session: roomSession, ...(roomEnded ? { ended: true } : {}) });
  }, [roomCode, roomSession, roomEnded]);
  // The room's language (set on the console) is this screen's unless its reader chose their own.
  useEffect(() => setRoomLanguage(roomLanguage), [roomLanguage]);
  const [recording, setRecording] = useState<RecordingNotice | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<ErrorInfo | null>(null);

  /** Applies a patch to the snapshot held; false if it is not for that snapshot. */
  const follow = useCallback(
    (p: Patch): boolean => {
      const next = patchedIfFits(pictureRef.current, versionRef.current, p);
      if (!next) return false;
      versionRef.current = p.version;
      setSnapshot(next);
      setReceivedAt(performance.now());
      return true;
    },
    [setSnapshot],
  );

  /**
   * This console now follows `saved` from the snapshot of an answer (create, attach, claim). Run
   * in the answer's callback, before what came after it in the same read: a patch for this
   * snapshot, a revocation.
   */
  const opened = useCallback(
    (saved: SavedRoom, data: { joinUrl: string; snapshot: ConsoleSnapshot; version?: number; recording: RecordingNotice }) => {
      roomRef.current = saved;
      setRoom(saved);
      setJoinUrl(data.joinUrl);
      versionRef.current = data.version ?? 0;
      setSnapshot(data.snapshot);
      setRecording(data.recording);
      setReceivedAt(performance.now());
      setError(null);
      const waiting = waitingRef.current;
      waitingRef.current = [];
      for (const p of waiting) follow(p);
    },
    [setSnapshot, follow],
  );

  const attach = useCallback(
    async (target: SavedRoom) => {
      const s = socketRef.current;
      if (!s) return { code: 'offline', message: 'Not connected.' };
      attachingRef.current++;
      waitingRef.current = [];
      let pending = true;
      const done = () => {
        if (pending) attachingRef.current--;
        pending = false;
      };
      const r = await request(s, 'console:attach', { code: target.code, key: target.key, patches: true }, undefined, (answer) => {
        done();
        if (answer.ok) opened(target, answer.data);
      });
      done();
      if (!r.ok) {
        // The key of an ended room stays: it opens the session's recording and replay.
        if (r.error.code === 'forbidden') forgetRoom(target.code);
        else if (r.error.code === 'room_ended' || r.error.code === 'unknown_room') updateRoom(target.code, { ended: true });
        setError(r.error);
        return r.error;
      }
      return null;
    },
    [opened],
  );

  useEffect(() => {
    const s = connectSocket();
    socketRef.current = s;
    s.on('connect', () => {
      setOnline(true);
      // After a reconnect the server has forgotten this socket: attach again.
      const wanted = roomRef.current ?? pickRoomFromUrl();
      if (wanted) void attach(wanted);
    });
    s.on('disconnect', () => setOnline(false));
    s.on('console:snapshot', (snap) => {
      setSnapshot(snap);
      setReceivedAt(performance.now());
    });
    s.on('console:patch', (p) => {
      if (attachingRef.current) {
        waitingRef.current.push(p);
        return;
      }
      if (follow(p)) return;
      // Not for the snapshot this console holds (an answer it never got): attach again for a whole one.
      const wanted = roomRef.current;
      if (wanted) void attach(wanted);
    });
    s.on('console:recording', (notice) => setRecording(notice));
    s.on('console:revoked', () => {
      // The instructor took this device's rights back: its key opens nothing any more.
      const gone = roomRef.current;
      if (gone) forgetRoom(gone.code);
      roomRef.current = null;
      setRoom(null);
      setSnapshot(null);
      setError({ code: 'revoked', message: '' });
    });
    s.on('console:events', (events) => {
      for (const l of listeners.current) l(events);
    });
    return () => {
      s.removeAllListeners();
      s.disconnect();
    };
  }, [attach, setSnapshot, follow]);

  const create = useCallback(
    async (capacity?: number) => {
      const s = socketRef.current;
      if (!s) return;
      // The key of the room this console ran last, if any: room creation is also limited per instructor.
      const key = savedRooms()[0]?.key;
      const r = await request(
        s,
        'console:create',
        { ...(capacity ? { capacity } : {}), ...(key ? { key } : {}), patches: true },
        undefined,
        (answer) => {
          if (!answer.ok) return;
          const saved: SavedRoom = {
            code: answer.data.code,
            key: answer.data.key,
            createdAt: new Date().toISOString(),
            session: answer.data.snapshot.room.session,
            recovery: answer.data.recovery,
          };
          remember(saved);
          opened(saved, answer.data);
          window.history.replaceState(null, '', `/console?room=${saved.code}`);
        },
      );
      if (!r.ok) setError(r.error);
    },
    [opened],
  );

  const claim = useCallback(
    async (code: string, token: string, label: string) => {
      const s = socketRef.current;
      if (!s) return { code: 'offline', message: 'Not connected.' };
      const r = await request(s, 'remote:claim', { code, token, label });
      if (!r.ok) {
        setError(r.error);
        return r.error;
      }
      const saved: SavedRoom = { code, key: r.data.key, createdAt: new Date().toISOString(), remote: true };
      remember(saved);
      opened(saved, r.data);
      return null;
    },
    [opened],
  );

  const handoff = useCallback(async (): Promise<HandoffData | ErrorInfo> => {
    const s = socketRef.current;
    if (!s) return { code: 'offline', message: 'Not connected.' };
    const r = await request(s, 'console:handoff', {});
    return r.ok ? r.data : r.error;
  }, []);

  const command = useCallback(async <E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]) => {
    const s = socketRef.current;
    if (!s) return { code: 'offline', message: 'Not connected.' };
    const r = await request(s, event, payload);
    return r.ok ? null : r.error;
  }, []);

  const subscribe = useCallback((listener: EventListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  return { online, room, joinUrl, snapshot, recording, error, create, attach, claim, handoff, command, subscribe, receivedAt };
}

/** `/console?room=CODE` reopens that room if this browser holds its key. */
function pickRoomFromUrl(): SavedRoom | null {
  const code = new URLSearchParams(window.location.search).get('room')?.toUpperCase();
  if (!code) return null;
  return savedRooms().find((r) => r.code === code) ?? null;
}
