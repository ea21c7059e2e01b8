// The stage's connection: it follows one room with the instructor key this browser keeps for it
// (the console that opened the stage saved it), and receives only what the class may see.

import { useEffect, useRef, useState } from 'react';
import { setRoomLanguage } from '../i18n/language';
import type { SessionEvent } from '../../../shared/protocol/recordingFormat';
import { type Patch, patchedIfFits } from '../../../shared/protocol/patch';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { StageSnapshot } from '../../../shared/protocol/views';
import { savedRooms } from '../console/useConsoleSession';
import { connectSocket, request } from '../socket';

export type StageListener = (events: SessionEvent[]) => void;

/** Refusals a stage cannot get past by asking again: the key, the room or the room's code is wrong or gone. */
const FINAL = new Set(['forbidden', 'unknown_room', 'room_ended', 'bad_code', 'is_node', 'bad_request']);
/** How long a stage waits before asking again after a refusal it may get past (ms). */
const RETRY_MS = 2_000;

export interface StageSession {
  code: string | null;
  online: boolean;
  joinUrl: string;
  snapshot: StageSnapshot | null;
  /** performance.now() when the last snapshot came, to run the session clock on. */
  receivedAt: number;
  error: ErrorInfo | null;
  subscribe(listener: StageListener): () => void;
}

/** `/stage?room=CODE`: the room this stage follows. */
export function stageRoom(): string | null {
  return new URLSearchParams(window.location.search).get('room')?.toUpperCase() ?? null;
}

export function useStage(): StageSession {
  const [code] = useState(stageRoom);
  const [online, setOnline] = useState(false);
  const [joinUrl, setJoinUrl] = useState('');
  const [snapshot, setSnapshot] = useState<StageSnapshot | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const listeners = useRef(new Set<StageListener>());

  useEffect(() => {
    const saved = code ? savedRooms().find((r) => r.code === code) : undefined;
    if (!code || !saved) {
      setError({ code: 'no_key', message: '' });
      return;
    }
    const s = connectSocket();
    // The picture this stage holds and its version: the server sends what changed against it
    // (`stage:patch`; a lecture hall's whole picture is hundreds of kilobytes).
    let picture: StageSnapshot | null = null;
    let version = -1;
    /** A watch on its way: patches wait for its answer (one may come just before it). */
    let watching = false;
    /** Which watch is the latest: an earlier one's late continuation changes nothing. */
    let watches = 0;
    let waiting: Patch[] = [];
    let retry: ReturnType<typeof setTimeout> | null = null;
    /** Refused for good (the key or the room is gone): patches still on their way are not followed. */
    let stopped = false;
    const show = (next: StageSnapshot) => {
      picture = next;
      setSnapshot(next);
      setReceivedAt(performance.now());
    };
    /** Applies a patch to the picture held; false if it is not for that picture. */
    const apply = (p: Patch): boolean => {
      const next = patchedIfFits(picture, version, p);
      if (!next) return false;
      version = p.version;
      show(next);
      return true;
    };
    const watch = async () => {
      if (watching) return;
      const mine = ++watches;
      watching = true;
      stopped = false;
      waiting = [];
      if (retry) clearTimeout(retry);
      retry = null;
      const r = await request(s, 'stage:watch', { code, key: saved.key, patches: true }, undefined, (answer) => {
        if (mine !== watches) return;
        watching = false;
        if (!answer.ok) return;
        // Taken as the answer arrives, before a patch that came right after it applies to it;
        // those that came while it was on its way apply if they follow on from it.
        version = answer.data.version ?? -1;
        show(answer.data.snapshot);
        for (const p of waiting) apply(p);
        waiting = [];
      });
      if (mine !== watches) return;
      watching = false;
      if (!r.ok) {
        setError(r.error);
        // The key or the room is gone: nothing to try again. Anything else (the Wi-Fi, a room
        // moving to another server, too many requests) is tried again in a moment.
        if (FINAL.has(r.error.code)) stopped = true;
        else retry = setTimeout(() => void watch(), RETRY_MS);
        return;
      }
      setError(null);
      setJoinUrl(r.data.joinUrl);
    };
    s.on('connect', () => {
      setOnline(true);
      // After a reconnect the server has forgotten this socket: watch again (a watch sent on the
      // connection that dropped will get no answer).
      watching = false;
      void watch();
    });
    s.on('disconnect', () => setOnline(false));
    s.on('stage:snapshot', (snap) => show(snap));
    s.on('stage:patch', (p) => {
      if (watching) {
        waiting.push(p);
        return;
      }
      // Not for the picture this stage holds (an answer it never got): watch again for a whole one,
      // unless the stage was refused for good or is about to try again anyway.
      if (!apply(p) && !stopped && !retry) void watch();
    });
    s.on('stage:events', (events) => {
      for (const l of listeners.current) l(events);
    });
    return () => {
      // A watch still on its way ends with the socket: its late continuation changes nothing.
      watches++;
      if (retry) clearTimeout(retry);
      s.removeAllListeners();
      s.disconnect();
    };
  }, [code]);

  // The room's language (set on the console) is the stage's.
  const roomLanguage = snapshot?.room.language ?? null;
  useEffect(() => setRoomLanguage(roomLanguage), [roomLanguage]);

  const subscribe = useRef((listener: StageListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }).current;

  return { code, online, joinUrl, snapshot, receivedAt, error, subscribe };
}
