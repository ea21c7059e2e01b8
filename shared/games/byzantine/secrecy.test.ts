// [B2] A node's view holds its own role and the messages addressed to it, nothing more.
// Every node's view is checked after every step of whole rounds (bots, humans, faults).

import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../protocol/ids';
import type { ByzantineState } from './state';
import { Room } from '../../../test/support/byzantine';
import type { ByzantineView, ReceivedMessage } from './view';

/** Keys that would name other nodes' roles or carry the console's tables. */
const FORBIDDEN_KEYS = new Set([
  'traitors',
  'commanderTraitor',
  'rows',
  'messages',
  'orders',
  'sigs',
  'held',
  'nodes',
  'outcome',
  'verdict',
]);

function scan(value: unknown, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) scan(v, `${path}[${i}]`, problems);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) problems.push(`${path}.${k} is in a node's view`);
    // Only the top level may say "traitor", and only about the node itself.
    if (k === 'traitor' && path !== '') problems.push(`${path}.traitor names another node's role`);
    scan(v, `${path}.${k}`, problems);
  }
}

const sameMessage = (s: ByzantineState, node: NodeId, m: ReceivedMessage) =>
  s.messages.some(
    (r) => r.to === node && r.from === m.from && r.value === m.value && r.path.join('>') === m.path.join('>') && r.at !== null,
  );

/** Everything that must hold of `node`'s view of state `s`; returns what does not. */
function secrecyProblems(s: ByzantineState, node: NodeId, v: ByzantineView): string[] {
  const problems: string[] = [];
  const g = s.nodes[node];
  const traitor = !!g?.traitor;
  scan(v, '', problems);
  if (v.traitor !== traitor) problems.push(`traitor is ${v.traitor}, the node's role says ${traitor}`);
  if (!traitor && v.strategy !== null) problems.push('a loyal node sees a lying strategy');
  // A loyal OM lieutenant owes its relays as a traitor does ([B4]): only ever of what it holds.
  if (!traitor && (node === s.commander || s.signed) && v.pending.length > 0)
    problems.push('a loyal commander or SM lieutenant has sends to choose');
  for (const p of traitor ? [] : v.pending) {
    const held = g?.held[(p.path ?? []).join('>')];
    if (!held || held.value !== p.value) problems.push(`a loyal lieutenant owes ${JSON.stringify(p)}, which it does not hold`);
  }
  // Colluding traitors know each other ([B12]); nobody else learns who the traitors are.
  const accomplices = traitor && s.config.strategy === 'collude' ? s.traitors.filter((t) => t !== node) : null;
  if (JSON.stringify(v.accomplices) !== JSON.stringify(accomplices))
    problems.push(`accomplices is ${JSON.stringify(v.accomplices)}, expected ${JSON.stringify(accomplices)}`);
  if (node !== s.commander && (v.suggestedOrder !== null || v.ordersSent !== null))
    problems.push("a lieutenant sees the commander's orders");
  for (const m of [...(v.order ? [v.order] : []), ...v.relays]) {
    if (!sameMessage(s, node, m)) problems.push(`${JSON.stringify(m)} was not addressed to ${node}, or has not arrived`);
  }
  if (v.decision !== (g?.decision ?? null)) problems.push("the view shows a decision that is not the node's own");
  for (const p of v.pending) {
    for (const to of Object.keys(p.sent))
      if (!s.messages.some((r) => r.from === node && r.to === to)) problems.push(`pending.sent names ${to}, not sent by ${node}`);
  }
  return problems;
}

/** Plays a round to its end, checking every node's view after every step. */
function sweep(room: Room, until = 600_000): { steps: number; views: number } {
  let steps = 0;
  let views = 0;
  const nodes = room.core.state.round!.spec.nodes;
  const checkAll = () => {
    if (!room.running) return;
    const s = room.state;
    for (const n of nodes) {
      const problems = secrecyProblems(s, n, room.view(n));
      views++;
      expect(problems, `${n} at t=${room.now}`).toEqual([]);
    }
  };
  checkAll();
  for (let at = room.core.nextWakeAt(); at !== null && at <= until && room.running; at = room.core.nextWakeAt()) {
    room.now = at;
    room.core.advance(at);
    steps++;
    checkAll();
  }
  expect(room.running).toBe(false);
  return { steps, views };
}

describe('byzantine: secrecy', () => {
  it('[B2] OM(1): a traitor commander, a traitor on autopilot, loss and duplicates', () => {
    const room = new Room({
      humans: 2,
      bots: 4,
      seed: 3,
      latency: 20,
      faults: [
        { op: 'loss', rate: 0.1 },
        { op: 'dup', rate: 0.3 },
        { op: 'latency', base: 20, jitter: 200 },
      ],
    });
    room.core.setAutopilot(0, 'n1', true);
    room.core.setAutopilot(0, 'n2', true);
    room.start({ traitors: 2, commanderTraitor: true, strategy: 'random', phaseMs: 3_000, botDelayMs: 50 });
    const { views } = sweep(room);
    expect(views).toBeGreaterThan(100);
  });

  it('[B2] OM(2) among 7 bots with two traitors', () => {
    const room = new Room({ bots: 7, seed: 5 });
    room.start({ m: 2, traitors: 2, commanderTraitor: 0.5, strategy: 'split', phaseMs: 2_000, botDelayMs: 10 });
    sweep(room);
  });

  it('[B2] SM(2): forged relays reach their addressee only', () => {
    const room = new Room({ bots: 5, seed: 8 });
    room.start({ m: 2, signed: true, traitors: 2, commanderTraitor: true, strategy: 'flip', phaseMs: 2_000, botDelayMs: 10 });
    sweep(room);
    expect(room.result().messages.forged).toBeGreaterThan(0);
  });

  it('[B2] [B12] collude: a traitor sees its accomplices, a loyal node sees none', () => {
    const room = new Room({ bots: 6, seed: 4 });
    room.start({ m: 1, signed: true, traitors: 2, commanderTraitor: true, strategy: 'collude', phaseMs: 2_000, botDelayMs: 10 });
    const [t1, t2] = room.state.traitors;
    expect(room.view(t1!).accomplices).toEqual([t2]);
    sweep(room);
  });

  it('[B2] watchers beyond maxGenerals see no role and no message', () => {
    const room = new Room({ bots: 6, seed: 2 });
    room.start({ maxGenerals: 4, traitors: 1, phaseMs: 2_000, botDelayMs: 10 });
    const watchers = room.core.state.round!.spec.nodes.filter((n) => !room.state.generals.includes(n));
    expect(watchers).toHaveLength(2);
    for (const w of watchers)
      expect(room.view(w)).toMatchObject({ role: 'observer', traitor: false, relays: [], order: null, pending: [] });
    sweep(room);
  });

  it('[B2] a loyal lieutenant cannot tell a traitor that relays the truth from a loyal lieutenant', () => {
    const play = (traitorIds: string[]) => {
      const room = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds, order: 'attack', phaseMs: 10_000 });
      const seen: unknown[] = [];
      room.act('n1', { type: 'order', value: 'attack' });
      seen.push(room.view('n2'));
      room.run(10);
      // Everyone presses Send at once, n4 passing on exactly what it got, whether it is a traitor or loyal.
      room.act('n2', { type: 'send', values: { n3: 'attack', n4: 'attack' } });
      room.act('n3', { type: 'send', values: { n2: 'attack', n4: 'attack' } });
      room.act('n4', { type: 'send', values: { n2: 'attack', n3: 'attack' } });
      seen.push(room.view('n2'));
      room.run(10);
      seen.push(room.view('n2'));
      return seen;
    };
    const honest = play([]);
    const withTraitor = play(['n4']);
    // The view says what n2's own relay was; that does not depend on n4's role.
    expect(withTraitor).toEqual(honest);
  });

  it('[B2] the checker notices a leak', () => {
    const room = new Room({ humans: 4 }).start({ commander: 'n1', traitorIds: ['n2'], phaseMs: 10_000 });
    room.act('n1', { type: 'order', value: 'attack' });
    room.run(20);
    const s = room.state;
    const v = room.view('n3');
    expect(v.order).not.toBeNull();
    expect(secrecyProblems(s, 'n3', v)).toEqual([]);
    expect(secrecyProblems(s, 'n3', { ...v, traitor: true })).not.toEqual([]);
    const forged = { from: 'n2', value: 'retreat' as const, path: ['n1', 'n2'], at: 5, status: 'counted' as const };
    expect(secrecyProblems(s, 'n3', { ...v, relays: [...v.relays, forged] })).not.toEqual([]);
    expect(secrecyProblems(s, 'n3', { ...v, extra: { traitor: true } } as ByzantineView)).not.toEqual([]);
    expect(secrecyProblems(s, 'n3', { ...v, ordersSent: { n4: 'attack' } })).not.toEqual([]);
  });
});
