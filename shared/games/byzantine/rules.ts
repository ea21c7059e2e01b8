// What a node may do now ([B14]). The server enforces every rule: a phone or a student's
// program only asks. Messages are written for the student who pressed the button.

import type { NodeId } from '../../protocol/ids';
import type { EngineCtx, Rejection } from '../types';
import type { ByzantineAction, Value } from './config';
import { recipientsOf } from './paths';
import { decideStep, doneStep, lieutenants, pathKey, sigKey, type ByzantineState } from './state';

const label = (v: Value): string => (v === 'attack' ? 'Attack' : 'Retreat');
const no = (code: string, message: string): Rejection => ({ code, message });

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
    if (to === me) return no('bad_recipient', 'You cannot send a message to yourself.');
    if (!allowed.includes(to)) return no('bad_recipient', `${to} is not one of this message's recipients.`);
    const before = sent[to];
    if (before !== undefined) return no('already_sent', `You already told ${to}: ${label(before)}.`);
  }
  return null;
}

export function check(s: ByzantineState, node: NodeId, action: ByzantineAction, _ctx: EngineCtx): Rejection | null {
  const g = s.nodes[node];
  if (!g) {
    return no('not_general', `You are watching this round: it already has ${s.generals.length} generals. You will play in a later one.`);
  }
  if (s.step >= doneStep(s)) return no('round_over', 'The generals have decided: this round is over.');
  const commander = node === s.commander;
  switch (action.type) {
    case 'order': {
      if (!commander)
        return no('not_commander', `Only the commander gives orders, and ${s.commander} commands this round. Wait for your order.`);
      if (s.step !== 1) return no('phase_over', 'The orders phase is over: your orders have gone out.');
      const sent = g.sentTo[node] ?? {};
      if (Object.keys(sent).length >= s.generals.length - 1)
        return no('already_ordered', 'You have already given every lieutenant an order.');
      return null;
    }
    case 'send': {
      if (!g.traitor) {
        return commander
          ? no('loyal', 'You are loyal: give every lieutenant the same order with Attack or Retreat.')
          : no('loyal', 'You are loyal: the server relays exactly what you received; you do not choose.');
      }
      if (commander) {
        if (action.path || action.level)
          return no('bad_path', 'As commander you send orders, not relays: leave out the path and the level.');
        if (s.step !== 1) return no('phase_over', 'The orders phase is over: your orders have gone out.');
        return checkRecipients(action.values, lieutenants(s), g.sentTo[node] ?? {}, node);
      }
      if (s.signed) {
        if (action.path) return no('bad_path', 'In a signed round you relay by level, not by path.');
        const level = action.level ?? Math.max(2, s.step);
        if (level > s.m + 1) return no('bad_level', `This round's relays have levels 2 to ${s.m + 1}.`);
        if (s.step > level) return no('phase_over', `The level-${level} relay phase is over.`);
        if (s.step === 1 && heldOrder(s, node) === null) {
          return no('no_order_yet', "Wait for the commander's order (or the end of the orders phase) before you relay.");
        }
        const others = lieutenants(s).filter((l) => l !== node);
        return checkRecipients(action.values, others, g.sentTo[`L${level}`] ?? {}, node);
      }
      if (action.level)
        return no('bad_level', 'In an oral-messages round a relay names the message it passes on by its path, not a level.');
      const path = action.path ?? [s.commander];
      if (path[0] !== s.commander || path.length > s.m || path.includes(node)) {
        return no('bad_path', `There is no message ${path.join(' → ')} for you to relay in OM(${s.m}).`);
      }
      if (s.step > path.length + 1) return no('phase_over', `The level-${path.length + 1} relay phase is over.`);
      if (!g.held[pathKey(path)]) {
        return path.length === 1
          ? no('no_order_yet', "Wait for the commander's order (or the end of the orders phase) before you relay.")
          : no('not_held', `You have not received the message ${path.join(' → ')} yet.`);
      }
      const out = [...path, node];
      return checkRecipients(action.values, recipientsOf(s, out), g.sentTo[pathKey(out)] ?? {}, node);
    }
    case 'decide': {
      if (commander) return no('not_lieutenant', 'The commander does not decide: the lieutenants do.');
      if (g.traitor) return no('traitor', "Traitors don't decide: only the loyal lieutenants' decisions are judged.");
      if (s.step < decideStep(s)) return no('too_early', 'Wait for the decision phase: relays are still arriving.');
      if (g.decision !== null) return no('already_decided', `You already decided: ${label(g.decision)}.`);
      return null;
    }
  }
}
