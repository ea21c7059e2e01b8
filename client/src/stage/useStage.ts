// The stage's connection: it follows one room with the instructor key this browser keeps for it
// (the console that opened the stage saved it), and receives only what the class may see.

import { useEffect, useRef, useState } from 'react';
import { setRoomLanguage } from '../i18n/language';
import type { SessionEvent } from '../../../shared/protocol/recordingFormat';
import { patched } from '../../../shared/protocol/patch';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { StageSnapshot } from '../../../shared/protocol/views';
import { savedRooms } from '../console/useConsoleSession';
import { connectSocket, request } from '../socket';

export type StageListener = (events: SessionEvent[]) => void;

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
    // The version of the picture this stage holds: the server sends what changed against it
    // (`stage:patch`; a lecture hall's whole picture is hundreds of kilobytes).
    let version = -1;
    const watch = async () => {
      version = -1;
      const r = await request(s, 'stage:watch', { code, key: saved.key, patches: true }, undefined, (answer) => {
        if (!answer.ok) return;
        // Taken as the answer arrives, before a patch that came right after it applies to it.
        version = answer.data.version ?? -1;
        setSnapshot(answer.data.snapshot);
        setReceivedAt(performance.now());
      });
      if (!r.ok) return setError(r.error);
      setError(null);
      setJoinUrl(r.data.joinUrl);
    };
    s.on('connect', () => {
      setOnline(true);
      // After a reconnect the server has forgotten this socket: watch again.
      void watch();
    });
    s.on('disconnect', () => setOnline(false));
    s.on('stage:snapshot', (snap) => {
      setSnapshot(snap);
      setReceivedAt(performance.now());
    });
    s.on('stage:patch', (p) => {
      // Not the picture this stage holds (an answer it never got): watch again for a whole one.
      if (p.base !== version) {
        if (version !== -1) void watch();
        return;
      }
      version = p.version;
      setSnapshot((snap) => (snap ? patched(snap, p.delta) : snap));
      setReceivedAt(performance.now());
    });
    s.on('stage:events', (events) => {
      for (const l of listeners.current) l(events);
    });
    return () => {
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
