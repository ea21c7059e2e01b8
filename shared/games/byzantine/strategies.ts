// How a traitor lies ([B12]). The same functions serve traitor bots, traitors on autopilot
// and the phase timer filling in what a traitor did not choose, so every lie is seeded.

import type { NodeId } from '../../protocol/ids';
import type { Rng } from '../../rng';
import { other, type Strategy, type Value } from './config';

/**
 * What colluding traitors agree on ([B12] `collude`): who they are, and which loyal
 * lieutenants they lie to (the victims: the first half of the loyal lieutenants in seat
 * order, rounded up, so that with two or more loyal lieutenants someone is left out).
 */
export interface Collusion {
  /** Every traitor, the commander included when it is one. */
  traitors: NodeId[];
  victims: NodeId[];
}

export function collusion(generals: readonly NodeId[], commander: NodeId, traitors: readonly NodeId[]): Collusion {
  const loyal = generals.filter((g) => g !== commander && !traitors.includes(g));
  return { traitors: [...traitors], victims: loyal.slice(0, Math.ceil(loyal.length / 2)) };
}

/** Where the message being chosen sits in the round: needed by `collude` only. */
export interface LieContext {
  collusion: Collusion;
  signed: boolean;
  /** The level of the messages being sent (1: the commander's orders). */
  level: number;
  m: number;
}

/**
 * `collude` (signed messages): the traitors keep a second order among themselves and show it
 * only at the last level, to the victims alone, who can no longer pass it on. A traitor
 * commander orders Attack to every loyal lieutenant and Retreat to the traitors; before the
 * last level the traitors sign Retreat on to each other only; at level m + 1 the victims get
 * Retreat (a genuine chain of m + 1 signatures, all traitors') and the others Attack. The
 * victims then hold both values and retreat while the others attack: SM(m) fails with m + 1
 * traitors, the commander among them. Anything a traitor cannot sign is seen as forged.
 */
function colludeSigned(to: NodeId, ctx: LieContext): Value {
  const accomplice = ctx.collusion.traitors.includes(to);
  if (accomplice) return 'retreat';
  if (ctx.level === ctx.m + 1 && ctx.collusion.victims.includes(to)) return 'retreat';
  return 'attack';
}

/**
 * A value per recipient. `held` is what the traitor was told (a traitor commander: the order
 * it was advised to give); `recipients` are everyone this message goes to, in seat order,
 * so that `split` cuts the same halves whoever is still left to answer. `collude` needs
 * `lie` (without it, it lies like `flip`).
 */
export function chooseValues(
  strategy: Strategy,
  held: Value,
  recipients: readonly NodeId[],
  rng: Rng,
  lie?: LieContext,
): Record<NodeId, Value> {
  const out: Record<NodeId, Value> = {};
  const half = Math.ceil(recipients.length / 2);
  recipients.forEach((to, i) => {
    switch (strategy) {
      case 'flip':
        out[to] = other(held);
        break;
      case 'split':
        out[to] = i < half ? 'attack' : 'retreat';
        break;
      case 'random':
        out[to] = rng.chance(0.5) ? 'attack' : 'retreat';
        break;
      case 'collude':
        // Oral messages: every traitor lies to the same victims and tells everyone else the truth.
        if (!lie) out[to] = other(held);
        else if (lie.signed) out[to] = colludeSigned(to, lie);
        else out[to] = lie.collusion.victims.includes(to) ? other(held) : held;
        break;
    }
  });
  return out;
}
