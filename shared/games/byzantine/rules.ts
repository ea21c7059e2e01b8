// What a node may do now ([B14]). The server enforces every rule: a phone or a student's
// program only asks. A refusal is a code and params; the client words it for the student who
// pressed the button (`error.byzantine.<code>`).

import type { NodeId } from '../../protocol/ids';
import { nodeParam, nodesParam } from '../../protocol/notice';
import type { EngineCtx, Rejection } from '../types';
import type { ByzantineAction, Value } from './config';
import { recipientsOf, smDue } from './paths';
import { decideStep, doneStep, lieutenants, pathKey, sigKey, type ByzantineState } from './state';

const no = (code: string, params?: Rejection['params']): Rejection => (params ? { code, params } : { code });
/** A message's path, shown by nickname on the phone ("Ana → Ben"). */
const pathParam = (path: readonly NodeId[]) => nodesParam(path);

/** The order `node` holds (SM: a valid signed one), or null. */
export function heldOrder(s: ByzantineState, node: NodeId): Value | null {
  const g = s.nodes[node];
  if (!g) return null;
  if (!s.signed) return g.held[pathKey([s.commander])]?.value ?? null;
  if (g.held[sigKey('attack', [s.commander])]) return 'attack';
  return g.held[sigKey('retreat', [s.commander])] ? 'retreat' : null;
}

/** Recipients must be allowed and not told yet; each is told once per message ([B5]). */
function checkRecipients(
  values: Record<NodeId, Value>,
  allowed: readonly NodeId[],
  sent: Record<NodeId, Value>,
  me: NodeId,
): Rejection | null {
  for (const to of Object.keys(values)) {
    if (to === me) return no('bad_recipient', { why: 'self' });
    if (!allowed.includes(to)) return no('bad_recipient', { why: 'not_recipient', id: to });
    const before = sent[to];
    if (before !== undefined) return no('already_sent', { node: nodeParam(to), value: before });
  }
  return null;
}

export function check(s: ByzantineState, node: NodeId, action: ByzantineAction, _ctx: EngineCtx): Rejection | null {
  const g = s.nodes[node];
  if (!g) {
    return no('not_general', { count: s.generals.length });
  }
  if (s.step >= doneStep(s)) return no('round_over');
  const commander = node === s.commander;
  switch (action.type) {
    case 'order': {
      if (!commander) return no('not_commander', { node: nodeParam(s.commander) });
      if (s.step !== 1) return no('phase_over', { level: 1 });
      const sent = g.sentTo[node] ?? {};
      if (Object.keys(sent).length >= s.generals.length - 1) return no('already_ordered');
      return null;
    }
    case 'send': {
      // A loyal commander orders everyone alike ([B3]); SM relays are the `relay` action.
      if (!g.traitor && commander) return no('loyal', { commander: 'yes' });
      if (commander) {
        if (action.path) return no('bad_path', { why: 'commander' });
        if (s.step !== 1) return no('phase_over', { level: 1 });
        return checkRecipients(action.values, lieutenants(s), g.sentTo[node] ?? {}, node);
      }
      if (s.signed) return no('bad_path', { why: 'signed' });
      const path = action.path ?? [s.commander];
      if (path[0] !== s.commander || path.length > s.m || path.includes(node)) {
        return no('bad_path', { why: 'no_message', path: pathParam(path), m: s.m });
      }
      if (s.step > path.length + 1) return no('phase_over', { level: path.length + 1 });
      if (!g.held[pathKey(path)]) return path.length === 1 ? no('no_order_yet') : no('not_held', { path: pathParam(path) });
      const out = [...path, node];
      const refused = checkRecipients(action.values, recipientsOf(s, out), g.sentTo[pathKey(out)] ?? {}, node);
      if (refused || g.traitor) return refused;
      // A loyal lieutenant sends like a traitor (the same screen, the same wait), but only what it holds ([B4]).
      const held = g.held[pathKey(path)]?.value;
      return Object.values(action.values).some((v) => v !== held) ? no('honest', { signed: 'no', value: held ?? 'retreat' }) : null;
    }
    case 'relay': {
      if (commander) return no('bad_path', { why: 'commander' });
      if (!s.signed) return no('bad_level', { why: 'oral', max: s.m + 1 });
      const level = action.level;
      if (level > s.m + 1) return no('bad_level', { why: 'range', max: s.m + 1 });
      if (s.step > level) return no('phase_over', { level });
      // Level k passes on what came at level k − 1, which is all in once that phase has ended.
      if (s.step < level) return no('not_yet', { level });
      if (g.smRelayed[String(level)] !== undefined) return no('already_relayed', { level });
      const others = lieutenants(s).filter((l) => l !== node);
      for (const [to, vs] of Object.entries(action.values)) {
        if (to === node) return no('bad_recipient', { why: 'self' });
        if (!others.includes(to)) return no('bad_recipient', { why: 'not_recipient', id: to });
        // A traitor tells each lieutenant one thing per level, as it always could ([B5]).
        if (g.traitor && vs.length > 1) return no('one_each', { node: nodeParam(to) });
      }
      if (g.traitor) return null;
      // A loyal lieutenant passes on exactly what SM says: each value it accepted at the last level, to everyone not on its chain ([B4]).
      const due = smDue(s, node, level);
      const same = others.every((r) => {
        const want = due[r] ?? [];
        const got = action.values[r] ?? [];
        return want.length === got.length && want.every((v) => got.includes(v));
      });
      return same ? null : no('honest', { signed: 'yes', value: heldOrder(s, node) ?? 'retreat' });
    }
    case 'decide': {
      if (commander) return no('not_lieutenant');
      if (g.traitor) return no('traitor');
      if (s.step < decideStep(s)) return no('too_early');
      if (g.decision !== null) return no('already_decided', { value: g.decision });
      return null;
    }
  }
}
