// The phone's connection to its room: join, resume after a reload or a lost connection (the
// resume token is kept in localStorage), and the latest view and roster.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { JoinedData, RoomCheck, Roster } from '../../../shared/protocol/events';
import { type Patch, patched } from '../../../shared/protocol/patch';
import { applyRosterPatch } from '../../../shared/protocol/roster';
import type { ErrorInfo, Result } from '../../../shared/protocol/result';
import type { NodeView } from '../../../shared/protocol/views';
import { connectSocket, request, type ClientSocket } from '../socket';
import { setRoomLanguage } from '../i18n/language';

const STORE_KEY = 'human-cluster:node';
/** The same name as server/static.ts's SEAT_COOKIE (the client does not import the server). */
const SEAT_COOKIE = 'hc-seat';

interface Saved {
  code: string;
  token: string;
  node: string;
}

function loadSaved(): Saved | null {
  try {
    const raw = localStorage.getItem(STORE_KEY);
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}

function save(saved: Saved | null): void {
  // Tells the server this browser holds a seat: its join page then comes without the join form
  // (the phone resumes; server/static.ts). Only a flag: the token stays in localStorage.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the phones' older browsers
  document.cookie = saved
    ? `${SEAT_COOKIE}=1; Path=/join; Max-Age=86400; SameSite=Strict`
    : `${SEAT_COOKIE}=; Path=/join; Max-Age=0; SameSite=Strict`;
  try {
    if (saved) localStorage.setItem(STORE_KEY, JSON.stringify(saved));
    else localStorage.removeItem(STORE_KEY);
  } catch {
    // Private browsing may refuse storage: the phone still works, it just cannot resume.
  }
}

export type Connection = 'connecting' | 'online' | 'reconnecting';

export interface PhoneSession {
  connection: Connection;
  /** True until the first resume attempt has been answered (so the join form does not flash). */
  resuming: boolean;
  view: NodeView | null;
  roster: Roster;
  /** Why the phone is not (or no longer) in a room. */
  notice: ErrorInfo | null;
  socket: ClientSocket | null;
  /** The code of the room whose session ended under this phone (it shows "This session is over"). */
  endedCode: string | null;
  /** Forget the ended room (the student joins another). */
  clearEnded(): void;
  /** Whether a code names a room that can be joined (before the nickname). */
  check(code: string): Promise<Result<RoomCheck>>;
  join(code: string, nickname: string): Promise<ErrorInfo | null>;
  act(action: unknown): Promise<ErrorInfo | null>;
  setAutopilot(on: boolean): Promise<ErrorInfo | null>;
  leave(): Promise<void>;
  /** After `replaced`: play the node on this screen again (the other one is told). */
  takeOver(): void;
}

/** How long a Join pressed before the connection is up waits for it. */
const JOIN_WAIT_MS = 20_000;

/** Resolves true as soon as the socket is connected, false after `ms`. */
function connected(s: ClientSocket, ms: number): Promise<boolean> {
  if (s.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      s.off('connect', onConnect);
      resolve(ok);
    };
    const onConnect = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    s.on('connect', onConnect);
  });
}

export function usePhoneSession(): PhoneSession {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [view, setView] = useState<NodeView | null>(null);
  const roomLanguage = view?.room.language ?? null;
  // The room's language (set on the console) is this screen's unless its reader chose their own.
  useEffect(() => setRoomLanguage(roomLanguage), [roomLanguage]);
  const [roster, setRoster] = useState<Roster>({ count: 0, nodes: [] });
  const [notice, setNotice] = useState<ErrorInfo | null>(null);
  const [endedCode, setEndedCode] = useState<string | null>(null);
  const viewRef = useRef<NodeView | null>(null);
  viewRef.current = view;
  const [resuming, setResuming] = useState<boolean>(() => loadSaved() !== null);
  const socketRef = useRef<ClientSocket | null>(null);
  const [socket, setSocket] = useState<ClientSocket | null>(null);
  // Another screen took this node: stay off until the student asks for it back here, or two
  // open tabs would take it from each other every time one is looked at.
  const replacedRef = useRef(false);
  const resumeRef = useRef<() => Promise<void>>(async () => {});
  // The server sends what changed in the view (node:patch) against the version this phone holds.
  const versionRef = useRef(0);
  // A view patch, from `node:patch` or in the answer to this phone's own action (the same thing,
  // in order on the connection). One for a view this phone does not hold (an answer that carried
  // one never came): ask for the whole view again.
  const applyPatchRef = useRef((p: Patch) => {
    if (p.base !== versionRef.current) return void resumeRef.current();
    versionRef.current = p.version;
    setView((v) => (v ? patched(v, p.delta) : v));
  });
  const start = useCallback((data: JoinedData) => {
    versionRef.current = data.version ?? 0;
    setView(data.view);
    setRoster(data.roster);
  }, []);

  useEffect(() => {
    const s = connectSocket();
    socketRef.current = s;
    setSocket(s);
    const resume = async () => {
      if (replacedRef.current) return;
      const saved = loadSaved();
      if (!saved) return setResuming(false);
      // The view is taken as the answer arrives: a patch right behind it is made against it.
      const r = await request(s, 'room:resume', { code: saved.code, token: saved.token, patches: true }, undefined, (a) => {
        if (a.ok) start(a.data);
      });
      setResuming(false);
      if (r.ok) {
        setNotice(null);
      } else if (r.error.code !== 'timeout' && r.error.code !== 'offline' && r.error.code !== 'rate_limited') {
        // The room is gone or this node was removed: start over with the join form.
        save(null);
        setView(null);
        setNotice(r.error);
        if (r.error.code === 'room_ended') setEndedCode(saved.code);
      }
    };
    resumeRef.current = resume;
    s.on('connect', () => {
      setConnection('online');
      void resume();
    });
    // A phone woken from a locked screen may hold a socket that died silently: refresh the
    // view at once (and reconnect if the socket knows it is gone) instead of waiting for a ping.
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || replacedRef.current) return;
      if (s.connected) void resume();
      else s.connect();
    };
    document.addEventListener('visibilitychange', onVisible);
    s.on('disconnect', () => setConnection('reconnecting'));
    s.io.on('reconnect_attempt', () => setConnection('reconnecting'));
    s.on('node:view', (v) => setView(v));
    s.on('node:patch', (p) => applyPatchRef.current(p));
    s.on('room:roster', (r) => setRoster(r));
    s.on('room:patch', (p) => setRoster((r) => applyRosterPatch(r, p)));
    s.on('node:removed', (n) => {
      // Replaced: the token is still this browser's (the other tab uses it too), so keep it.
      if (n.reason === 'replaced') replacedRef.current = true;
      else save(null);
      if (n.reason === 'ended') setEndedCode(viewRef.current?.room.code ?? loadSaved()?.code ?? null);
      setView(null);
      setNotice({ code: n.reason, message: n.message });
    });
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      s.removeAllListeners();
      s.io.removeAllListeners();
      s.disconnect();
    };
  }, [start]);

  const check = useCallback(async (code: string): Promise<Result<RoomCheck>> => {
    const s = socketRef.current;
    if (!s || !(await connected(s, JOIN_WAIT_MS))) {
      return {
        ok: false,
        error: { code: 'offline', message: 'Cannot reach the server. Check that you are on the class Wi-Fi, then try again.' },
      };
    }
    return request(s, 'room:check', { code });
  }, []);

  const clearEnded = useCallback(() => {
    setEndedCode(null);
    setNotice(null);
  }, []);

  const join = useCallback(
    async (code: string, nickname: string) => {
      const s = socketRef.current;
      // On a slow network the form is ready before the connection: a Join pressed meanwhile waits for it.
      if (!s || !(await connected(s, JOIN_WAIT_MS))) {
        return { code: 'offline', message: 'Cannot reach the server. Check that you are on the class Wi-Fi, then try again.' };
      }
      const r = await request(s, 'room:join', { code, nickname, patches: true }, undefined, (a) => {
        if (a.ok) start(a.data);
      });
      if (!r.ok) return r.error;
      save({ code: r.data.view.room.code, token: r.data.token, node: r.data.node });
      setNotice(null);
      return null;
    },
    [start],
  );

  const act = useCallback(async (action: unknown) => {
    const s = socketRef.current;
    if (!s) return { code: 'offline', message: 'Not connected.' };
    const r = await request(s, 'node:act', { action }, undefined, (a) => {
      if (a.ok && a.data?.patch) applyPatchRef.current(a.data.patch);
    });
    // No answer: it may have carried this phone's view patch, so the view is fetched whole again.
    if (!r.ok && r.error.code === 'timeout') void resumeRef.current();
    return r.ok ? null : r.error;
  }, []);

  const setAutopilot = useCallback(async (on: boolean) => {
    const s = socketRef.current;
    if (!s) return { code: 'offline', message: 'Not connected.' };
    const r = await request(s, 'node:autopilot', { on });
    return r.ok ? null : r.error;
  }, []);

  const leave = useCallback(async () => {
    const s = socketRef.current;
    if (s) await request(s, 'room:leave', {});
    save(null);
    setView(null);
  }, []);

  const takeOver = useCallback(() => {
    const s = socketRef.current;
    replacedRef.current = false;
    setNotice(null);
    setResuming(true);
    // The server let this socket go: connecting again resumes (see 'connect' above).
    if (s && !s.connected) s.connect();
    else void resumeRef.current();
  }, []);

  return { connection, resuming, view, roster, notice, socket, endedCode, clearEnded, check, join, act, setAutopilot, leave, takeOver };
}
