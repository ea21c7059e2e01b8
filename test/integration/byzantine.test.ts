// [B2] Secrecy over real sockets: everything a loyal node's socket receives during whole
// Byzantine rounds (people and bots, traitors among both, a traitor commander) is recorded
// and checked against the engine's own record of the roles and of every message — taken
// from the recording downloaded with the instructor key. The check is shown to bite: the
// console's traffic, or another node's views, fail it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ByzantineResult } from '../../shared/games/byzantine/analysis';
import type { ByzantineBody } from '../../shared/games/byzantine/config';
import type { ByzantineConsoleView } from '../../shared/games/byzantine/console';
import type { ByzantineView } from '../../shared/games/byzantine/view';
import { parseRecording } from '../../shared/session/recording';
import type { ConsoleSnapshot, NodeView } from '../../shared/protocol/views';
import { ask, connect, createRoom, startServer, until, type TestServer, type TestSocket } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** One thing a socket received: an event, or the answer to its join. */
interface Received {
  event: string;
  payload: unknown[];
}

interface Phone {
  socket: TestSocket;
  node: string;
  nickname: string;
  received: Received[];
  views: NodeView[];
}

/** Joins with everything the socket receives recorded from before the join. */
async function joinRecorded(code: string, nickname: string): Promise<Phone> {
  const socket = await connect(server.url);
  const received: Received[] = [];
  const views: NodeView[] = [];
  socket.onAny((event: string, ...payload: unknown[]) => received.push({ event, payload }));
  socket.on('node:view', (v) => views.push(v));
  const r = await ask(socket, 'room:join', { code, nickname });
  if (!r.ok) throw new Error(r.error.message);
  received.push({ event: 'ack:room:join', payload: [r.data] });
  views.push(r.data.view);
  return { socket, node: r.data.node, nickname, received, views };
}

const game = (p: Phone) => p.views.at(-1)!.game as ByzantineView | null;

/** What the engine says happened: every Byzantine message (from the recording) and each round's traitors. */
interface Truth {
  messages: { from: string; to: string; value: string; path: string[] }[];
  traitors: Set<string>;
}

const ROLE_KEYS = new Set([
  'traitors',
  'commanderTraitor',
  'rows',
  'messages',
  'orders',
  'outcome',
  'verdict',
  'ic1',
  'ic2',
  'flags',
  'lieutenants',
  'decisions',
]);

/**
 * Everything in `received` that a loyal `node` must not know: another node's role (any
 * mention of a traitor, a role table, the verdict), a message whose sender, value and path
 * are not those of a message the engine addressed to `node`, a console event, or another
 * node's relay timer. Returns the problems and how many messages and own-role flags it checked.
 */
function secrecyProblems(node: string, received: Received[], truth: Truth) {
  const problems: string[] = [];
  let messages = 0;
  let ownRole = 0;
  const mine = truth.messages.filter((m) => m.to === node);
  const walk = (v: unknown, where: string) => {
    if (typeof v === 'string') {
      if (/traitor/i.test(v)) problems.push(`${where}: the text "${v}" mentions a traitor`);
      const timer = /byzantine:relay:(\w+)/.exec(v);
      if (timer && timer[1] !== node) problems.push(`${where}: another node's relay timer ${v}`);
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${where}[${i}]`);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('from' in o && 'value' in o && 'path' in o) {
      messages++;
      const path = (o.path as string[]).join('>');
      // A phone's messages carry no `to` (they are all its own); one that names another addressee is not.
      const toOther = 'to' in o && o.to !== node;
      if (toOther || !mine.some((m) => m.from === o.from && m.value === o.value && m.path.join('>') === path)) {
        problems.push(`${where}: ${o.from} → ${node} ${String(o.value)} via ${path} was never addressed to ${node}`);
      }
    }
    for (const [k, x] of Object.entries(o)) {
      if (/traitor/i.test(k) && k !== 'traitor') problems.push(`${where}.${k}: a role table`);
      // A phone's view of the ended round may say whether the loyal lieutenants agreed
      // (`ending.ic1`, what the projector shows the class then): it names no node and no role.
      const ending = k === 'ic1' && where.endsWith('.ending');
      if (ROLE_KEYS.has(k) && !ending) problems.push(`${where}.${k}: the console's tables`);
      if (k === 'traitor') {
        // Only the node's own game view says it, and a loyal node's says false.
        if (o.game !== 'byzantine' || o.you !== node) problems.push(`${where}.traitor: a role outside the node's own view`);
        else if (x !== false) problems.push(`${where}.traitor is ${String(x)} for a loyal node`);
        else ownRole++;
      }
      if (k === 'strategy' && x !== null) problems.push(`${where}.strategy: a lying strategy on a loyal phone`);
      // A loyal lieutenant owes its relays like a traitor (the same screen, [B4]), only ever of what it was told.
      if (k === 'pending' && Array.isArray(x))
        for (const p of x as { path: string[] | null; value: string }[]) {
          const got = mine.find((m) => m.path.join('>') === (p.path ?? []).join('>'));
          if ((got?.value ?? 'retreat') !== p.value) problems.push(`${where}.pending: ${p.value} to pass on, which ${node} was not told`);
        }
      walk(x, `${where}.${k}`);
    }
  };
  received.forEach((r, i) => {
    if (r.event.startsWith('console:')) problems.push(`#${i} ${r.event}: a console event reached a node`);
    walk(r.payload, `#${i} ${r.event}`);
  });
  return { problems, messages, ownRole };
}

describe('byzantine over real sockets', () => {
  it("[B2] no loyal node's socket ever receives another node's role or a message not addressed to it; the console's picture needs the key", async () => {
    // Whole snapshots and views here: the secrecy check reads every payload a socket receives.
    const { socket: instructor, code, key, onSnapshot } = await createRoom(server.url, { patches: false });
    let snapshot: ConsoleSnapshot | null = null;
    const consoleReceived: Received[] = [];
    instructor.onAny((event: string, ...payload: unknown[]) => consoleReceived.push({ event, payload }));
    onSnapshot((s) => {
      snapshot = s;
    });

    // n1…n4 are phones (n3 lies by hand), n5…n7 bots (n6 lies; n5 commands the second round as a traitor).
    const ada = await joinRecorded(code, 'Ada');
    const grace = await joinRecorded(code, 'Grace');
    const linus = await joinRecorded(code, 'Linus');
    const barbara = await joinRecorded(code, 'Barbara');
    expect((await ask(instructor, 'console:bots', { add: 3 })).ok).toBe(true);
    const phones = [ada, grace, linus, barbara];
    const loyal = [ada, grace, barbara];
    const sockets = [instructor, ...phones.map((p) => p.socket)];
    expect(await ask(barbara.socket, 'node:autopilot', { on: true })).toEqual({ ok: true, data: null });

    // Round 1: Ada commands (loyal); Linus (a phone) and n6 (a bot) are traitors.
    const fast = { phaseMs: 15_000, botDelayMs: 30 };
    expect(
      await ask(instructor, 'console:round', {
        action: 'start',
        game: 'byzantine',
        config: { ...fast, commander: ada.node, traitorIds: [linus.node, 'n6'], order: 'attack' },
      }),
    ).toMatchObject({ ok: true });
    // The console's picture (roles included) needs the key: a stranger and a phone are refused and get nothing.
    const stranger = await connect(server.url);
    const strangerGot: string[] = [];
    stranger.onAny((event: string) => strangerGot.push(event));
    expect(await ask(stranger, 'console:attach', { code, key: `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}` })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(grace.socket, 'console:attach', { code, key: '' })).toMatchObject({ ok: false });
    expect(await ask(grace.socket, 'console:attach', { code, key: 'not-the-key' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const attached = await connect(server.url);
    const a = await ask(attached, 'console:attach', { code, key });
    expect(a.ok).toBe(true);
    const picture = (a.ok ? (a.data.snapshot as ConsoleSnapshot) : null)?.round?.view as ByzantineConsoleView;
    expect(picture.traitors).toEqual([linus.node, 'n6']);
    expect((await fetch(`${server.url}/api/rooms/${code}/recording`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/rooms/${code}/recording`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(403);

    await until(() => game(ada)?.canOrder, sockets);
    expect(await ask(ada.socket, 'node:act', { action: { type: 'order', value: 'attack' } })).toEqual({ ok: true, data: null });
    // Linus lies per recipient, a few at a time.
    const owed = await until(() => game(linus)?.pending.find((p) => p.level === 2), sockets);
    expect(owed.recipients).toEqual([grace.node, barbara.node, 'n5', 'n6', 'n7']);
    expect(
      await ask(linus.socket, 'node:act', { action: { type: 'send', values: { [grace.node]: 'retreat', [barbara.node]: 'attack' } } }),
    ).toEqual({ ok: true, data: null });
    expect(
      await ask(linus.socket, 'node:act', { action: { type: 'send', values: { n5: 'retreat', n6: 'attack', n7: 'retreat' } } }),
    ).toEqual({ ok: true, data: null });
    // Grace, loyal, presses Send with what she was told, as everyone must; the phase waits for her.
    const mineToPass = await until(() => game(grace)?.pending.find((p) => p.level === 2), sockets);
    expect(mineToPass).toMatchObject({ path: [ada.node], value: 'attack', recipients: [linus.node, barbara.node, 'n5', 'n6', 'n7'] });
    expect(
      await ask(grace.socket, 'node:act', { action: { type: 'send', values: { [linus.node]: 'retreat' }, path: [ada.node] } }),
    ).toMatchObject({ ok: false, error: { code: 'honest' } });
    const honest = Object.fromEntries(mineToPass.recipients.map((r) => [r, 'attack']));
    expect(await ask(grace.socket, 'node:act', { action: { type: 'send', values: honest, path: [ada.node] } })).toEqual({
      ok: true,
      data: null,
    });
    const decide = await until(() => (game(grace)?.canDecide ? game(grace) : null), sockets, 10_000);
    // The console's own picture of the relays (which the check below must catch if a phone got it):
    // before Grace decides, so that a short round cannot end between two of its snapshots.
    await until(() => (snapshot?.round?.view as ByzantineConsoleView | undefined)?.messages.some((m) => m.level === 2), sockets, 10_000);
    expect(decide.relays.some((m) => m.from === linus.node && m.value === 'retreat')).toBe(true);
    expect(await ask(grace.socket, 'node:act', { action: { type: 'decide', value: decide.suggested } })).toEqual({ ok: true, data: null });
    await until(() => snapshot?.rounds.length === 1, sockets, 10_000);

    // Round 2, everyone on autopilot: the commander n5 (a bot) and Linus are traitors.
    for (const p of phones) await ask(p.socket, 'node:autopilot', { on: true });
    await ask(instructor, 'console:round', {
      action: 'start',
      game: 'byzantine',
      config: { ...fast, commander: 'n5', traitorIds: ['n5', linus.node], strategy: 'split' },
    });

    await until(() => snapshot?.rounds.length === 2, sockets, 10_000);
    expect(strangerGot.filter((e) => e.startsWith('console:'))).toEqual([]);

    // The engine's own truth, from the recording downloaded with the key.
    const res = await fetch(`${server.url}/api/rooms/${code}/recording`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    const { events } = parseRecording(await res.text());
    const truth: Truth = { messages: [], traitors: new Set() };
    const results: ByzantineResult[] = [];
    for (const e of events) {
      if (e.type === 'envelope:sent' && e.env.kind.startsWith('byzantine:')) {
        const body = e.env.body as ByzantineBody;
        truth.messages.push({ from: e.env.from, to: e.env.to, value: body.value, path: body.path });
      }
      if (e.type === 'round:ended') results.push(e.result as ByzantineResult);
    }
    for (const r of results) for (const t of r.traitors) truth.traitors.add(t);
    expect(results.map((r) => r.complete)).toEqual([true, true]);
    expect(results.map((r) => [r.commander, r.commanderLoyal])).toEqual([
      [ada.node, true],
      ['n5', false],
    ]);
    expect([...truth.traitors].sort()).toEqual([linus.node, 'n5', 'n6'].sort());
    // Round 1: the lie reached Grace, and the traitor commander split its orders in round 2.
    expect(truth.messages.some((m) => m.from === linus.node && m.to === grace.node && m.value === 'retreat')).toBe(true);
    expect(new Set(truth.messages.filter((m) => m.from === 'n5').map((m) => m.value))).toEqual(new Set(['attack', 'retreat']));

    // Every loyal phone: nothing but its own role and its own messages, in everything it received.
    for (const p of loyal) {
      expect(truth.traitors.has(p.node)).toBe(false);
      const { problems, messages, ownRole } = secrecyProblems(p.node, p.received, truth);
      expect(problems, p.nickname).toEqual([]);
      // Not vacuous: the check saw the node's own flag, and (lieutenants) messages to match.
      expect(ownRole, p.nickname).toBeGreaterThan(0);
      if (p !== ada) expect(messages, p.nickname).toBeGreaterThan(0);
      expect(
        truth.messages.some((m) => m.to !== p.node),
        p.nickname,
      ).toBe(true);
    }
    // The traitor's own phone says so.
    expect(linus.views.some((v) => (v.game as ByzantineView | null)?.traitor === true)).toBe(true);

    // The check bites: the console's traffic fails it, and so do Grace's views read as Barbara's.
    const onConsole = secrecyProblems(grace.node, consoleReceived, truth).problems;
    expect(onConsole.some((p) => p.includes('a console event reached a node'))).toBe(true);
    expect(onConsole.some((p) => p.includes('never addressed to'))).toBe(true);
    expect(onConsole.some((p) => p.includes('traitors'))).toBe(true);
    const swapped = secrecyProblems(
      barbara.node,
      grace.received.filter((r) => r.event === 'node:view'),
      truth,
    ).problems;
    expect(swapped.some((p) => p.includes(`never addressed to ${barbara.node}`))).toBe(true);
    expect(swapped.some((p) => p.includes("outside the node's own view"))).toBe(true);
  });
});
